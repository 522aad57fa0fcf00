package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;
import com.fasterxml.jackson.core.JsonGenerator;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@link ItemStore} in the files bucket (docs/data-model.md, "Items"): a record's items as gzip JSON-lines
 * chunks of {@value ItemStore#CHUNK} under {@code items/{tenant}/{recordId}/}, written as the file is read;
 * a retorno's links per chunk ({@code links/}); a remessa's answers per chunk and retorno ({@code answers/}).
 * A page reads its chunk, its links and the chunk's answers: a few GETs and one LIST, whatever the file's size.
 * Records written before chunks existed are read from the {@code legacy} store.
 */
public final class S3ItemStore implements ItemStore {

    /**
     * Deflate level of item chunks: 3 deflates a chunk about three times as fast as the default 6 for about an
     * eighth more bytes (measured in docs/benchmarks.md); it was the largest native cost of Ingest. Readers see gzip.
     */
    static final int CHUNK_LEVEL = 3;

    private final S3Client s3;
    private final String bucket;
    private final ItemReader legacy;

    public S3ItemStore(S3Client s3, String bucket, ItemReader legacy) {
        this.s3 = s3;
        this.bucket = bucket;
        this.legacy = legacy;
    }

    static String prefix(String tenant, String recordId) {
        return "items/" + tenant + "/" + recordId + "/";
    }

    static String chunkKey(String tenant, String recordId, int chunk) {
        return prefix(tenant, recordId) + String.format("c%06d.jsonl.gz", chunk);
    }

    static String linksKey(String tenant, String recordId, int chunk) {
        return prefix(tenant, recordId) + String.format("links/c%06d.json.gz", chunk);
    }

    static String answersPrefix(String tenant, String remessaId, int chunk) {
        return prefix(tenant, remessaId) + String.format("answers/c%06d/", chunk);
    }

    @Override
    public Writer writer(String tenant, String recordId) {
        return new ChunkWriter(tenant, recordId);
    }

    @Override
    public boolean hasChunks(String tenant, String recordId) {
        return !s3.listObjectsV2(r -> r.bucket(bucket).prefix(chunkKey(tenant, recordId, 0)).maxKeys(1))
                .contents().isEmpty();
    }

    @Override
    public ItemPage page(String tenant, String recordId, int afterSeq, int limit) {
        int chunk = ItemStore.chunkOf(afterSeq + 1);
        Optional<List<StoredItem>> first = chunk(tenant, recordId, chunk);
        if (first.isEmpty()) {
            return isFormer(tenant, recordId, chunk) ? legacy.page(tenant, recordId, afterSeq, limit)
                    : new ItemPage(List.of(), Optional.empty());
        }
        List<StoredItem> out = new ArrayList<>(limit);
        List<StoredItem> current = first.get();
        boolean more = true;
        while (out.size() < limit) {
            for (StoredItem item : current) {
                if (item.seq() > afterSeq && out.size() < limit) {
                    out.add(item);
                }
            }
            boolean chunkFull = current.size() == CHUNK;
            boolean consumed = current.isEmpty() || out.isEmpty()
                    || out.get(out.size() - 1).seq() == current.get(current.size() - 1).seq();
            if (!consumed) {
                break; // the page ends inside this chunk: more follow
            }
            if (!chunkFull) {
                more = false;
                break;
            }
            chunk++;
            Optional<List<StoredItem>> next = chunk(tenant, recordId, chunk);
            if (next.isEmpty()) {
                more = false;
                break;
            }
            current = next.get();
            if (out.size() == limit) {
                break; // the next chunk exists: the cursor leads to it
            }
        }
        return new ItemPage(out, more && !out.isEmpty() ? Optional.of(out.get(out.size() - 1).seq())
                : Optional.empty());
    }

    @Override
    public List<StoredItem> itemsOfChunk(String tenant, String recordId, int chunk) {
        Optional<List<StoredItem>> items = bare(tenant, recordId, chunk);
        if (items.isEmpty() && isFormer(tenant, recordId, chunk)) {
            return legacy.page(tenant, recordId, chunk * CHUNK, CHUNK).items();
        }
        return items.orElse(List.of());
    }

    /**
     * Whether a record whose chunk {@code chunk} is missing has no chunks at all, so its items are read from the
     * former layout: at any position, as a page past position 1,000 must be (chunk 0 is written last).
     */
    private boolean isFormer(String tenant, String recordId, int chunk) {
        return legacy != null && (chunk == 0 || !hasChunks(tenant, recordId));
    }

    /** A chunk's items as written, without links, or empty when there is no such chunk. */
    private Optional<List<StoredItem>> bare(String tenant, String recordId, int chunk) {
        Optional<byte[]> gz = get(chunkKey(tenant, recordId, chunk));
        if (gz.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ItemChunkCodec.readItems(new GZIPInputStream(new java.io.ByteArrayInputStream(
                    gz.get())), recordId));
        } catch (IOException e) {
            throw new UncheckedIOException("reading items of " + recordId + ", chunk " + chunk, e);
        }
    }

    /** A chunk's items with their links, or empty when there is no such chunk. */
    private Optional<List<StoredItem>> chunk(String tenant, String recordId, int chunk) {
        Optional<List<StoredItem>> bare = bare(tenant, recordId, chunk);
        if (bare.isEmpty()) {
            return Optional.empty();
        }
        List<StoredItem> items = bare.get();
        Map<Integer, Reconciliation> links = get(linksKey(tenant, recordId, chunk))
                .map(S3ItemStore::links).orElse(Map.of());
        Map<Integer, List<Reconciliation>> answers = answers(tenant, recordId, chunk);
        if (links.isEmpty() && answers.isEmpty()) {
            return Optional.of(items);
        }
        List<StoredItem> linked = new ArrayList<>(items.size());
        for (StoredItem item : items) {
            List<Reconciliation> history = answers.getOrDefault(item.seq(), List.of());
            Reconciliation now = links.containsKey(item.seq()) ? links.get(item.seq())
                    : history.isEmpty() ? null : history.get(history.size() - 1);
            linked.add(item.linked(now, history));
        }
        return Optional.of(linked);
    }

    /** Every answer document of a remessa's chunk, oldest retorno first (record ids sort by receipt time). */
    private Map<Integer, List<Reconciliation>> answers(String tenant, String remessaId, int chunk) {
        String prefix = answersPrefix(tenant, remessaId, chunk);
        List<S3Object> documents = list(prefix);
        if (documents.isEmpty()) {
            return Map.of();
        }
        Map<Integer, List<Reconciliation>> bySeq = new TreeMap<>();
        documents.stream().sorted(Comparator.comparing(S3Object::key)).forEach(document ->
                get(document.key()).map(S3ItemStore::links).orElse(Map.of()).forEach((seq, answer) ->
                        bySeq.computeIfAbsent(seq, s -> new ArrayList<>()).add(answer)));
        return bySeq;
    }

    @Override
    public void deleteAll(String tenant, String recordId) {
        List<S3Object> objects = list(prefix(tenant, recordId));
        for (int from = 0; from < objects.size(); from += 1000) {
            List<ObjectIdentifier> batch = objects.subList(from, Math.min(objects.size(), from + 1000)).stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
        if (legacy != null) {
            legacy.deleteAll(tenant, recordId);
        }
    }

    @Override
    public void putLinks(String tenant, String recordId, int chunk, Map<Integer, Reconciliation> bySeq) {
        put(linksKey(tenant, recordId, chunk), linksBytes(bySeq));
    }

    @Override
    public void putAnswers(String tenant, String remessaId, int chunk, String retornoId,
                           Map<Integer, Reconciliation> bySeq) {
        put(answersPrefix(tenant, remessaId, chunk) + retornoId + ".json.gz", linksBytes(bySeq));
    }

    @Override
    public void removeAnswers(String tenant, String remessaId, int chunk, String retornoId) {
        s3.deleteObject(r -> r.bucket(bucket).key(answersPrefix(tenant, remessaId, chunk) + retornoId + ".json.gz"));
    }

    @Override
    public boolean hasAnswers(String tenant, String remessaId) {
        return !s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix(tenant, remessaId) + "answers/").maxKeys(1))
                .contents().isEmpty();
    }

    private static byte[] linksBytes(Map<Integer, Reconciliation> bySeq) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            ItemChunkCodec.writeLinks(gz, new TreeMap<>(bySeq));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<Integer, Reconciliation> links(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return ItemChunkCodec.readLinks(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<byte[]> get(String key) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key))) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/gzip"), RequestBody.fromBytes(bytes));
    }

    private List<S3Object> list(String prefix) {
        List<S3Object> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(next));
            all.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return all;
    }

    /**
     * Buffers up to a chunk of items and stores each full chunk (gzip JSON lines) with one PUT. Chunk 0 is
     * stored last, on close: a reader that finds it finds every chunk, and until then the record reads as it did
     * before (its items of the former layout, when it has them).
     */
    private final class ChunkWriter implements Writer {

        private final String tenant;
        private final String recordId;
        private ByteArrayOutputStream buffer;
        private GZIPOutputStream gzip;
        private JsonGenerator json;
        private int count;
        private int chunk;
        /** Chunk 0 of a record with more than one chunk, held until the others are stored. */
        private byte[] first;

        ChunkWriter(String tenant, String recordId) {
            this.tenant = tenant;
            this.recordId = recordId;
        }

        @Override
        public void add(StoredItem item) {
            try {
                if (json == null) {
                    buffer = new ByteArrayOutputStream(64 * 1024);
                    gzip = new GZIPOutputStream(buffer, 64 * 1024) {
                        {
                            def.setLevel(CHUNK_LEVEL);
                        }
                    };
                    json = ItemChunkCodec.generator(gzip);
                }
                ItemChunkCodec.write(json, item);
                if (++count == CHUNK) {
                    flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                if (json != null) {
                    flush();
                }
                if (first != null) {
                    put(chunkKey(tenant, recordId, 0), first);
                    first = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void flush() throws IOException {
            json.close();
            if (chunk == 0) {
                first = buffer.toByteArray();
            } else {
                put(chunkKey(tenant, recordId, chunk), buffer.toByteArray());
            }
            chunk++;
            count = 0;
            json = null;
        }
    }
}
