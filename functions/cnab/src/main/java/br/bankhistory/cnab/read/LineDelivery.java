package br.bankhistory.cnab.read;

/**
 * Numbers whole lines and hands them to the sink. Empty (or blank) lines are held and reported only when a
 * non-empty line follows them, so trailing empty lines vanish; a line made only of spaces and 0x1A (DOS
 * end-of-file) counts as empty.
 */
final class LineDelivery {

    static final byte SUB = 0x1A;

    private long lineNumber;
    private long pendingEmpty;
    private long firstPendingEmpty;

    /**
     * A whole line, at bytes[offset, offset + kept) of {@code length} bytes, its first control character at
     * {@code control} (1-based, 0 when none).
     */
    void deliver(LineSink sink, byte[] bytes, int offset, int kept, int length, int control) {
        lineNumber++;
        if (isBlank(bytes, offset, kept, length)) {
            if (pendingEmpty == 0) {
                firstPendingEmpty = lineNumber;
            }
            pendingEmpty++;
        } else {
            for (long i = 0; i < pendingEmpty; i++) {
                sink.emptyLine(firstPendingEmpty + i);
            }
            pendingEmpty = 0;
            sink.line(bytes, offset, kept, length, lineNumber, control);
        }
    }

    private static boolean isBlank(byte[] bytes, int offset, int kept, int length) {
        if (length > kept) {
            return false;
        }
        for (int i = offset; i < offset + kept; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != SUB) {
                return false;
            }
        }
        return true;
    }

    /** Lines seen so far, the held empty ones included. */
    long lineNumber() {
        return lineNumber;
    }

    /** Lines delivered, including the empty ones between records but not the trailing ones. */
    long lastLineNumber() {
        return lineNumber - pendingEmpty;
    }
}
