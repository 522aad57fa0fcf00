package br.bankhistory.cnab.read;

/** The byte order mark a stream may start with: a UTF-8 one is skipped, a UTF-16 one noted. */
final class ByteOrderMark {

    /** Bytes needed to see any mark whole. */
    static final int LONGEST = 3;

    private boolean utf8;
    private boolean utf16;

    /** How many bytes of a UTF-8 mark start chunk[0, n) (0 or 3); notes a UTF-16 mark. */
    int skip(byte[] chunk, int n) {
        if (n >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
            utf8 = true;
            return 3;
        }
        if (n >= 2 && (((chunk[0] & 0xFF) == 0xFF && (chunk[1] & 0xFF) == 0xFE)
                || ((chunk[0] & 0xFF) == 0xFE && (chunk[1] & 0xFF) == 0xFF))) {
            utf16 = true;
        }
        return 0;
    }

    boolean sawUtf8() {
        return utf8;
    }

    boolean sawUtf16() {
        return utf16;
    }
}
