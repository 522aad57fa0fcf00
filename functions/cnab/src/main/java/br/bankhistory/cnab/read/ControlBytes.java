package br.bankhistory.cnab.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds line breaks and other control characters (below 0x20, or DEL) in a run of bytes, eight at a time. */
final class ControlBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

    private ControlBytes() {
    }

    /**
     * Whether bytes[from, to) hold a control character (see {@link #isControl}). A quick test eight bytes at
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
            if (isControl(bytes[i])) {
                return true;
            }
        }
        return false;
    }

    /** A line break or another control character: below 0x20, or DEL. */
    static boolean isControl(byte b) {
        return (b & 0xE0) == 0 || b == 0x7F;
    }
}
