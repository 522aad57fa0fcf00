package br.bankhistory.history.statement;

import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.PaymentDetails;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.StoredItem;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import static br.bankhistory.history.statement.StatementStyle.BASELINE;
import static br.bankhistory.history.statement.StatementStyle.BODY_SIZE;
import static br.bankhistory.history.statement.StatementStyle.INK;
import static br.bankhistory.history.statement.StatementStyle.LINE_H;
import static br.bankhistory.history.statement.StatementStyle.PAD;
import static br.bankhistory.history.statement.StatementStyle.RED;
import static br.bankhistory.history.statement.StatementStyle.ROW_H;

/**
 * The titles or payments a finance team acts on, listed on the first pages: those the bank rejected, with
 * every reason in words; those no remessa sent (reconciliation "não localizado"); the events earlier retornos
 * had already reported. Each list shows up to {@link StatementTally#LISTED} and says how many there were.
 */
final class ExceptionsSection {

    private static final int MAX_LINES = 3;

    private final Canvas c;
    private final PDStructureElement parent;
    private final StatementTally tally;
    private final boolean payments;
    private final Column[] columns;

    ExceptionsSection(Canvas canvas, PDStructureElement parent, FileKind kind, StatementTally tally) {
        this.c = canvas;
        this.parent = parent;
        this.tally = tally;
        this.payments = kind == FileKind.RETORNO_PAGAMENTO || kind == FileKind.REMESSA_PAGAMENTO;
        this.columns = ItemTable.columns(new String[] {"Linha", payments ? "Número do banco" : "Nosso número",
                "Seu número", payments ? "Favorecido" : "Pagador", "Valor", "Ocorrência", "Motivo(s) / observação"},
                new float[] {36f, 90f, 70f, 150f, 70f, 130f}, 0, 4);
    }

    void draw() throws IOException {
        String noun = payments ? "Pagamentos" : "Títulos";
        list(noun + " rejeitados", tally.rejected, i -> String.join("; ", i.item().reasons()), true);
        list(noun + " não localizados em nenhuma remessa", tally.notFound,
                i -> "Nenhuma remessa do cliente enviou este " + (payments ? "pagamento." : "título."), true);
        list("Ocorrências já informadas por retornos anteriores", tally.repeated,
                i -> ItemTable.link(i.reconciliation()) + ": contada à parte, não aplicada de novo.", false);
    }

    private void list(String heading, StatementTally.Listed listed, Function<StoredItem, String> note, boolean red)
            throws IOException {
        if (listed.count == 0) {
            return;
        }
        String title = heading + " (" + PtBrFormat.count(listed.count) + ")"
                + (listed.count > listed.items.size() ? " \u2014 mostrando " + PtBrFormat.count(listed.items.size())
                + " de " + PtBrFormat.count(listed.count) : "");
        Table table = Table.start(c, parent, title, columns, 2 * ROW_H, BODY_SIZE - 0.5f);
        Column last = columns[columns.length - 1];
        for (StoredItem stored : listed.items) {
            Item item = stored.item();
            List<String> lines = WordWrap.lines(c.regular, c.regular.clean(note.apply(stored)), BODY_SIZE,
                    last.w() - 2 * PAD, MAX_LINES);
            float h = ROW_H + (lines.size() - 1) * LINE_H;
            PaymentDetails p = item.payment();
            String yourNumber = p != null && !p.companyNumber().isBlank() ? p.companyNumber() : item.yourNumber();
            table.row(h, x -> {
                float base = x.y - ROW_H + BASELINE;
                x.beginText(x.regular, BODY_SIZE, INK);
                CellText.number(x, x.regular, columns[0], base, PtBrFormat.count(item.line()));
                CellText.shrunk(x, x.regular, columns[1], base, item.ourNumber(), false);
                CellText.shrunk(x, x.regular, columns[2], base, PtBrFormat.yourNumber(yourNumber), false);
                CellText.left(x, x.regular, columns[3], base, item.counterpartName());
                CellText.number(x, x.regular, columns[4], base, PtBrFormat.money(item.amountCents()));
                if (red) {
                    x.fill(RED);
                }
                CellText.left(x, x.regular, columns[5], base, ItemTable.occurrence(item.occurrenceCode(),
                        item.occurrenceText()));
                for (int i = 0; i < lines.size(); i++) {
                    x.moveTo(last.x() + PAD, base - i * LINE_H);
                    x.show(lines.get(i));
                }
                x.fill(INK);
                x.endText();
            });
        }
        c.y -= 10f;
    }
}
