package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.bytes.PackedBytes;
import br.bankhistory.history.port.TitleIndex;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Title index entries packed for one DynamoDB item: sorted by key, each as its key (length-prefixed UTF-8),
 * its position and line (varints), a flag and, on retornos, the 8-byte event hash; the whole deflated. A
 * typical entry takes 10 to 20 bytes, so an item of a large file holds a few hundred titles for a few
 * kilobytes (what DynamoDB charges by).
 */
final class TitleIndexCodec {

    private TitleIndexCodec() {
    }

    /** The entries in parts, each at most {@code maxBytes} deflated. */
    static List<byte[]> pack(List<TitleIndex.Entry> entries, int maxBytes) {
        List<TitleIndex.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TitleIndex.Entry::key).thenComparingInt(TitleIndex.Entry::seq));
        List<byte[]> parts = new ArrayList<>();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (TitleIndex.Entry e : sorted) {
            PackedBytes.writeText(raw, e.key());
            PackedBytes.writeVarint(raw, e.seq());
            PackedBytes.writeVarint(raw, e.line());
            if (e.eventHash() != 0) {
                raw.write(1);
                PackedBytes.writeLong(raw, e.eventHash());
            } else {
                raw.write(0);
            }
            // raw bytes deflate to a third or less: a part is cut well before its deflated size could pass the limit
            if (raw.size() >= maxBytes) {
                parts.add(deflate(raw.toByteArray()));
                raw.reset();
            }
        }
        if (raw.size() > 0 || parts.isEmpty()) {
            parts.add(deflate(raw.toByteArray()));
        }
        return parts;
    }

    static List<TitleIndex.Entry> unpack(byte[] packed) {
        PackedBytes.Reader in = new PackedBytes.Reader(inflate(packed));
        List<TitleIndex.Entry> entries = new ArrayList<>();
        while (in.hasMore()) {
            String key = in.text();
            int seq = in.varint();
            int line = in.varint();
            long hash = in.nextByte() == 1 ? in.longValue() : 0;
            entries.add(new TitleIndex.Entry(key, seq, line, hash));
        }
        return entries;
    }

    /** Deflated at the best compression (the title index, a carry's instruction ids). */
    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 16);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("an item's packed data is not valid deflate data", e);
        } finally {
            inflater.end();
        }
    }
}
