package br.bankhistory.cnab.read;

import br.bankhistory.cnab.CnabReadException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines, reading it in chunks so memory does not depend on the file size.
 * Lines end at CRLF, LF or CR; the last line needs no line break. A UTF-8 byte order mark at the start
 * is skipped. Empty (or blank) lines are reported only when a non-empty line follows them, so trailing
 * empty lines vanish; a line made only of 0x1A (DOS end-of-file) counts as empty, and 0x1A bytes ending
 * the last line are dropped. Bytes past {@link #MAX_KEPT} in one line are counted, not kept.
 *
 * <p>Fast path: once told the record widths to expect ({@link #expect}), a line that starts in the chunk,
 * holds no control character (checked eight bytes at a time) and has its LF or CRLF exactly after one of
 * those widths is handed to the sink in place, without the byte-by-byte scan and the copy. Anything else (a
 * short or long line, a lone CR, a control character, a line cut by the end of the chunk, the last line
 * without a line break) goes through the scan, so both paths give the sink exactly the same lines.
 */
final class LineSplitter {

    static final int MAX_KEPT = 1024;
    private static final int CHUNK = 64 * 1024;
    private static final byte SUB = 0x1A;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

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
    /** The record widths a line is expected to have (tried in this order), none until {@link #expect}. */
    private int[] widths = new int[0];
    private long fastLines;

    /**
     * The record widths of the file's layout (e.g. 240, or 400 and 444): lines of exactly these widths
     * may take the fast path. Can be called while splitting (from the sink); an empty array turns it off.
     */
    void expect(int... recordWidths) {
        for (int width : recordWidths) {
            if (width < 1 || width > MAX_KEPT) {
                throw new IllegalArgumentException("record width " + width + " outside 1-" + MAX_KEPT);
            }
        }
        widths = recordWidths.clone();
    }

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
                if (length == 0 && widths.length > 0) {
                    int next = regularLine(i, n, sink);
                    if (next > i) {
                        i = next;
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

    /**
     * The fast path at a line start: when chunk[from, from + width) is free of control characters and a
     * LF or CRLF follows it, for one of the expected widths, pushes that line straight from the chunk.
     *
     * @return where the next line starts, or {@code from} when the line is not regular (scan it)
     */
    private int regularLine(int from, int n, LineSink sink) {
        for (int width : widths) {
            int end = from + width;
            if (end >= n) {
                continue;
            }
            int next;
            if (chunk[end] == '\n') {
                next = end + 1;
            } else if (chunk[end] == '\r' && end + 1 < n && chunk[end + 1] == '\n') {
                next = end + 2;
            } else {
                continue;
            }
            if (hasControl(chunk, from, end)) {
                return from;
            }
            if (next == end + 1) {
                lfEnds++;
            } else {
                crlfEnds++;
            }
            fastLines++;
            endLine(sink, chunk, from, width, width);
            return next;
        }
        return from;
    }

    /**
     * Whether bytes[from, to) hold a control character (see {@link #isSpecial}). A quick test eight bytes at
     * a time first, which may also flag the bytes 0x80-0x9F and 0xFF; only then the exact one (and for the
     * last few bytes that do not fill eight).
     */
    static boolean hasControl(byte[] bytes, int from, int to) {
        int whole = from + (to - from) / Long.BYTES * Long.BYTES;
        return mayHaveControl(bytes, from, whole) && hasControlExactly(bytes, from, whole)
                || hasControlExactly(bytes, whole, to);
    }

    /**
     * With {@code t = (x & 0x7F..) + 0x01..} per byte (no carry between bytes), a byte whose low seven bits
     * are below 0x20 or all ones has t below 0x21 or equal to 0x80: the high bit of {@code t | (t - 0x21..)}
     * sets. Without such a byte nothing borrows and no high bit sets; with one, a false mark above it does
     * not matter. Bytes 0x80-0x9F and 0xFF have such low bits too: they are sorted out by the exact test.
     */
    private static boolean mayHaveControl(byte[] bytes, int from, int to) {
        long marks = 0;
        for (int i = from; i < to; i += Long.BYTES) {
            long t = ((long) LONGS.get(bytes, i) & LOW_BITS) + ONES;
            marks |= t | (t - 0x21 * ONES);
        }
        return (marks & HIGH_BITS) != 0;
    }

    private static boolean hasControlExactly(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isSpecial(bytes[i])) {
                return true;
            }
        }
        return false;
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
        endLine(sink, line, 0, kept, (int) Math.min(length, Integer.MAX_VALUE));
        kept = 0;
        length = 0;
        control = 0;
    }

    /** A whole line, at bytes[offset, offset + kept) (the scan's copy or, on the fast path, the chunk). */
    private void endLine(LineSink sink, byte[] bytes, int offset, int kept, int length) {
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

    /** How many lines took the fast path. */
    long fastLines() {
        return fastLines;
    }

    boolean mixedLineEnds() {
        int kinds = (crlfEnds > 0 ? 1 : 0) + (lfEnds > 0 ? 1 : 0) + (crEnds > 0 ? 1 : 0);
        return kinds > 1;
    }
}
