package br.bankhistory.history.statement;

import br.bankhistory.cnab.Amounts;
import br.bankhistory.cnab.Category;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.statement.StatementStyle.BASELINE;
import static br.bankhistory.history.statement.StatementStyle.BODY_SIZE;
import static br.bankhistory.history.statement.StatementStyle.INK;
import static br.bankhistory.history.statement.StatementStyle.MUTED;
import static br.bankhistory.history.statement.StatementStyle.RED;
import static br.bankhistory.history.statement.StatementStyle.RIGHT;
import static br.bankhistory.history.statement.StatementStyle.ROW_H;

/**
 * The first page's answer to "what happened": totals by outcome with every amount a finance team checks (for
 * pagamentos without a fee column: banks do not return one there), the finding counts beside them, and the
 * credits by credit date (cobrança).
 */
final class SummarySection {

    private static final float FINDINGS_W = 170f;

    private final Canvas c;
    private final PDStructureElement parent;
    private final IntegrationRecord record;
    private final StatementTally tally;
    private final FileKind kind;

    SummarySection(Canvas canvas, PDStructureElement parent, IntegrationRecord record, StatementTally tally) {
        this.c = canvas;
        this.parent = parent;
        this.record = record;
        this.tally = tally;
        this.kind = record.kind() == null ? FileKind.OTHER : record.kind();
    }

    void draw() throws IOException {
        float findingsX = RIGHT - FINDINGS_W;
        Table.heading(c, parent, "Críticas do arquivo", findingsX);
        Table.heading(c, parent, "Resumo por ocorrência");
        float top = c.y;
        outcomes();
        float leftBottom = c.y;
        c.y = top;
        findingCounts(findingsX);
        c.y = Math.min(leftBottom, c.y) - 12f;
        if (kind == FileKind.RETORNO_COBRANCA && !tally.byCreditDate.isEmpty()) {
            credits();
        }
    }

    // ---- totals by outcome ----

    private void outcomes() throws IOException {
        Column[] cols = outcomeColumns(kind);
        Table table = Table.open(c, parent, cols, BODY_SIZE - 0.5f);
        List<Map.Entry<String, StatementTally.Sum>> rows = tally.ordered();
        for (Map.Entry<String, StatementTally.Sum> row : rows) {
            boolean rejected = Category.ENTRY_REJECTED.name().equals(row.getKey())
                    || Category.PAYMENT_REJECTED.name().equals(row.getKey());
            outcomeRow(table, c.regular, rejected ? RED : INK, PtBrFormat.category(row.getKey()), row.getValue());
        }
        if (rows.isEmpty()) {
            table.row(ROW_H, x -> x.text(x.regular, BODY_SIZE, MUTED, cols[0].x() + StatementStyle.PAD,
                    x.y - ROW_H + BASELINE, "Nenhuma ocorrência", cols[0].w()));
        }
        float end = cols[cols.length - 1].end();
        c.artifact(x -> x.strokeLine(cols[0].x(), x.y, end, x.y, StatementStyle.ACCENT, 0.6f));
        c.resetZebra();
        outcomeRow(table, c.bold, INK, "Total", tally.total);
        if (tally.partial > 0) {
            String note = PtBrFormat.count(tally.partial) + " item(ns) de registro incompleto, fora dos totais.";
            paragraph(note, MUTED, cols[0].x(), end - cols[0].x());
        }
    }

    static Column[] outcomeColumns(FileKind kind) {
        return switch (kind) {
            case RETORNO_COBRANCA -> ItemTable.columns(new String[] {"Ocorrência", "Quantidade", "Valor", "Juros/multa",
                    "Desc./abatimento", "Valor pago", "Tarifas", "Líquido creditado"},
                    new float[] {138f, 54f, 72f, 62f, 70f, 72f, 58f, 76f}, 1, 2, 3, 4, 5, 6, 7);
            case RETORNO_PAGAMENTO, REMESSA_PAGAMENTO -> ItemTable.columns(new String[] {"Ocorrência", "Quantidade",
                    "Valor", "Valor efetivado", "Juros/multa", "Desc./abatimento"},
                    new float[] {190f, 60f, 90f, 90f, 80f, 80f}, 1, 2, 3, 4, 5);
            case REMESSA_COBRANCA, EXTRATO, OTHER -> ItemTable.columns(new String[] {kind == FileKind.REMESSA_COBRANCA
                    ? "Instrução" : kind == FileKind.EXTRATO ? "Natureza" : "Ocorrência", "Quantidade", "Valor",
                    "Valor pago"},
                    new float[] {220f, 70f, 100f, 100f}, 1, 2, 3);
        };
    }

