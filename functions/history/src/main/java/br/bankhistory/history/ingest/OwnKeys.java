package br.bankhistory.history.ingest;

import br.bankhistory.history.port.TitleIndex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A retorno's keys while it is applied, spread by {@link TitleIndex} bucket in compact byte buffers (a few
 * dozen bytes a key, no object per title), so a file of a million titles fits a small heap.
 */
final class OwnKeys {

    /**
     * One key of one title: its rank among the title's candidate keys (0 the exact one), its event, and for a
     * payment what the remessa's payment must agree on ({@link br.bankhistory.history.domain.TitleEvents#paymentCheck}).
     */
    record Key(String key, int seq, int line, int rank, long event, long check) {
    }

    private final ByteArrayOutputStream[] buckets = new ByteArrayOutputStream[TitleIndex.BUCKETS];

    void add(String key, int seq, int line, int rank, long event, long check) {
        int bucket = TitleIndex.bucketOf(key);
        ByteArrayOutputStream out = buckets[bucket];
        if (out == null) {
            out = new ByteArrayOutputStream(256);
            buckets[bucket] = out;
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        varint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
        varint(out, seq);
        varint(out, line);
        out.write(rank);
        writeLong(out, event);
        out.write(check == 0 ? 0 : 1);
        if (check != 0) {
            writeLong(out, check);
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    private static long readLong(byte[] raw, int[] at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (raw[at[0]++] & 0xFF);
        }
        return value;
    }

    /** The keys of one bucket (read back from its buffer, which is then let go). */
    List<Key> bucket(int bucket) {
        ByteArrayOutputStream out = buckets[bucket];
        if (out == null) {
            return List.of();
        }
        buckets[bucket] = null;
        byte[] raw = out.toByteArray();
        List<Key> keys = new ArrayList<>();
        int[] at = {0};
        while (at[0] < raw.length) {
            int length = varint(raw, at);
            String key = new String(raw, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
            int seq = varint(raw, at);
            int line = varint(raw, at);
            int rank = raw[at[0]++];
            long event = readLong(raw, at);
            long check = raw[at[0]++] == 0 ? 0 : readLong(raw, at);
            keys.add(new Key(key, seq, line, rank, event, check));
        }
        return keys;
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int varint(byte[] in, int[] at) {
        int value = 0;
        int shift = 0;
        while (true) {
            byte b = in[at[0]++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
