package br.bankhistory.cnab.read;

/**
 * Repairs a record that was saved as UTF-8 instead of latin-1: each accented letter then takes two bytes
 * (e.g. "Ç" = C3 87), which pushes every later field one position right and makes the line too long.
 * When the line's excess length equals the number of two-byte UTF-8 sequences in it, they are turned
 * back into their latin-1 bytes, in place.
 */
final class Utf8Repair {

    private Utf8Repair() {
    }

    /**
     * @return the repaired line's length, or -1 when the line is not such a case (left untouched)
     */
    static int repair(byte[] line, int offset, int kept, int length, int width) {
        int excess = length - width;
        if (excess <= 0 || length != kept) {
            return -1;
        }
        int end = offset + kept;
        int sequences = 0;
        for (int i = offset; i + 1 < end; i++) {
            if (isLead(line[i]) && isContinuation(line[i + 1])) {
                sequences++;
                i++;
            }
        }
        if (sequences != excess) {
            return -1;
        }
        int out = offset;
        for (int i = offset; i < end; i++) {
            if (i + 1 < end && isLead(line[i]) && isContinuation(line[i + 1])) {
                line[out++] = (byte) (((line[i] & 0x1F) << 6) | (line[i + 1] & 0x3F));
                i++;
            } else {
                line[out++] = line[i];
            }
        }
        return out - offset;
    }

    /** C2 or C3: the lead bytes of the two-byte sequences that encode U+0080..U+00FF (latin-1). */
    private static boolean isLead(byte b) {
        return b == (byte) 0xC2 || b == (byte) 0xC3;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
