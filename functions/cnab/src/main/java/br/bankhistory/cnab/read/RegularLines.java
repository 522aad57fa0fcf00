package br.bankhistory.cnab.read;

/**
 * The fast path at a line start: a line that holds no control character (checked eight bytes at a time) and
 * has its LF or CRLF exactly after one of the expected record widths is handed to the sink in place, without
 * the byte-by-byte scan and the copy.
 */
final class RegularLines {

    private final LineEnds ends;
    private final LineDelivery delivery;
    /** The record widths a line is expected to have (tried in this order), none until {@link #expect}. */
    private int[] widths = new int[0];
    private long taken;

    RegularLines(LineEnds ends, LineDelivery delivery) {
        this.ends = ends;
        this.delivery = delivery;
    }

    /** The widths to try (already checked by the caller); an empty array turns the fast path off. */
    void expect(int[] recordWidths) {
        widths = recordWidths;
    }

    boolean enabled() {
        return widths.length > 0;
    }

    /**
     * When chunk[from, from + width) is free of control characters and a LF or CRLF follows it, for one of
     * the expected widths, pushes that line straight from the chunk.
     *
     * @return where the next line starts, or {@code from} when the line is not regular (scan it)
     */
    int take(byte[] chunk, int from, int n, LineSink sink) {
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
            if (ControlBytes.hasControl(chunk, from, end)) {
                return from;
            }
            if (next == end + 1) {
                ends.lf();
            } else {
                ends.crlf();
            }
            taken++;
            delivery.deliver(sink, chunk, from, width, width, 0);
            return next;
        }
        return from;
    }

    /** How many lines took the fast path. */
    long taken() {
        return taken;
    }
}
