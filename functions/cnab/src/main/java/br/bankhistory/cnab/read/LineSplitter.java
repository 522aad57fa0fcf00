package br.bankhistory.cnab.read;

import br.bankhistory.cnab.CnabReadException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines, reading it in chunks so memory does not depend on the file size.
 * Lines end at CRLF, LF or CR; the last line needs no line break. A UTF-8 byte order mark at the start
 * is skipped. Empty (or blank) lines are reported only when a non-empty line follows them, so trailing
 * empty lines vanish; a line made only of 0x1A (DOS end-of-file) counts as empty, and 0x1A bytes ending
 * the last line are dropped. Bytes past {@link #MAX_KEPT} in one line are counted, not kept.
 */
final class LineSplitter {

    static final int MAX_KEPT = 1024;
    private static final int CHUNK = 64 * 1024;
    private static final byte SUB = 0x1A;

    private final byte[] chunk = new byte[CHUNK];
    private final byte[] line = new byte[MAX_KEPT];
    private int kept;
    private long length;
    private long lineNumber;
    private long pendingEmpty;
    private long firstPendingEmpty;
    private boolean byteOrderMark;
    private boolean utf16;
    private long bytesRead;
    private int crlfEnds;
    private int lfEnds;
    private int crEnds;

    /** Reads the whole stream, pushing every line to the sink. */
    void split(InputStream in, LineSink sink) {
        boolean start = true;
        boolean afterCr = false;
        int n;
        while ((n = read(in)) > 0) {
            int from = 0;
            if (start) {
                from = skipByteOrderMark(in, n);
                start = false;
            }
            for (int i = from; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    if (afterCr) {
                        afterCr = false;
                        crEnds--;
                        crlfEnds++;
                        continue;
                    }
                    lfEnds++;
                    endLine(sink);
                } else if (b == '\r') {
                    afterCr = true;
                    crEnds++;
                    endLine(sink);
                } else {
                    afterCr = false;
                    if (kept < MAX_KEPT) {
                        line[kept++] = b;
                    }
                    length++;
                }
            }
        }
        if (length > 0) {
            while (kept > 0 && kept == length && line[kept - 1] == SUB) {
                kept--;
                length--;
            }
            endLine(sink);
        }
    }

    private int skipByteOrderMark(InputStream in, int n) {
        if (n >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
            byteOrderMark = true;
            return 3;
        }
        if (n >= 2 && (((chunk[0] & 0xFF) == 0xFF && (chunk[1] & 0xFF) == 0xFE)
                || ((chunk[0] & 0xFF) == 0xFE && (chunk[1] & 0xFF) == 0xFF))) {
            utf16 = true;
        }
        return 0;
    }

    private void endLine(LineSink sink) {
        lineNumber++;
        if (isBlank()) {
            if (pendingEmpty == 0) {
                firstPendingEmpty = lineNumber;
            }
            pendingEmpty++;
        } else {
            for (long i = 0; i < pendingEmpty; i++) {
                sink.emptyLine(firstPendingEmpty + i);
            }
            pendingEmpty = 0;
            sink.line(line, kept, (int) Math.min(length, Integer.MAX_VALUE), lineNumber);
        }
        kept = 0;
        length = 0;
    }

    private boolean isBlank() {
        if (length > kept) {
            return false;
        }
        for (int i = 0; i < kept; i++) {
            byte b = line[i];
            if (b != ' ' && b != SUB) {
                return false;
            }
        }
        return true;
    }

    private int read(InputStream in) {
        try {
            int n;
            do {
                n = in.read(chunk, 0, CHUNK);
            } while (n == 0);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        } catch (IOException e) {
            throw new CnabReadException("cannot read the input stream after " + bytesRead + " bytes",
                    lineNumber + 1, 0, e);
        }
    }

    boolean sawByteOrderMark() {
        return byteOrderMark;
    }

    boolean sawUtf16Mark() {
        return utf16;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Lines counted, including the empty ones between records but not the trailing ones. */
    long lastLineNumber() {
        return lineNumber - pendingEmpty;
    }

    boolean mixedLineEnds() {
        int kinds = (crlfEnds > 0 ? 1 : 0) + (lfEnds > 0 ? 1 : 0) + (crEnds > 0 ? 1 : 0);
        return kinds > 1;
    }
}
