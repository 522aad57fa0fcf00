package br.bankhistory.history.adapter.s3;

import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * {@link ItemStore} in the files bucket (docs/data-model.md, "Items"): a record's items as gzip JSON-lines
 * chunks of {@value ItemStore#CHUNK} under {@code items/{tenant}/{recordId}/}, written as the file is read;
 * a retorno's links per chunk ({@code links/}); a remessa's answers per chunk and retorno ({@code answers/}).
 * A page reads its chunk and its links, or (without links) the chunk's answers: a few GETs and at most one LIST,
 * whatever the file's size.
 * Records written before chunks existed are read from the {@code legacy} store.
 */
public final class S3ItemStore implements ItemStore {

    private final ItemObjects objects;
    private final ItemReader legacy;

    public S3ItemStore(S3Client s3, String bucket, ItemReader legacy) {
        this.objects = new ItemObjects(s3, bucket);
        this.legacy = legacy;
    }

    @Override
    public Writer writer(String tenant, String recordId) {
        return new ChunkWriter(objects, tenant, recordId);
    }

    @Override
    public boolean hasChunks(String tenant, String recordId) {
        return objects.any(ItemObjects.chunkKey(tenant, recordId, 0));
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
    public List<StoredItem> linkedItemsOfChunk(String tenant, String recordId, int chunk) {
        Optional<List<StoredItem>> items = chunk(tenant, recordId, chunk);
        if (items.isEmpty() && isFormer(tenant, recordId, chunk)) {
            return legacy.page(tenant, recordId, chunk * CHUNK, CHUNK).items();
        }
        return items.orElse(List.of());
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
        Optional<byte[]> gz = objects.get(ItemObjects.chunkKey(tenant, recordId, chunk));
        if (gz.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ItemChunkDecoder.readItems(new GZIPInputStream(new java.io.ByteArrayInputStream(
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
        Map<Integer, Reconciliation> links = objects.get(ItemObjects.linksKey(tenant, recordId, chunk))
                .map(ItemObjects::links).orElse(Map.of());
        // a file has links (a retorno, answering remessas) or answers (a remessa, answered by retornos), never
        // both: a chunk with links needs no LIST of answers
        Map<Integer, List<Reconciliation>> answers = links.isEmpty() ? answers(tenant, recordId, chunk) : Map.of();
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
        List<S3Object> documents = objects.list(ItemObjects.answersPrefix(tenant, remessaId, chunk));
        if (documents.isEmpty()) {
            return Map.of();
        }
        Map<Integer, List<Reconciliation>> bySeq = new TreeMap<>();
        documents.stream().sorted(Comparator.comparing(S3Object::key)).forEach(document ->
                objects.get(document.key()).map(ItemObjects::links).orElse(Map.of()).forEach((seq, answer) ->
                        bySeq.computeIfAbsent(seq, s -> new ArrayList<>()).add(answer)));
        return bySeq;
    }

    @Override
    public void deleteAll(String tenant, String recordId) {
        objects.deleteUnder(ItemObjects.prefix(tenant, recordId));
        if (legacy != null) {
            legacy.deleteAll(tenant, recordId);
        }
    }

    @Override
    public void putLinks(String tenant, String recordId, int chunk, Map<Integer, Reconciliation> bySeq) {
        objects.put(ItemObjects.linksKey(tenant, recordId, chunk), ItemObjects.linksBytes(bySeq));
    }

    @Override
    public void putAnswers(String tenant, String remessaId, int chunk, String retornoId,
                           Map<Integer, Reconciliation> bySeq) {
        objects.put(ItemObjects.answersKey(tenant, remessaId, chunk, retornoId), ItemObjects.linksBytes(bySeq));
    }

    @Override
    public void removeAnswers(String tenant, String remessaId, int chunk, String retornoId) {
        objects.delete(ItemObjects.answersKey(tenant, remessaId, chunk, retornoId));
    }

    @Override
    public boolean hasAnswers(String tenant, String remessaId) {
        return objects.any(ItemObjects.prefix(tenant, remessaId) + "answers/");
    }
}
