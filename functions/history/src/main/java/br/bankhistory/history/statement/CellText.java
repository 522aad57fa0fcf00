package br.bankhistory.history.statement;

import java.io.IOException;

import static br.bankhistory.history.statement.StatementStyle.MIN_NUMBER_SIZE;
import static br.bankhistory.history.statement.StatementStyle.PAD;

/**
 * A value written into a table cell inside an open text object: cut with "…" when text, shrunk rather than
 * cut when a number or an identifier, aligned within the column's padding.
 */
final class CellText {

    private CellText() {
    }

    /** Left-aligned in a cell, cut with "…" when too long. */
    static void left(Canvas canvas, FontFace face, Column c, float base, String raw) throws IOException {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        String s = face.fit(face.clean(raw), canvas.size(), c.w() - 2 * PAD);
        if (s.isEmpty()) {
            return;
        }
        canvas.moveTo(c.x() + PAD, base);
        canvas.show(s);
    }

    /** Right-aligned (or left-aligned for an identifier); shrinks the type rather than cutting the value. */
    static void shrunk(Canvas canvas, FontFace face, Column c, float base, String raw, boolean right)
            throws IOException {
        String s = face.clean(raw == null ? "" : raw);
        if (s.isEmpty()) {
            return;
        }
        float size = canvas.size();
        float room = c.w() - 2 * PAD;
        float w = face.width(s, size);
        if (w > room) {
            float smaller = Math.max(MIN_NUMBER_SIZE, size * room / w);
            s = face.fit(s, smaller, room);
            canvas.font(face, smaller);
            w = face.width(s, smaller);
            canvas.moveTo(right ? c.x() + c.w() - PAD - w : c.x() + PAD, base);
            canvas.show(s);
            canvas.font(face, size);
            return;
        }
        canvas.moveTo(right ? c.x() + c.w() - PAD - w : c.x() + PAD, base);
        canvas.show(s);
    }

    static void number(Canvas canvas, FontFace face, Column c, float base, String raw) throws IOException {
        shrunk(canvas, face, c, base, raw, true);
    }
}
