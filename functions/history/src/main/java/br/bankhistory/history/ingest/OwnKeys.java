package br.bankhistory.history.ingest;

import br.bankhistory.history.bytes.PackedBytes;
import br.bankhistory.history.port.TitleIndex;

import java.io.ByteArrayOutputStream;
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
        PackedBytes.writeText(out, key);
        PackedBytes.writeVarint(out, seq);
        PackedBytes.writeVarint(out, line);
        out.write(rank);
        PackedBytes.writeLong(out, event);
        out.write(check == 0 ? 0 : 1);
        if (check != 0) {
            PackedBytes.writeLong(out, check);
        }
    }

    /** The keys of one bucket (read back from its buffer, which is then let go). */
    List<Key> bucket(int bucket) {
        ByteArrayOutputStream out = buckets[bucket];
        if (out == null) {
            return List.of();
        }
        buckets[bucket] = null;
        PackedBytes.Reader in = new PackedBytes.Reader(out.toByteArray());
        List<Key> keys = new ArrayList<>();
        while (in.hasMore()) {
            String key = in.text();
            int seq = in.varint();
            int line = in.varint();
            int rank = in.nextByte();
            long event = in.longValue();
            long check = in.nextByte() == 0 ? 0 : in.longValue();
            keys.add(new Key(key, seq, line, rank, event, check));
        }
        return keys;
    }
}
