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
    private int control;
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
        while ((n = start ? readStart(in) : read(in, 0)) > 0) {
            int i = 0;
            if (start) {
                i = skipByteOrderMark(n);
                start = false;
            }
            while (i < n) {
                if (afterCr) {
                    afterCr = false;
                    if (chunk[i] == '\n') {
                        crEnds--;
                        crlfEnds++;
                        i++;
                        continue;
                    }
                }
                int from = i;
                while (i < n && !isSpecial(chunk[i])) {
                    i++;
                }
                append(from, i - from);
                if (i == n) {
                    break;
                }
                byte b = chunk[i++];
                if (b == '\n') {
                    lfEnds++;
                    endLine(sink);
                } else if (b == '\r') {
                    afterCr = true;
                    crEnds++;
                    endLine(sink);
                } else {
                    if (control == 0) {
                        control = (int) Math.min(length + 1, Integer.MAX_VALUE);
                    }
                    append(i - 1, 1);
                }
            }
        }
        if (length > 0) {
            while (kept > 0 && kept == length && line[kept - 1] == SUB) {
                kept--;
                length--;
            }
            if (control > length) {
                control = 0;
            }
            endLine(sink);
        }
    }

    /** A line break or another control character: below 0x20, or DEL. */
    private static boolean isSpecial(byte b) {
        return (b & 0xE0) == 0 || b == 0x7F;
    }

    private void append(int from, int count) {
        int room = Math.min(count, MAX_KEPT - kept);
        if (room > 0) {
            System.arraycopy(chunk, from, line, kept, room);
            kept += room;
        }
        length += count;
    }

    /** The first bytes: at least 3 (or up to the end of a shorter stream), so a BOM is always seen whole. */
    private int readStart(InputStream in) {
        int n = 0;
        while (n < 3) {
            int more = read(in, n);
            if (more <= 0) {
                break;
            }
            n += more;
        }
        return n;
    }

    private int skipByteOrderMark(int n) {
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
            sink.line(line, kept, (int) Math.min(length, Integer.MAX_VALUE), lineNumber, control);
        }
        kept = 0;
        length = 0;
        control = 0;
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

    private int read(InputStream in, int offset) {
        try {
            int n;
            do {
                n = in.read(chunk, offset, CHUNK - offset);
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
