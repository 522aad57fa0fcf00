package br.bankhistory.history.statement;

import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.StoredItem;

import java.io.IOException;

/**
 * The items of a remessa de cobrança (its instructions, and the retorno that answered each title), of an extrato
 * (its entries) or of any other file: numbers, counterpart, due date, amounts, occurrence or instruction and reasons.
 */
final class PlainTable extends ItemTable {

    private final Column[] columns;
    private final FileKind kind;

    PlainTable(FileKind kind) {
        this.kind = kind;
        boolean extrato = kind == FileKind.EXTRATO;
        String occurrence = kind == FileKind.REMESSA_COBRANCA ? "Instrução" : extrato ? "Histórico" : "Ocorrência";
        String counterpart = kind == FileKind.REMESSA_COBRANCA ? "Pagador" : extrato ? "Contraparte"
                : "Pagador / favorecido";
        String link = kind == FileKind.REMESSA_COBRANCA ? "Resposta do banco" : "Conciliação";
        this.columns = columns(
                new String[] {"Nosso número", "Seu número", counterpart, "Vencimento", "Valor", "Valor pago",
                        occurrence, "Motivo(s)", link},
                new float[] {90f, 66f, 130f, 50f, 62f, 62f, 110f, 124f}, 4, 5);
    }

    @Override
    Column[] columns() {
        return columns;
    }

    @Override
    String noun() {
        return kind == FileKind.REMESSA_COBRANCA ? "Títulos" : kind == FileKind.EXTRATO ? "Lançamentos" : "Itens";
    }

    @Override
    void cells(Canvas c, StoredItem stored, float base) throws IOException {
        Item item = stored.item();
        FontFace f = c.regular;
        CellText.shrunk(c, f, columns[0], base, item.ourNumber(), false);
        CellText.shrunk(c, f, columns[1], base, PtBrFormat.yourNumber(item.yourNumber()), false);
        CellText.left(c, f, columns[2], base, item.counterpartName());
        CellText.shrunk(c, f, columns[3], base, PtBrFormat.date(item.dueDate()), false);
        CellText.number(c, f, columns[4], base, PtBrFormat.money(item.amountCents()));
        CellText.number(c, f, columns[5], base, moneyOrDash(item.paidCents()));
        occurrenceCell(c, columns[6], base, item);
        reasonsCell(c, columns[7], base, item.reasons());
        linkCell(c, columns[8], base, stored);
    }
}
