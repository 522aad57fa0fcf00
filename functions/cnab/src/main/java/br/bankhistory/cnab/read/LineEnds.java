package br.bankhistory.cnab.read;

/** Counts the kinds of line break a file uses (CRLF, LF, lone CR), to tell when it mixes them. */
final class LineEnds {

    private int crlf;
    private int lf;
    private int cr;

    void lf() {
        lf++;
    }

    void crlf() {
        crlf++;
    }

    void cr() {
        cr++;
    }

    /** The CR counted last is followed by a LF: one CRLF. */
    void crFollowedByLf() {
        cr--;
        crlf++;
    }

    boolean mixed() {
        int kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
        return kinds > 1;
    }
}
