package br.bankhistory.history.statement;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static br.bankhistory.history.statement.Canvas.ACCENT;
import static br.bankhistory.history.statement.Canvas.CONTENT_BOTTOM;
import static br.bankhistory.history.statement.Canvas.CONTENT_TOP;
import static br.bankhistory.history.statement.Canvas.FOOTER_RULE_Y;
import static br.bankhistory.history.statement.Canvas.FOOTER_SIZE;
import static br.bankhistory.history.statement.Canvas.HEAD_RULE_Y;
import static br.bankhistory.history.statement.Canvas.HEAD_SIZE;
import static br.bankhistory.history.statement.Canvas.INK;
import static br.bankhistory.history.statement.Canvas.LABEL_SIZE;
import static br.bankhistory.history.statement.Canvas.LEFT;
import static br.bankhistory.history.statement.Canvas.MUTED;
import static br.bankhistory.history.statement.Canvas.PANEL_BG;
import static br.bankhistory.history.statement.Canvas.RIGHT;
import static br.bankhistory.history.statement.Canvas.ROW_H;
import static br.bankhistory.history.statement.Canvas.RULE;
import static br.bankhistory.history.statement.Canvas.TABLE_HEAD_H;
import static br.bankhistory.history.statement.Canvas.TITLE_SIZE;
import static br.bankhistory.history.statement.Canvas.TOP;
import static br.bankhistory.history.statement.Canvas.VALUE_SIZE;
import static br.bankhistory.history.statement.Canvas.WIDTH;

/**
 * Lays out one statement (one instance per document). A4 landscape; a running head (title, company, bank,
 * account, file, NSA) and a footer on every page. The first page answers "what happened": the file's details,
 * totals by outcome ({@link SummarySection}), the story in sentences and the status history
 * ({@link HappenedSection}), the rejected, not found and repeated items ({@link ExceptionsSection}); then the
 * findings ({@link FindingsSection}) and the table of items ({@link ItemTable}), whose headings repeat on each
 * page. Page numbers are stamped when the page count is known. The document is tagged ({@link Tags}).
 */
final class StatementComposer {

    /** Item rows on a page that holds only the table (every page after the first, until the items end). */
    static final int ROWS_PER_PAGE = (int) ((CONTENT_TOP - TABLE_HEAD_H - CONTENT_BOTTOM) / ROW_H);

    private final PDDocument document;
    private final IntegrationRecord record;
    private final List<StatusChange> history;
    private final Canvas canvas;
    private final Tags tags;
    private final String title;
    private final String headLine2Left;
    private final String headLine2Right;
    private final String footerLeft;

    StatementComposer(PDDocument document, IntegrationRecord record, List<StatusChange> history) throws IOException {
        this.document = document;
        this.record = record;
        this.history = history == null ? List.of() : history;
        this.tags = new Tags(document);
        this.canvas = new Canvas(document, FontFace.load(document, FontFace.Style.REGULAR),
                FontFace.load(document, FontFace.Style.BOLD), tags, this::runningHead);
        this.title = PtBrFormat.statementTitle(record.kind());
        this.headLine2Left = join(" · ", bank(record), accountLine(record), labelled("Convênio ", record.agreement()));
        this.headLine2Right = join(" · ", labelled("Arquivo ", FileNames.display(record.fileName())),
                record.sequenceNumber() > 0 ? "NSA " + record.sequenceNumber() : "");
        this.footerLeft = join(" · ", "Histórico de Integrações com o Banco",
                labelled("Registro ", record.id()), "Extrato v" + StatementRenderer.VERSION);
    }

    /** Draws the statement: {@code tally} was gathered from the same items, which are iterated once here. */
    void compose(StatementTally tally, Iterable<StoredItem> items) throws IOException {
        FontFace regular = canvas.regular;
        String shownName = FileNames.display(record.fileName());
        String docTitle = regular.clean(title + (blank(shownName) ? "" : " \u2014 " + shownName));
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(docTitle);
        info.setSubject(regular.clean(join(" · ", record.companyName(), PtBrFormat.document(record.companyDocument()))));
        info.setCreator("Bank Integration History (extrato v" + StatementRenderer.VERSION + ")");

        PDStructureElement root = tags.document();
        canvas.newPage();
        details(root);
        new SummarySection(canvas, root, record, tally).draw();
        new HappenedSection(canvas, root, record, history, tally).draw();
        new ExceptionsSection(canvas, root, record.kind(), tally).draw();
        FindingsSection.draw(canvas, root, record);
        ItemTable.of(record.kind()).draw(canvas, root, record.itemCount(), items);
        canvas.finishPage();
        stampPageNumbers();
        tags.finish(document, docTitle);
    }

