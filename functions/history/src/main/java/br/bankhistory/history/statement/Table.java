package br.bankhistory.history.statement;

import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

import java.io.IOException;

import static br.bankhistory.history.statement.StatementStyle.ACCENT;
import static br.bankhistory.history.statement.StatementStyle.BODY_SIZE;
import static br.bankhistory.history.statement.StatementStyle.HEAD_BG;
import static br.bankhistory.history.statement.StatementStyle.LEFT;
import static br.bankhistory.history.statement.StatementStyle.RIGHT;
import static br.bankhistory.history.statement.StatementStyle.SECTION_H;
import static br.bankhistory.history.statement.StatementStyle.SECTION_SIZE;
import static br.bankhistory.history.statement.StatementStyle.TABLE_HEAD_H;

/**
 * One tagged table of the statement: its section heading (H2), its column headings (a TR of TH, repeated on
 * every page it runs onto) and its rows (a TR of one TD each, the row's text as one marked-content sequence).
 */
final class Table {

    private final Canvas canvas;
    private final PDStructureElement element;
    private final Column[] columns;
    private final float headSize;

    private Table(Canvas canvas, PDStructureElement element, Column[] columns, float headSize) {
        this.canvas = canvas;
        this.element = element;
        this.columns = columns;
        this.headSize = headSize;
    }

    /** A section heading at the left margin (H2); moves the cursor below it. */
    static void heading(Canvas canvas, PDStructureElement parent, String text) throws IOException {
        heading(canvas, parent, text, LEFT);
        canvas.y -= SECTION_H - 4f;
    }

    /** A section heading at {@code x}; does not move the cursor (two headings may share a line). */
    static void heading(Canvas canvas, PDStructureElement parent, String text, float x) throws IOException {
        PDStructureElement h = canvas.tags.add(parent, StandardStructureTypes.H2);
        canvas.marked(h, c -> c.text(c.bold, SECTION_SIZE, ACCENT, x, c.y - 11f, text, RIGHT - x));
    }

    /**
     * Starts a table under a heading, on a new page when fewer than {@code keep} points would remain under its
     * column headings.
     */
    static Table start(Canvas canvas, PDStructureElement parent, String heading, Column[] columns, float keep)
            throws IOException {
        return start(canvas, parent, heading, columns, keep, BODY_SIZE - 0.5f);
    }

    static Table start(Canvas canvas, PDStructureElement parent, String heading, Column[] columns, float keep,
                       float headSize) throws IOException {
        if (!canvas.fits(SECTION_H + TABLE_HEAD_H + keep)) {
            canvas.newPage();
        }
        heading(canvas, parent, heading);
        return open(canvas, parent, columns, headSize);
    }

    /** A table without a heading of its own, at the cursor. */
    static Table open(Canvas canvas, PDStructureElement parent, Column[] columns, float headSize) throws IOException {
        Table t = new Table(canvas, canvas.tags.add(parent, StandardStructureTypes.TABLE), columns, headSize);
        t.head();
        return t;
    }

    Column[] columns() {
        return columns;
    }

    /** The column headings, at the cursor. */
    void head() throws IOException {
        float x0 = columns[0].x();
        float x1 = columns[columns.length - 1].end();
        canvas.artifact(c -> c.fillRect(x0, c.y - TABLE_HEAD_H, x1 - x0, TABLE_HEAD_H, HEAD_BG));
        float base = canvas.y - TABLE_HEAD_H + 5f;
        PDStructureElement tr = canvas.tags.add(element, StandardStructureTypes.TR);
        PDStructureElement th = canvas.tags.add(tr, StandardStructureTypes.TH);
        canvas.marked(th, c -> {
            c.beginText(c.bold, headSize, ACCENT);
            for (Column col : columns) {
                String[] lines = col.heading().split("\n", 2);
                if (lines.length == 1) {
                    CellText.shrunk(c, c.bold, col, base, lines[0], col.right());
                } else {
                    // two lines in the same band, the first above the usual baseline
                    CellText.shrunk(c, c.bold, col, base + 3.3f, lines[0], col.right());
                    CellText.shrunk(c, c.bold, col, base - 2.9f, lines[1], col.right());
                }
            }
            c.endText();
        });
        canvas.y -= TABLE_HEAD_H;
        canvas.resetZebra();
    }

    /** Makes room for a row of {@code height}: a new page with the headings again when the page is full. */
    void ensureRoom(float height) throws IOException {
        if (!canvas.fits(height)) {
            canvas.newPage();
            head();
        }
    }

    /** Draws one row of {@code height} (zebra background, then {@code body} as the row's cell) and moves down. */
    void row(float height, Canvas.Decoration body) throws IOException {
        ensureRoom(height);
        canvas.zebraRow(columns[0].x(), columns[columns.length - 1].end(), height);
        PDStructureElement tr = canvas.tags.add(element, StandardStructureTypes.TR);
        PDStructureElement td = canvas.tags.add(tr, StandardStructureTypes.TD);
        canvas.marked(td, body);
        canvas.y -= height;
    }
}
