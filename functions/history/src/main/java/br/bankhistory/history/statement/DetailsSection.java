package br.bankhistory.history.statement;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

import java.io.IOException;

import static br.bankhistory.history.statement.RecordLabels.bank;
import static br.bankhistory.history.statement.RecordLabels.blank;
import static br.bankhistory.history.statement.RecordLabels.join;
import static br.bankhistory.history.statement.RecordLabels.layout;
import static br.bankhistory.history.statement.StatementStyle.INK;
import static br.bankhistory.history.statement.StatementStyle.LABEL_SIZE;
import static br.bankhistory.history.statement.StatementStyle.LEFT;
import static br.bankhistory.history.statement.StatementStyle.MUTED;
import static br.bankhistory.history.statement.StatementStyle.PANEL_BG;
import static br.bankhistory.history.statement.StatementStyle.VALUE_SIZE;
import static br.bankhistory.history.statement.StatementStyle.WIDTH;

/** The file's identity, on the first page: a 3 x 4 grid, long values (names) in the wide first column. */
final class DetailsSection {

    private DetailsSection() {
    }

    static void draw(Canvas canvas, PDStructureElement root, IntegrationRecord record) throws IOException {
        String[][] cells = {
                {"Empresa", record.companyName()},
                {"CNPJ", PtBrFormat.document(record.companyDocument())},
                {"Banco", bank(record)},
                {"Agência / Conta", join(" / ", record.agency(), record.account())},
                {"Arquivo", FileNames.display(record.fileName())},
                {"NSA (número sequencial do arquivo)", record.sequenceNumber() > 0 ? Long.toString(record.sequenceNumber()) : ""},
                {"Layout", layout(record)},
                {"Convênio", record.agreement()},
                {"Origem / Usuário", join(" · ", PtBrFormat.origin(record.origin()),
                        PtBrFormat.user(record.origin(), record.userName()))},
                {"Data de geração do arquivo", PtBrFormat.date(record.generatedOn())},
                {"Recebido e processado em", PtBrFormat.dateTime(record.receivedAt())},
                {"Situação", PtBrFormat.status(record.status())},
        };
        float[] widths = {290f, 165f, 190f, WIDTH - 645f};
        int perRow = widths.length;
        float rowH = 24f;
        float height = rowH * (cells.length / perRow) + 6f;
        float top = canvas.y - 3f;
        canvas.artifact(c -> c.fillRect(LEFT, c.y - height, WIDTH, height, PANEL_BG));
        PDStructureElement grid = canvas.tags.add(root, StandardStructureTypes.DIV);
        for (int i = 0; i < cells.length; i++) {
            int col = i % perRow;
            float x = LEFT + 8f;
            for (int k = 0; k < col; k++) {
                x += widths[k];
            }
            float cellW = widths[col] - 14f;
            float rowTop = top - (i / perRow) * rowH;
            String label = cells[i][0];
            String value = blank(cells[i][1]) ? PtBrFormat.EMPTY : cells[i][1];
            float cx = x;
            canvas.marked(canvas.tags.add(grid, StandardStructureTypes.P), c -> {
                c.text(c.regular, LABEL_SIZE, MUTED, cx, rowTop - 8.5f, label, cellW);
                c.text(c.bold, VALUE_SIZE, INK, cx, rowTop - 19f, value, cellW);
            });
        }
        canvas.y -= height + 10f;
    }
}
