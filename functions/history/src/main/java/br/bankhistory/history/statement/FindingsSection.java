package br.bankhistory.history.statement;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;
import java.util.List;

import static br.bankhistory.history.statement.StatementStyle.BASELINE;
import static br.bankhistory.history.statement.StatementStyle.BODY_SIZE;
import static br.bankhistory.history.statement.StatementStyle.INK;
import static br.bankhistory.history.statement.StatementStyle.LINE_H;
import static br.bankhistory.history.statement.StatementStyle.PAD;
import static br.bankhistory.history.statement.StatementStyle.RED;
import static br.bankhistory.history.statement.StatementStyle.ROW_H;

/** The stored findings (bounded), with "mostrando N de M" when the file had more. */
final class FindingsSection {

    static final int MAX_MESSAGE_LINES = 3;

    private static final Column[] COLUMNS = ItemTable.columns(new String[] {"Tipo", "Linha", "Coluna", "Campo",
            "Mensagem"}, new float[] {58f, 50f, 46f, 120f}, 1, 2);

    private FindingsSection() {
    }

    static void draw(Canvas c, PDStructureElement parent, IntegrationRecord record) throws IOException {
        List<StoredFinding> list = record.findings() == null ? List.of() : record.findings();
        if (list.isEmpty()) {
            return;
        }
        long total = 0;
        if (record.findingCounts() != null) {
            for (Long n : record.findingCounts().values()) {
                total += n == null ? 0 : n;
            }
        }
        String heading = "Detalhe das críticas";
        if (total > list.size()) {
            heading += " \u2014 mostrando " + PtBrFormat.count(list.size()) + " de " + PtBrFormat.count(total);
        }
        Table table = Table.start(c, parent, heading, COLUMNS, 2 * ROW_H);
        Column msg = COLUMNS[4];
        for (StoredFinding f : list) {
            if (f == null) {
                continue;
            }
            List<String> lines = WordWrap.lines(c.regular, c.regular.clean(f.message()), BODY_SIZE,
                    msg.w() - 2 * PAD, MAX_MESSAGE_LINES);
            float h = ROW_H + (lines.size() - 1) * LINE_H;
            boolean error = "ERROR".equals(f.severity());
            table.row(h, x -> {
                float base = x.y - ROW_H + BASELINE;
                FontFace face = error ? x.bold : x.regular;
                x.beginText(face, BODY_SIZE, error ? RED : INK);
                CellText.left(x, face, COLUMNS[0], base, PtBrFormat.severity(f.severity()));
                x.endText();
                x.beginText(x.regular, BODY_SIZE, INK);
                CellText.number(x, x.regular, COLUMNS[1], base,
                        f.line() > 0 ? PtBrFormat.count(f.line()) : PtBrFormat.EMPTY);
                CellText.number(x, x.regular, COLUMNS[2], base,
                        f.column() > 0 ? Integer.toString(f.column()) : PtBrFormat.EMPTY);
                CellText.left(x, x.regular, COLUMNS[3], base, f.field());
                for (int i = 0; i < lines.size(); i++) {
                    x.moveTo(msg.x() + PAD, base - i * LINE_H);
                    x.show(lines.get(i));
                }
                x.endText();
            });
        }
        c.y -= 12f;
    }
}
