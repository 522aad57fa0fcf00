package br.bankhistory.history.statement;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;

/**
 * The pages of one statement and what is drawn on them: A4 landscape geometry, the cursor {@link #y}, text
 * (fitted, numbers shrunk rather than cut), fills and rules. Every text goes into a marked-content sequence
 * of a structure element ({@link Tags}); fills, rules, running heads and footers are artifacts. Fonts and
 * colors are only re-emitted when they change.
 */
final class Canvas {

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
    static final float LINE_H = 9.5f;   // wrapped texts

    // ---- colors (RGB) ----
    static final int INK = 0x222A35;
    static final int MUTED = 0x687383;
    static final int ACCENT = 0x1F3A5F;
    static final int HEAD_BG = 0xE3E9F0;
    static final int PANEL_BG = 0xF3F5F8;
    static final int ZEBRA = 0xF5F7FA;
    static final int RULE = 0xC5CDD7;
    static final int RED = 0xB00020;

    /** Something drawn on the canvas: a page's running head, a row's texts. */
    interface Decoration {
        void draw(Canvas canvas) throws IOException;
    }

    final PDDocument document;
    final FontFace regular;
    final FontFace bold;
    final Tags tags;
    private final Decoration decoration;

    /** The cursor: the top of the next thing drawn. */
    float y;
    PDPageContentStream cs;
    private PDPage page;
    private int pageCount;
    private boolean zebra;

    private FontFace currentFont;
    private float currentSize;
    private int currentFill = -1;
    private float lineX;
    private float lineY;

    Canvas(PDDocument document, FontFace regular, FontFace bold, Tags tags, Decoration decoration) {
        this.document = document;
        this.regular = regular;
        this.bold = bold;
        this.tags = tags;
        this.decoration = decoration;
    }

    int pageCount() {
        return pageCount;
    }

    /** Whether {@code height} more points fit above the footer. */
    boolean fits(float height) {
        return y - height >= CONTENT_BOTTOM;
    }

    void newPage() throws IOException {
        if (cs != null) {
            finishPage();
        }
        page = new PDPage(PAGE);
        document.addPage(page);
        tags.startPage(page);
        pageCount++;
        cs = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, true);
        resetState();
        cs.saveGraphicsState(); // the page ends in the initial state, so the page number can be appended later
        decoration.draw(this); // it says what of it is content and what artifact
        y = CONTENT_TOP;
        zebra = false;
    }

    void finishPage() throws IOException {
        cs.restoreGraphicsState();
        cs.close();
        cs = null;
    }

    /** Draws on an existing page (the page numbers, once the count is known), as an artifact. */
    void stamp(PDPage onto, Decoration what) throws IOException {
        try (PDPageContentStream stamp = new PDPageContentStream(document, onto,
                PDPageContentStream.AppendMode.APPEND, true, false)) {
            cs = stamp;
            resetState();
            artifact(what);
        } finally {
            cs = null;
        }
    }

    private void resetState() {
        currentFont = null;
        currentSize = 0;
        currentFill = -1;
    }

    // ---- tagging ----

    /** Runs {@code body} as one marked-content sequence of {@code element} on the current page. */
    void marked(PDStructureElement element, Decoration body) throws IOException {
        int mcid = tags.mark(element, page);
        cs.beginMarkedContent(COSName.getPDFName(element.getStructureType()), Tags.mcidProperties(mcid));
        body.draw(this);
        cs.endMarkedContent();
    }

    /** Runs {@code body} as an artifact (not content: backgrounds, rules, running heads). */
    void artifact(Decoration body) throws IOException {
        cs.beginMarkedContent(COSName.ARTIFACT);
        body.draw(this);
        cs.endMarkedContent();
    }

    // ---- rows ----

    void resetZebra() {
        zebra = false;
    }

    /** Shades every other row (an artifact). */
    void zebraRow(float x0, float x1, float h) throws IOException {
        if (zebra) {
            artifact(c -> c.fillRect(x0, y - h, x1 - x0, h, ZEBRA));
        }
        zebra = !zebra;
    }

    // ---- text ----

    void beginText(FontFace face, float size, int color) throws IOException {
        cs.beginText();
        lineX = 0;
        lineY = 0;
        font(face, size);
        fill(color);
    }

    void endText() throws IOException {
        cs.endText();
    }

    void font(FontFace face, float size) throws IOException {
        if (face != currentFont || size != currentSize) {
            cs.setFont(face.font, size);
            currentFont = face;
            currentSize = size;
        }
    }

    float size() {
        return currentSize;
    }

    /** Moves to (x, y) inside a text object with a relative Td. */
    void moveTo(float x, float yy) throws IOException {
        cs.newLineAtOffset(x - lineX, yy - lineY);
        lineX = x;
        lineY = yy;
    }

    void show(String cleaned) throws IOException {
        cs.showText(cleaned);
    }

    /** Left-aligned in a cell, cut with "…" when too long. */
    void leftCell(FontFace face, Column c, float base, String raw) throws IOException {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        String s = face.fit(face.clean(raw), currentSize, c.w() - 2 * PAD);
        if (s.isEmpty()) {
            return;
        }
        moveTo(c.x() + PAD, base);
        cs.showText(s);
    }

    /** Right-aligned (or left-aligned for an identifier); shrinks the type rather than cutting the value. */
    void shrunkCell(FontFace face, Column c, float base, String raw, boolean right) throws IOException {
        String s = face.clean(raw == null ? "" : raw);
        if (s.isEmpty()) {
            return;
        }
        float size = currentSize;
        float room = c.w() - 2 * PAD;
        float w = face.width(s, size);
        if (w > room) {
            float smaller = Math.max(MIN_NUMBER_SIZE, size * room / w);
            s = face.fit(s, smaller, room);
            font(face, smaller);
            w = face.width(s, smaller);
            moveTo(right ? c.x() + c.w() - PAD - w : c.x() + PAD, base);
            cs.showText(s);
            font(face, size);
            return;
        }
        moveTo(right ? c.x() + c.w() - PAD - w : c.x() + PAD, base);
        cs.showText(s);
    }

    void number(FontFace face, Column c, float base, String raw) throws IOException {
        shrunkCell(face, c, base, raw, true);
    }

    /** A one-off text at (x, y), fitted to {@code maxWidth}. */
    void text(FontFace face, float size, int color, float x, float yy, String raw, float maxWidth)
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

    void rightText(FontFace face, float size, int color, float right, float yy, String raw, float maxWidth)
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

    // ---- shapes ----

    void fill(int rgb) throws IOException {
        if (rgb != currentFill) {
            cs.setNonStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
            currentFill = rgb;
        }
    }

    void fillRect(float x, float yy, float w, float h, int rgb) throws IOException {
        fill(rgb);
        cs.addRect(x, yy, w, h);
        cs.fill();
    }

    void strokeLine(float x0, float y0, float x1, float y1, int rgb, float width) throws IOException {
        cs.setStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
        cs.setLineWidth(width);
        cs.moveTo(x0, y0);
        cs.lineTo(x1, y1);
        cs.stroke();
    }
}
