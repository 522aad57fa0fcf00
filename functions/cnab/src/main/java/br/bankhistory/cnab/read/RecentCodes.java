package br.bankhistory.cnab.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The texts of short code fields (3 to 16 bytes), each the same instance as the last time its bytes were read
 * into its slot: code fields (lote numbers, ocorrências, motivos) repeat down a file, and a shared instance is
 * neither copied again nor hashed again when it is looked up.
 */
final class RecentCodes {

    static final int MAX_LENGTH = 2 * Long.BYTES;
    private static final int SLOTS = 256;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final long[] firstBytes = new long[SLOTS];
    private final long[] lastBytes = new long[SLOTS];
    private final String[] codes = new String[SLOTS];

    /** The text of bytes[from, from + length), 3 to {@link #MAX_LENGTH} bytes. */
    String of(byte[] bytes, int from, int length) {
        long first = 0;
        long last = 0;
        if (length > Long.BYTES) {
            // the first eight bytes in one read, the rest from the eight that end the code, shifted down
            first = (long) LONGS.get(bytes, from);
            last = (long) LONGS.get(bytes, from + length - Long.BYTES) >>> (MAX_LENGTH - length) * Byte.SIZE;
        } else {
            for (int i = 0; i < length; i++) {
                first |= (bytes[from + i] & 0xFFL) << i * Byte.SIZE;
            }
        }
        long mixed = (first * 31 + last) * 31 + length;
        int slot = (int) (mixed * 0x9E3779B97F4A7C15L >>> 56);
        String code = codes[slot];
        if (code != null && code.length() == length && firstBytes[slot] == first && lastBytes[slot] == last) {
            return code;
        }
        code = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        codes[slot] = code;
        firstBytes[slot] = first;
        lastBytes[slot] = last;
        return code;
    }
}