    private void outcomeRow(Table table, FontFace face, int color, String label, StatementTally.Sum s)
            throws IOException {
        Column[] cols = table.columns();
        Amounts a = s.amounts;
        String[] values = switch (kind) {
            case RETORNO_COBRANCA -> new String[] {PtBrFormat.count(s.count), PtBrFormat.money(a.titleCents()),
                    PtBrFormat.money(a.interestCents() + a.fineCents()),
                    PtBrFormat.money(a.discountCents() + a.rebateCents()), PtBrFormat.money(a.paidCents()),
                    PtBrFormat.money(a.feeCents()), PtBrFormat.money(a.netCreditedCents())};
            case RETORNO_PAGAMENTO, REMESSA_PAGAMENTO -> new String[] {PtBrFormat.count(s.count),
                    PtBrFormat.money(a.titleCents()), PtBrFormat.money(s.effectiveCents),
                    PtBrFormat.money(a.interestCents() + a.fineCents()),
                    PtBrFormat.money(a.discountCents() + a.rebateCents())};
            case REMESSA_COBRANCA, EXTRATO, OTHER -> new String[] {PtBrFormat.count(s.count),
                    PtBrFormat.money(a.titleCents()),
                    PtBrFormat.money(a.paidCents())};
        };
        table.row(ROW_H, x -> {
            float base = x.y - ROW_H + BASELINE;
            x.beginText(face, BODY_SIZE, color);
            CellText.left(x, face, cols[0], base, label);
            x.fill(INK);
            for (int i = 0; i < values.length; i++) {
                CellText.number(x, face, cols[i + 1], base, values[i]);
            }
            x.endText();
        });
    }

    // ---- finding counts ----

    private void findingCounts(float x) throws IOException {
        Map<String, Long> counts = record.findingCounts() == null ? Map.of() : record.findingCounts();
        long errors = counts.getOrDefault("ERROR", 0L);
        long warnings = counts.getOrDefault("WARNING", 0L);
        long infos = counts.getOrDefault("INFO", 0L);
        float w = RIGHT - x;
        Column[] fc = {new Column("Tipo", x, w - 70f, false), new Column("Quantidade", x + w - 70f, 70f, true)};
        Table table = Table.open(c, parent, fc, BODY_SIZE - 0.5f);
        countRow(table, "Erros", errors, errors > 0 ? RED : INK);
        countRow(table, "Avisos", warnings, INK);
        countRow(table, "Informações", infos, INK);
        String note = errors + warnings + infos == 0 ? "Arquivo lido sem erros nem avisos."
                : errors > 0 ? "Há erros: o arquivo não deve ser considerado como está."
                : "Somente avisos: o arquivo foi processado.";
        c.y -= 2f;
        for (String line : WordWrap.lines(c.regular, c.regular.clean(note), BODY_SIZE, w, 2)) {
            paragraph(line, errors > 0 ? RED : MUTED, x, w);
        }
    }

    private void countRow(Table table, String label, long n, int color) throws IOException {
        Column[] cols = table.columns();
        table.row(ROW_H, x -> {
            float base = x.y - ROW_H + BASELINE;
            x.beginText(x.regular, BODY_SIZE, color);
            CellText.left(x, x.regular, cols[0], base, label);
            CellText.number(x, x.regular, cols[1], base, PtBrFormat.count(n));
            x.endText();
        });
    }

    // ---- credits by date ----

    private void credits() throws IOException {
        Column[] cols = ItemTable.columns(new String[] {"Data do crédito", "Títulos", "Valor pago", "Tarifas",
                "Líquido creditado"}, new float[] {150f, 54f, 90f, 80f, 90f}, 1, 2, 3, 4);
        Table table = Table.start(c, parent, "Créditos na conta por data", cols, 2 * ROW_H, BODY_SIZE - 0.5f);
        for (Map.Entry<LocalDate, StatementTally.Sum> e : tally.byCreditDate.entrySet()) {
            creditRow(table, PtBrFormat.date(e.getKey()), e.getValue());
        }
        if (tally.otherCreditDates.count > 0) {
            creditRow(table, "Outras datas", tally.otherCreditDates);
        }
        c.y -= 10f;
    }

    private void creditRow(Table table, String label, StatementTally.Sum s) throws IOException {
        Column[] cols = table.columns();
        table.row(ROW_H, x -> {
            float base = x.y - ROW_H + BASELINE;
            x.beginText(x.regular, BODY_SIZE, INK);
            CellText.left(x, x.regular, cols[0], base, label);
            CellText.number(x, x.regular, cols[1], base, PtBrFormat.count(s.count));
            CellText.number(x, x.regular, cols[2], base, PtBrFormat.money(s.amounts.paidCents()));
            CellText.number(x, x.regular, cols[3], base, PtBrFormat.money(s.amounts.feeCents()));
            CellText.number(x, x.regular, cols[4], base, PtBrFormat.money(s.amounts.netCreditedCents()));
            x.endText();
        });
    }

    /** One line of text (a P), fitted to {@code width}, below the cursor. */
    private void paragraph(String text, int color, float x, float width) throws IOException {
        PDStructureElement p = c.tags.add(parent, "P");
        float base = c.y - 9f;
        c.marked(p, k -> k.text(k.regular, BODY_SIZE, color, x, base, text, width));
        c.y -= 11f;
    }
}
