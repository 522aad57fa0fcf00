package br.bankhistory.history.statement;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

import java.io.IOException;

import static br.bankhistory.history.statement.StatementStyle.CONTENT_BOTTOM;
import static br.bankhistory.history.statement.StatementStyle.CONTENT_TOP;
import static br.bankhistory.history.statement.StatementStyle.PAGE;
import static br.bankhistory.history.statement.StatementStyle.ZEBRA;

/**
 * The pages of one statement and what is drawn on them (measures in {@link StatementStyle}): the cursor
 * {@link #y}, text (cells fitted by {@link CellText}), fills and rules. Every text goes into a marked-content sequence
 * of a structure element ({@link Tags}); fills, rules, running heads and footers are artifacts. Fonts and
 * colors are only re-emitted when they change.
 */
final class Canvas {

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