    /** The file's identity, on the first page: a 3 x 4 grid, long values (names) in the wide first column. */
    private void details(PDStructureElement root) throws IOException {
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
        PDStructureElement grid = tags.add(root, StandardStructureTypes.DIV);
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
            canvas.marked(tags.add(grid, StandardStructureTypes.P), c -> {
                c.text(c.regular, LABEL_SIZE, MUTED, cx, rowTop - 8.5f, label, cellW);
                c.text(c.bold, VALUE_SIZE, INK, cx, rowTop - 19f, value, cellW);
            });
        }
        canvas.y -= height + 10f;
    }

    // ---- running head, footer, page numbers ----

    private void runningHead(Canvas c) throws IOException {
        float titleBase = TOP - 12f;
        float titleW = c.bold.width(c.bold.clean(title), TITLE_SIZE);
        if (c.pageCount() == 1) {
            c.marked(tags.add(tags.document(), StandardStructureTypes.H1),
                    k -> k.text(k.bold, TITLE_SIZE, ACCENT, LEFT, titleBase, title, WIDTH));
        } else {
            c.artifact(k -> k.text(k.bold, TITLE_SIZE, ACCENT, LEFT, titleBase, title, WIDTH));
        }
        c.artifact(k -> {
            float rightRoom = WIDTH - titleW - 24f;
            String company = join(" · ", record.companyName(),
                    blank(record.companyDocument()) ? "" : "CNPJ " + PtBrFormat.document(record.companyDocument()));
            k.rightText(k.bold, 8f, INK, RIGHT, titleBase, company, rightRoom);
            float line2 = TOP - 26f;
            float rightW = Math.min(k.regular.width(k.regular.clean(headLine2Right), HEAD_SIZE), WIDTH * 0.45f);
            k.text(k.regular, HEAD_SIZE, MUTED, LEFT, line2, headLine2Left, WIDTH - rightW - 24f);
            k.rightText(k.regular, HEAD_SIZE, MUTED, RIGHT, line2, headLine2Right, WIDTH * 0.45f);
            k.strokeLine(LEFT, HEAD_RULE_Y, RIGHT, HEAD_RULE_Y, ACCENT, 1f);
            k.strokeLine(LEFT, FOOTER_RULE_Y, RIGHT, FOOTER_RULE_Y, RULE, 0.5f);
            k.text(k.regular, FOOTER_SIZE, MUTED, LEFT, FOOTER_RULE_Y - 10f, footerLeft, WIDTH - 120f);
        });
    }

    /** "Página X de Y" on every page, appended now that Y is known. */
    private void stampPageNumbers() throws IOException {
        int i = 0;
        int pages = canvas.pageCount();
        for (PDPage page : document.getPages()) {
            String label = "Página " + (++i) + " de " + pages;
            canvas.stamp(page, k -> k.rightText(k.regular, FOOTER_SIZE + 0.5f, INK, RIGHT, FOOTER_RULE_Y - 10f,
                    label, 115f));
        }
    }

    // ---- layout helpers ----

    /** Greedy word wrap to at most {@code maxLines}; the last line ends in "…" when text remains. */
    static List<String> wrap(FontFace face, String cleaned, float size, float width, int maxLines) {
        List<String> lines = new ArrayList<>(2);
        String rest = cleaned.strip();
        if (rest.isEmpty()) {
            lines.add("");
            return lines;
        }
        while (!rest.isEmpty() && lines.size() < maxLines - 1) {
            if (face.width(rest, size) <= width) {
                lines.add(rest);
                return lines;
            }
            int cut = breakAt(face, rest, size, width);
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            lines.add(face.fit(rest, size, width));
        }
        return lines;
    }

    /** Where to break {@code text} so its first part fits: after the last space that fits, else mid-word. */
    private static int breakAt(FontFace face, String text, float size, float width) {
        String fitted = face.fit(text, size, width);
        int fits = fitted.endsWith(FontFace.ELLIPSIS) ? fitted.length() - 1 : fitted.length();
        int n = fits;
        while (n < text.length() && face.width(text.substring(0, n + 1), size) <= width) {
            n++;
        }
        int space = text.lastIndexOf(' ', n);
        if (space > 0) {
            return space + 1;
        }
        return Math.max(1, n);
    }

    private static String bank(IntegrationRecord r) {
        String code = r.bankCode() == null ? "" : r.bankCode().strip();
        String name = r.bankName() == null ? "" : r.bankName().strip();
        if (code.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? code : code + " - " + name;
    }

    private static String accountLine(IntegrationRecord r) {
        return join(" · ", labelled("Agência ", r.agency()), labelled("Conta ", r.account()));
    }

    private static String layout(IntegrationRecord r) {
        String layout = r.layout() == null ? "" : switch (r.layout()) {
            case "CNAB240" -> "CNAB 240";
            case "CNAB400" -> "CNAB 400";
            case "NOT_CNAB" -> "Não é CNAB";
            default -> r.layout();
        };
        return blank(r.layoutVersion()) ? layout : join(" · ", layout, "versão " + r.layoutVersion().strip());
    }

    private static String labelled(String label, String value) {
        return blank(value) ? "" : label + value.strip();
    }

    static String join(String separator, String... parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (blank(p)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(separator);
            }
            out.append(p.strip());
        }
        return out.toString();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
