package br.bankhistory.history.statement;

import br.bankhistory.history.domain.FileNames;
import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out one statement (one instance per document). Page model: A4 landscape; a running head (title,
 * company, bank, account, file, NSA) and a footer on every page; the first page adds the file's details and the
 * totals by outcome; then the findings, then the items table, whose column headings repeat on each page.
 * Page numbers are stamped when the page count is known.
 *
 * <p>All text goes through {@link FontFace#clean} and {@link FontFace#fit}; numbers shrink instead of being
 * cut. Colors and fonts are only re-emitted when they change.
 */
final class StatementComposer {

    // ---- page geometry (points; A4 landscape) ----
    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float LEFT = 28f;
    static final float RIGHT = PAGE.getWidth() - 28f;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PAGE.getHeight() - 24f;
    static final float HEAD_RULE_Y = TOP - 33f;
    static final float CONTENT_TOP = HEAD_RULE_Y - 9f;
    static final float FOOTER_RULE_Y = 36f;
    static final float CONTENT_BOTTOM = FOOTER_RULE_Y + 5f;

    // ---- type ----
    static final float TITLE_SIZE = 13f;
    static final float HEAD_SIZE = 7.5f;
    static final float SECTION_SIZE = 9.5f;
    static final float BODY_SIZE = 7.5f;
    static final float LABEL_SIZE = 6.5f;
    static final float VALUE_SIZE = 8f;
    static final float FOOTER_SIZE = 6.5f;
    static final float MIN_NUMBER_SIZE = 4.5f;

    // ---- tables ----
    static final float PAD = 4f;
    static final float ROW_H = 11f;
    static final float TABLE_HEAD_H = 15f;
    static final float BASELINE = 3.4f; // from a row's bottom to its text baseline
    static final float SECTION_H = 20f;
    static final float LINE_H = 9.5f;   // wrapped finding messages
    static final int MAX_MESSAGE_LINES = 3;

    /** Item rows on a page that holds only the table (every page after the first, until the items end). */
    static final int ROWS_PER_PAGE = (int) ((CONTENT_TOP - TABLE_HEAD_H - CONTENT_BOTTOM) / ROW_H);

    // ---- colors (RGB) ----
    private static final int INK = 0x222A35;
    private static final int MUTED = 0x687383;
    private static final int ACCENT = 0x1F3A5F;
    private static final int HEAD_BG = 0xE3E9F0;
    private static final int PANEL_BG = 0xF3F5F8;
    private static final int ZEBRA = 0xF5F7FA;
    private static final int RULE = 0xC5CDD7;
    private static final int RED = 0xB00020;

    private final PDDocument document;
    private final IntegrationRecord record;
    private final FontFace regular;
    private final FontFace bold;
    private final String title;
    private final Column[] itemColumns;
    private final Column[] findingColumns;
    private final String headLine2Left;
    private final String headLine2Right;
    private final String footerLeft;

    private PDPageContentStream cs;
    private float y;
    private int pageCount;
    private boolean zebra;

    // what the current content stream has set, to skip redundant operators
    private FontFace currentFont;
    private float currentSize;
    private int currentFill = -1;
    // the text object's line start, for relative Td moves
    private float lineX;
    private float lineY;

    StatementComposer(PDDocument document, IntegrationRecord record) throws IOException {
        this.document = document;
        this.record = record;
        this.regular = FontFace.load(document, FontFace.Style.REGULAR);
        this.bold = FontFace.load(document, FontFace.Style.BOLD);
        this.title = PtBrFormat.statementTitle(record.kind());
        this.itemColumns = itemColumns(record.kind());
        this.findingColumns = findingColumns();
        this.headLine2Left = join(" · ", bank(record), accountLine(record), agreementLine(record));
        this.headLine2Right = join(" · ", labelled("Arquivo ", FileNames.display(record.fileName())),
                record.sequenceNumber() > 0 ? "NSA " + record.sequenceNumber() : "");
        this.footerLeft = join(" · ", "Histórico de Integrações com o Banco",
                labelled("Registro ", record.id()), "Extrato v" + StatementRenderer.VERSION);
    }

    void compose(Iterable<Item> items) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        String shownName = FileNames.display(record.fileName());
        info.setTitle(regular.clean(title + (blank(shownName) ? "" : " \u2014 " + shownName)));
        info.setSubject(regular.clean(join(" · ", record.companyName(), PtBrFormat.document(record.companyDocument()))));
        info.setCreator("Bank Integration History (extrato v" + StatementRenderer.VERSION + ")");
        document.getDocumentCatalog().setLanguage("pt-BR");

        newPage();
        details();
        summary();
        findings();
        items(items);
        finishPage();
        stampPageNumbers();
    }

    // =====================================================================================================
    // sections

    /** The file's identity, on the first page: a 3 x 4 grid, long values (names) in the wide first column. */
    private void details() throws IOException {
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
        fillRect(LEFT, y - height, WIDTH, height, PANEL_BG);
        float top = y - 3f;
        for (int i = 0; i < cells.length; i++) {
            int col = i % perRow;
            float x = LEFT + 8f;
            for (int k = 0; k < col; k++) {
                x += widths[k];
            }
            float cellW = widths[col] - 14f;
            float rowTop = top - (i / perRow) * rowH;
            text(regular, LABEL_SIZE, MUTED, x, rowTop - 8.5f, cells[i][0], cellW);
            String value = cells[i][1];
            text(bold, VALUE_SIZE, INK, x, rowTop - 19f, blank(value) ? PtBrFormat.EMPTY : value, cellW);
        }
        y -= height + 10f;
    }

    /** Totals by outcome (left) and finding counts (right), on the first page. */
    private void summary() throws IOException {
        sectionTitle("Críticas do arquivo", LEFT + 590f); // same line, does not move y
        sectionTitle("Resumo por ocorrência", LEFT);
        float top = y;

        Column[] cols = {
                new Column("Ocorrência", LEFT, 200f, false),
                new Column("Quantidade", LEFT + 200f, 70f, true),
                new Column("Valor", LEFT + 270f, 100f, true),
                new Column("Valor pago", LEFT + 370f, 100f, true),
                new Column("Tarifas", LEFT + 470f, 90f, true),
        };
        tableHead(cols);
        List<Map.Entry<String, Totals>> rows = orderedTotals(record.byCategory());
        long fees = 0;
        zebra = false;
        for (Map.Entry<String, Totals> row : rows) {
            Totals t = row.getValue() == null ? new Totals(0, 0, 0, 0) : row.getValue();
            fees += t.feeCents();
            summaryRow(cols, regular, PtBrFormat.category(row.getKey()), t.count(), t.amountCents(), t.paidCents(),
                    t.feeCents());
        }
        if (rows.isEmpty()) {
            zebraRow(cols[0].x, cols[4].x + cols[4].w);
            text(regular, BODY_SIZE, MUTED, cols[0].x + PAD, y - ROW_H + BASELINE, "Nenhuma ocorrência", cols[0].w);
            y -= ROW_H;
        }
        strokeLine(cols[0].x, y, cols[4].x + cols[4].w, y, ACCENT, 0.6f);
        zebra = false;
        summaryRow(cols, bold, "Total", record.itemCount(), record.totalAmountCents(), record.totalPaidCents(), fees);
        float leftBottom = y;

        // finding counts
        y = top;
        Map<String, Long> counts = record.findingCounts() == null ? Map.of() : record.findingCounts();
        long errors = counts.getOrDefault("ERROR", 0L);
        long warnings = counts.getOrDefault("WARNING", 0L);
        long infos = counts.getOrDefault("INFO", 0L);
        float x = LEFT + 590f;
        float w = RIGHT - x;
        Column[] fc = {new Column("Tipo", x, w - 70f, false), new Column("Quantidade", x + w - 70f, 70f, true)};
        tableHead(fc);
        zebra = false;
        countRow(fc, "Erros", errors, errors > 0 ? RED : INK);
        countRow(fc, "Avisos", warnings, INK);
        countRow(fc, "Informações", infos, INK);
        float noteY = y - 11f;
        String note = errors + warnings + infos == 0 ? "Arquivo lido sem erros nem avisos."
                : errors > 0 ? "Há erros: o arquivo não deve ser considerado como está." : "Somente avisos: o arquivo foi processado.";
        text(regular, BODY_SIZE, errors > 0 ? RED : MUTED, x, noteY, note, w);
        y = Math.min(leftBottom, noteY - 4f) - 12f;
    }

    private void summaryRow(Column[] cols, FontFace face, String label, long count, long amount, long paid, long fee)
            throws IOException {
        zebraRow(cols[0].x, cols[4].x + cols[4].w);
        float base = y - ROW_H + BASELINE;
        beginText(face, BODY_SIZE, INK);
        leftCell(face, cols[0], base, label);
        number(face, cols[1], base, PtBrFormat.count(count));
        number(face, cols[2], base, PtBrFormat.money(amount));
        number(face, cols[3], base, PtBrFormat.money(paid));
        number(face, cols[4], base, PtBrFormat.money(fee));
        cs.endText();
        y -= ROW_H;
    }

    private void countRow(Column[] cols, String label, long n, int color) throws IOException {
        zebraRow(cols[0].x, cols[1].x + cols[1].w);
        float base = y - ROW_H + BASELINE;
        beginText(regular, BODY_SIZE, color);
        leftCell(regular, cols[0], base, label);
        number(regular, cols[1], base, PtBrFormat.count(n));
        cs.endText();
        y -= ROW_H;
    }

    /** The stored findings (bounded), with "mostrando N de M" when the file had more. */
    private void findings() throws IOException {
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
        startSection(heading, findingColumns, 2 * ROW_H);
        Column msg = findingColumns[4];
        for (StoredFinding f : list) {
            if (f == null) {
                continue;
            }
            List<String> lines = wrap(regular, regular.clean(f.message()), BODY_SIZE, msg.w - 2 * PAD, MAX_MESSAGE_LINES);
            float h = ROW_H + (lines.size() - 1) * LINE_H;
            if (y - h < CONTENT_BOTTOM) {
                newPage();
                tableHead(findingColumns);
            }
            zebraRow(LEFT, RIGHT, h);
            float base = y - ROW_H + BASELINE;
            boolean error = "ERROR".equals(f.severity());
            beginText(error ? bold : regular, BODY_SIZE, error ? RED : INK);
            leftCell(error ? bold : regular, findingColumns[0], base, PtBrFormat.severity(f.severity()));
            cs.endText();
            beginText(regular, BODY_SIZE, INK);
            number(regular, findingColumns[1], base, f.line() > 0 ? PtBrFormat.count(f.line()) : PtBrFormat.EMPTY);
            number(regular, findingColumns[2], base, f.column() > 0 ? Integer.toString(f.column()) : PtBrFormat.EMPTY);
            leftCell(regular, findingColumns[3], base, f.field());
            for (int i = 0; i < lines.size(); i++) {
                moveTo(msg.x + PAD, base - i * LINE_H);
                cs.showText(lines.get(i));
            }
            cs.endText();
            y -= h;
        }
        y -= 12f;
    }

    /** One row per title or payment, streamed: each item is drawn as it is read and then forgotten. */
    private void items(Iterable<Item> items) throws IOException {
        String noun = switch (record.kind() == null ? FileKind.OTHER : record.kind()) {
            case REMESSA_COBRANCA, RETORNO_COBRANCA -> "Títulos";
            case REMESSA_PAGAMENTO, RETORNO_PAGAMENTO -> "Pagamentos";
            case EXTRATO -> "Lançamentos";
            case OTHER -> "Itens";
        };
        startSection(noun + " (" + PtBrFormat.count(record.itemCount()) + ")", itemColumns, 3 * ROW_H);
        boolean any = false;
        for (Item item : items) {
            if (item == null) {
                continue;
            }
            any = true;
            if (y - ROW_H < CONTENT_BOTTOM) {
                newPage();
                tableHead(itemColumns);
            }
            itemRow(item);
        }
        if (!any) {
            zebraRow(LEFT, RIGHT);
            text(regular, BODY_SIZE, MUTED, LEFT + PAD, y - ROW_H + BASELINE, "Nenhum item neste arquivo.", WIDTH);
            y -= ROW_H;
        }
    }

    private void itemRow(Item item) throws IOException {
        zebraRow(LEFT, RIGHT);
        Column[] c = itemColumns;
        float base = y - ROW_H + BASELINE;
        beginText(regular, BODY_SIZE, INK);
        leftCell(regular, c[0], base, item.ourNumber());
        leftCell(regular, c[1], base, item.yourNumber());
        leftCell(regular, c[2], base, item.counterpartName());
        leftCell(regular, c[3], base, PtBrFormat.date(item.dueDate()));
        number(regular, c[4], base, PtBrFormat.money(item.amountCents()));
        number(regular, c[5], base, item.paidCents() == 0 ? PtBrFormat.EMPTY : PtBrFormat.money(item.paidCents()));
        boolean rejected = item.category() == Category.ENTRY_REJECTED || item.category() == Category.PAYMENT_REJECTED;
        if (rejected) {
            fill(RED);
        }
        leftCell(regular, c[6], base, occurrence(item));
        if (rejected) {
            fill(INK);
        }
        List<String> reasons = item.reasons();
        if (reasons != null && !reasons.isEmpty()) {
            reasonsCell(c[7], base, reasons);
        }
        cs.endText();
        y -= ROW_H;
    }

    /** All reasons when they fit; otherwise the first ones that fit and "(+n)" for the ones left out. */
    private void reasonsCell(Column c, float base, List<String> reasons) throws IOException {
        if (reasons.size() == 1) {
            leftCell(regular, c, base, reasons.get(0));
            return;
        }
        float room = c.w - 2 * PAD;
        String all = regular.clean(String.join("; ", reasons));
        if (regular.width(all, currentSize) <= room) {
            moveTo(c.x + PAD, base);
            cs.showText(all);
            return;
        }
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (String reason : reasons) {
            String candidate = (count == 0 ? "" : shown + "; ") + regular.clean(reason);
            String more = " (+" + (reasons.size() - count - 1) + ")";
            if (count > 0 && regular.width(candidate + more, currentSize) > room) {
                break;
            }
            shown.setLength(0);
            shown.append(candidate);
            count++;
        }
        String more = " (+" + (reasons.size() - count) + ")";
        String text = regular.fit(shown.toString(), currentSize, room - regular.width(more, currentSize)) + more;
        moveTo(c.x + PAD, base);
        cs.showText(text);
    }

    private static String occurrence(Item item) {
        String code = item.occurrenceCode() == null ? "" : item.occurrenceCode().strip();
        String text = item.occurrenceText() == null ? "" : item.occurrenceText().strip();
        if (code.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? code : code + " - " + text;
    }

    // =====================================================================================================
    // pages

    private void newPage() throws IOException {
        if (cs != null) {
            finishPage();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pageCount++;
        cs = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, true);
        currentFont = null;
        currentSize = 0;
        currentFill = -1;
        cs.saveGraphicsState(); // the page ends in the initial state, so the page number can be appended later
        runningHead();
        footer();
        y = CONTENT_TOP;
        zebra = false;
    }

    private void finishPage() throws IOException {
        cs.restoreGraphicsState();
        cs.close();
        cs = null;
    }

    private void runningHead() throws IOException {
        float titleBase = TOP - 12f;
        float titleW = bold.width(bold.clean(title), TITLE_SIZE);
        text(bold, TITLE_SIZE, ACCENT, LEFT, titleBase, title, WIDTH);
        float rightRoom = WIDTH - titleW - 24f;
        String company = join(" · ", record.companyName(),
                blank(record.companyDocument()) ? "" : "CNPJ " + PtBrFormat.document(record.companyDocument()));
        rightText(bold, 8f, INK, RIGHT, titleBase, company, rightRoom);
        float line2 = TOP - 26f;
        float rightW = Math.min(regular.width(regular.clean(headLine2Right), HEAD_SIZE), WIDTH * 0.45f);
        text(regular, HEAD_SIZE, MUTED, LEFT, line2, headLine2Left, WIDTH - rightW - 24f);
        rightText(regular, HEAD_SIZE, MUTED, RIGHT, line2, headLine2Right, WIDTH * 0.45f);
        strokeLine(LEFT, HEAD_RULE_Y, RIGHT, HEAD_RULE_Y, ACCENT, 1f);
    }

    private void footer() throws IOException {
        strokeLine(LEFT, FOOTER_RULE_Y, RIGHT, FOOTER_RULE_Y, RULE, 0.5f);
        text(regular, FOOTER_SIZE, MUTED, LEFT, FOOTER_RULE_Y - 10f, footerLeft, WIDTH - 120f);
    }

    /** "Página X de Y" on every page, appended now that Y is known. */
    private void stampPageNumbers() throws IOException {
        int i = 0;
        for (PDPage page : document.getPages()) {
            i++;
            String label = "Página " + i + " de " + pageCount;
            try (PDPageContentStream stamp = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, false)) {
                cs = stamp;
                currentFont = null;
                currentFill = -1;
                rightText(regular, FOOTER_SIZE + 0.5f, INK, RIGHT, FOOTER_RULE_Y - 10f, label, 115f);
            } finally {
                cs = null;
            }
        }
    }

    /** A section title and its table's column headings, on a new page when fewer than {@code keep} points remain. */
    private void startSection(String heading, Column[] columns, float keep) throws IOException {
        if (y - SECTION_H - TABLE_HEAD_H - keep < CONTENT_BOTTOM) {
            newPage();
        }
        sectionTitle(heading, LEFT);
        tableHead(columns);
    }

    private void sectionTitle(String heading, float x) throws IOException {
        text(bold, SECTION_SIZE, ACCENT, x, y - 11f, heading, RIGHT - x);
        // the caller moves y (two titles may share a line)
        if (x == LEFT) {
            y -= SECTION_H - 4f;
        }
    }

    private void tableHead(Column[] columns) throws IOException {
        float x0 = columns[0].x;
        Column last = columns[columns.length - 1];
        float x1 = last.x + last.w;
        fillRect(x0, y - TABLE_HEAD_H, x1 - x0, TABLE_HEAD_H, HEAD_BG);
        float base = y - TABLE_HEAD_H + 5f;
        beginText(bold, BODY_SIZE - 0.5f, ACCENT);
        for (Column c : columns) {
            if (c.right) {
                number(bold, c, base, c.heading);
            } else {
                leftCell(bold, c, base, c.heading);
            }
        }
        cs.endText();
        y -= TABLE_HEAD_H;
        zebra = false;
    }

    // =====================================================================================================
    // drawing primitives

    private void zebraRow(float x0, float x1) throws IOException {
        zebraRow(x0, x1, ROW_H);
    }

    private void zebraRow(float x0, float x1, float h) throws IOException {
        if (zebra) {
            fillRect(x0, y - h, x1 - x0, h, ZEBRA);
        }
        zebra = !zebra;
    }

    private void beginText(FontFace face, float size, int color) throws IOException {
        cs.beginText();
        lineX = 0;
        lineY = 0;
        font(face, size);
        fill(color);
    }

    private void font(FontFace face, float size) throws IOException {
        if (face != currentFont || size != currentSize) {
            cs.setFont(face.font, size);
            currentFont = face;
            currentSize = size;
        }
    }

    /** Moves to (x, y) inside a text object with a relative Td. */
    private void moveTo(float x, float yy) throws IOException {
        cs.newLineAtOffset(x - lineX, yy - lineY);
        lineX = x;
        lineY = yy;
    }

    private void leftCell(FontFace face, Column c, float base, String raw) throws IOException {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        String s = face.fit(face.clean(raw), currentSize, c.w - 2 * PAD);
        if (s.isEmpty()) {
            return;
        }
        moveTo(c.x + PAD, base);
        cs.showText(s);
    }

    /** Right-aligned; shrinks the type rather than cutting a number. */
    private void number(FontFace face, Column c, float base, String raw) throws IOException {
        String s = face.clean(raw);
        if (s.isEmpty()) {
            return;
        }
        float size = currentSize;
        float room = c.w - 2 * PAD;
        float w = face.width(s, size);
        if (w > room) {
            float smaller = Math.max(MIN_NUMBER_SIZE, size * room / w);
            s = face.fit(s, smaller, room);
            font(face, smaller);
            w = face.width(s, smaller);
            moveTo(c.x + c.w - PAD - w, base);
            cs.showText(s);
            font(face, size);
            return;
        }
        moveTo(c.x + c.w - PAD - w, base);
        cs.showText(s);
    }

    /** A one-off text at (x, y), fitted to {@code maxWidth}. */
    private void text(FontFace face, float size, int color, float x, float yy, String raw, float maxWidth)
            throws IOException {
        String s = face.fit(face.clean(raw), size, maxWidth);
        if (s.isEmpty()) {
            return;
        }
        beginText(face, size, color);
        moveTo(x, yy);
        cs.showText(s);
        cs.endText();
    }

    private void rightText(FontFace face, float size, int color, float right, float yy, String raw, float maxWidth)
            throws IOException {
        String s = face.fit(face.clean(raw), size, maxWidth);
        if (s.isEmpty()) {
            return;
        }
        beginText(face, size, color);
        moveTo(right - face.width(s, size), yy);
        cs.showText(s);
        cs.endText();
    }

    private void fill(int rgb) throws IOException {
        if (rgb != currentFill) {
            cs.setNonStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
            currentFill = rgb;
        }
    }

    private void fillRect(float x, float yy, float w, float h, int rgb) throws IOException {
        fill(rgb);
        cs.addRect(x, yy, w, h);
        cs.fill();
    }

    private void strokeLine(float x0, float y0, float x1, float y1, int rgb, float width) throws IOException {
        cs.setStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
        cs.setLineWidth(width);
        cs.moveTo(x0, y0);
        cs.lineTo(x1, y1);
        cs.stroke();
    }

    // =====================================================================================================
    // layout helpers

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
        // the ellipsis took room: recompute the exact count of characters that fit without it
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

    private static List<Map.Entry<String, Totals>> orderedTotals(Map<String, Totals> byCategory) {
        if (byCategory == null || byCategory.isEmpty()) {
            return List.of();
        }
        Map<String, Totals> ordered = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            Totals t = byCategory.get(c.name());
            if (t != null) {
                ordered.put(c.name(), t);
            }
        }
        byCategory.forEach(ordered::putIfAbsent);
        return new ArrayList<>(ordered.entrySet());
    }

    private static Column[] itemColumns(FileKind kind) {
        FileKind k = kind == null ? FileKind.OTHER : kind;
        String counterpart = switch (k) {
            case REMESSA_COBRANCA, RETORNO_COBRANCA -> "Pagador";
            case REMESSA_PAGAMENTO, RETORNO_PAGAMENTO -> "Favorecido";
            case EXTRATO -> "Contraparte";
            case OTHER -> "Pagador / favorecido";
        };
        String occurrence = k == FileKind.REMESSA_COBRANCA || k == FileKind.REMESSA_PAGAMENTO ? "Instrução"
                : k == FileKind.EXTRATO ? "Histórico" : "Ocorrência";
        float[] widths = {94f, 72f, 150f, 56f, 70f, 70f, 130f};
        String[] headings = {"Nosso número", "Seu número", counterpart, "Vencimento", "Valor", "Valor pago", occurrence,
                "Motivo(s)"};
        Column[] cols = new Column[headings.length];
        float x = LEFT;
        for (int i = 0; i < headings.length; i++) {
            float w = i < widths.length ? widths[i] : RIGHT - x;
            cols[i] = new Column(headings[i], x, w, i == 4 || i == 5);
            x += w;
        }
        return cols;
    }

    private static Column[] findingColumns() {
        float[] widths = {58f, 50f, 46f, 120f};
        String[] headings = {"Tipo", "Linha", "Coluna", "Campo", "Mensagem"};
        Column[] cols = new Column[headings.length];
        float x = LEFT;
        for (int i = 0; i < headings.length; i++) {
            float w = i < widths.length ? widths[i] : RIGHT - x;
            cols[i] = new Column(headings[i], x, w, i == 1 || i == 2);
            x += w;
        }
        return cols;
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

    private static String agreementLine(IntegrationRecord r) {
        return labelled("Convênio ", r.agreement());
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

    private static String join(String separator, String... parts) {
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A table column: left edge, width, alignment. */
    record Column(String heading, float x, float w, boolean right) {
    }
}
