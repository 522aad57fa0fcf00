package br.bankhistory.cnab.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads a run of ASCII digits as a number, eight bytes at a time: the numeric fields of a record (amounts,
 * counts, the parts of a date) without a string.
 */
final class DigitFields {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;

    private DigitFields() {
    }

    /**
     * The digits at bytes[base + offset, base + offset + length), cut at {@code width}, as a number, eight at a
     * time (see {@link #block}): a first group shorter than eight is read from the eight bytes that end with
     * it, the bytes before the field counted as '0'. -1 when not all digits (or more than 18, or none).
     */
    static long read(byte[] bytes, int base, int width, int offset, int length) {
        int end = Math.min(offset + length, width);
        if (offset >= end || end - offset > 18) {
            return -1;
        }
        int i = base + offset;
        int stop = base + end;
        int head = (stop - i) & 7;
        long value = 0;
        if (head != 0) {
            if (i + head < Long.BYTES) {
                return oneByOne(bytes, i, stop);
            }
            value = block(bytes, i + head - Long.BYTES, Long.BYTES - head);
            if (value < 0) {
                return -1;
            }
            i += head;
        }
        for (; i < stop; i += Long.BYTES) {
            long group = block(bytes, i, 0);
            if (group < 0) {
                return -1;
            }
            value = value * 100_000_000L + group;
        }
        return value;
    }

    private static long oneByOne(byte[] bytes, int from, int stop) {
        long value = 0;
        for (int i = from; i < stop; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * The number written by the eight bytes at {@code at}, the first {@code outside} of them taken as '0', or
     * -1 when one of the others is not a digit. Subtracting '0' from a non-digit byte leaves a high nibble or
     * makes one when 6 is added; a borrow from the lowest such byte only reaches the bytes above it.
     */
    private static long block(byte[] bytes, int at, int outside) {
        long x = (long) LONGS.get(bytes, at);
        if (outside > 0) {
            long before = (1L << outside * Byte.SIZE) - 1;
            x = x & ~before | ZEROS & before;
        }
        long d = x - ZEROS;
        if (((d | d + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) != 0) {
            return -1;
        }
        return eightDigits(d);
    }

    /**
     * The number written by eight digit values (0-9, one per byte, the first character in the lowest byte):
     * pairs, then groups of four, then the eight, each step a multiplication (the way fast JSON parsers read
     * numbers).
     */
    private static long eightDigits(long d) {
        long pairs = d * 10 + (d >>> 8);
        return (((pairs & 0x000000FF000000FFL) * 0x000F424000000064L)
                + (((pairs >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L)) >>> 32;
    }
}
