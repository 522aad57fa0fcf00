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
 *
 * <p>Fast path: once told the record widths to expect ({@link #expect}), a line that starts in the chunk,
 * holds no control character and has its LF or CRLF exactly after one of those widths is handed to the sink
 * in place ({@link RegularLines}). Anything else (a short or long line, a lone CR, a control character, a
 * line cut by the end of the chunk, the last line without a line break) goes through the byte-by-byte scan
 * here, so both paths give the sink exactly the same lines ({@link LineDelivery}).
 */
final class LineSplitter {

    static final int MAX_KEPT = 1024;
    private static final int CHUNK = 64 * 1024;

    private final byte[] chunk = new byte[CHUNK];
    private final byte[] line = new byte[MAX_KEPT];
    private final ByteOrderMark byteOrderMark = new ByteOrderMark();
    private final LineEnds ends = new LineEnds();
    private final LineDelivery delivery = new LineDelivery();
    private final RegularLines regular = new RegularLines(ends, delivery);
    private int kept;
    private long length;
    private int control;
    private long bytesRead;

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
        regular.expect(recordWidths.clone());
    }

    /** Reads the whole stream, pushing every line to the sink. */
    void split(InputStream in, LineSink sink) {
        boolean start = true;
        boolean afterCr = false;
        int n;
        while ((n = start ? readStart(in) : read(in, 0)) > 0) {
            int i = 0;
            if (start) {
                i = byteOrderMark.skip(chunk, n);
                start = false;
            }
            while (i < n) {
                if (afterCr) {
                    afterCr = false;
                    if (chunk[i] == '\n') {
                        ends.crFollowedByLf();
                        i++;
                        continue;
                    }
                }
                if (length == 0 && regular.enabled()) {
                    int next = regular.take(chunk, i, n, sink);
                    if (next > i) {
                        i = next;
                        continue;
                    }
                }
                int from = i;
                while (i < n && !ControlBytes.isControl(chunk[i])) {
                    i++;
                }
                append(from, i - from);
                if (i == n) {
                    break;
                }
                byte b = chunk[i++];
                if (b == '\n') {
                    ends.lf();
                    endLine(sink);
                } else if (b == '\r') {
                    afterCr = true;
                    ends.cr();
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
            while (kept > 0 && kept == length && line[kept - 1] == LineDelivery.SUB) {
                kept--;
                length--;
            }
            if (control > length) {
                control = 0;
            }
            endLine(sink);
        }
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
        while (n < ByteOrderMark.LONGEST) {
            int more = read(in, n);
            if (more <= 0) {
                break;
            }
            n += more;
        }
        return n;
    }

    /** The scanned line ends: its copy goes to the sink. */
    private void endLine(LineSink sink) {
        delivery.deliver(sink, line, 0, kept, (int) Math.min(length, Integer.MAX_VALUE), control);
        kept = 0;
        length = 0;
        control = 0;
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
                    delivery.lineNumber() + 1, 0, e);
        }
    }

    boolean sawByteOrderMark() {
        return byteOrderMark.sawUtf8();
    }

    boolean sawUtf16Mark() {
        return byteOrderMark.sawUtf16();
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Lines counted, including the empty ones between records but not the trailing ones. */
    long lastLineNumber() {
        return delivery.lastLineNumber();
    }

    /** How many lines took the fast path. */
    long fastLines() {
        return regular.taken();
    }

    boolean mixedLineEnds() {
        return ends.mixed();
    }
}
