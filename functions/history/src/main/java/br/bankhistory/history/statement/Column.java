package br.bankhistory.history.statement;

/** A table column: its heading, left edge, width and alignment (right for amounts and counts). */
record Column(String heading, float x, float w, boolean right) {

    /** Columns side by side from {@code left}; the last one takes what is left up to {@code right}. */
    static Column[] row(float left, float rightEdge, String[] headings, float[] widths, boolean[] alignRight) {
        Column[] cols = new Column[headings.length];
        float x = left;
        for (int i = 0; i < headings.length; i++) {
            float w = i < widths.length ? widths[i] : rightEdge - x;
            cols[i] = new Column(headings[i], x, w, alignRight[i]);
            x += w;
        }
        return cols;
    }

    float end() {
        return x + w;
    }
}
