package br.bankhistory.history.bytes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout of the project's packed buffers (the title index's items, a retorno's keys while it is
 * applied): unsigned varints (7 bits a byte, lowest first, the high bit set on all but the last), 8-byte
 * big-endian longs and text as its UTF-8 length (a varint) then its bytes.
 */
public final class PackedBytes {

    private PackedBytes() {
    }

    public static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    public static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    public static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** Reads a packed buffer back, front to back, in the order it was written. */
    public static final class Reader {

        private final byte[] raw;
        private int at;

        public Reader(byte[] raw) {
            this.raw = raw;
        }

        public boolean hasMore() {
            return at < raw.length;
        }

        public byte nextByte() {
            return raw[at++];
        }

        public int varint() {
            int value = 0;
            int shift = 0;
            while (true) {
                byte b = raw[at++];
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
                shift += 7;
            }
        }

        public long longValue() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (raw[at++] & 0xFF);
            }
            return value;
        }

        public String text() {
            int length = varint();
            String text = new String(raw, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }
    }
}
