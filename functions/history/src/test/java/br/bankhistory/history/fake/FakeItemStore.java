package br.bankhistory.history.fake;

import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.ItemStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ItemStore} in memory, as the adapter behaves: items kept in chunks of {@link #CHUNK} as the file gave
 * them (links are not part of a chunk), each full chunk stored as it fills and the first one on close, after
 * the others; a page joins a chunk's items with its links and the answers of every retorno, oldest first.
 */
public final class FakeItemStore implements ItemStore {

    private record Chunk(String tenant, String recordId, int chunk) {
    }

    private final Map<Chunk, List<StoredItem>> chunks = new HashMap<>();
    private final Map<Chunk, Map<Integer, Reconciliation>> links = new HashMap<>();
    /** By chunk, then retorno id (ids sort by receipt time, as the adapter's object keys do). */
    private final Map<Chunk, TreeMap<String, Map<Integer, Reconciliation>>> answers = new HashMap<>();

    @Override
    public Writer writer(String tenant, String recordId) {
        return new Writer() {
            private final List<StoredItem> buffer = new ArrayList<>();
            private List<StoredItem> first;
            private int chunk;

            @Override
            public void add(StoredItem item) {
                buffer.add(new StoredItem(recordId, item.seq(), item.fileName(), item.item(), null, List.of()));
                if (buffer.size() == CHUNK) {
                    flush();
                }
            }

            @Override
            public void close() {
                if (!buffer.isEmpty()) {
                    flush();
                }
                if (first != null) {
                    store(new Chunk(tenant, recordId, 0), first);
                    first = null;
                }
            }

            private void flush() {
                if (chunk == 0) {
                    first = List.copyOf(buffer);
                } else {
                    store(new Chunk(tenant, recordId, chunk), List.copyOf(buffer));
                }
                buffer.clear();
                chunk++;
            }
        };
    }

    private synchronized void store(Chunk chunk, List<StoredItem> items) {
        chunks.put(chunk, items);
    }

    @Override
    public synchronized boolean hasChunks(String tenant, String recordId) {
        return chunks.containsKey(new Chunk(tenant, recordId, 0));
    }

    @Override
    public synchronized ItemPage page(String tenant, String recordId, int afterSeq, int limit) {
        List<StoredItem> out = new ArrayList<>();
        boolean more = false;
        for (int chunk = ItemStore.chunkOf(afterSeq + 1); chunks.containsKey(new Chunk(tenant, recordId, chunk));
             chunk++) {
            for (StoredItem item : linked(new Chunk(tenant, recordId, chunk))) {
                if (item.seq() <= afterSeq) {
                    continue;
                }
                if (out.size() == limit) {
                    more = true;
                    break;
                }
                out.add(item);
            }
            if (more) {
                break;
            }
        }
        return new ItemPage(out, more ? Optional.of(out.get(out.size() - 1).seq()) : Optional.empty());
    }

    private List<StoredItem> linked(Chunk chunk) {
        List<StoredItem> items = chunks.get(chunk);
        Map<Integer, Reconciliation> now = links.getOrDefault(chunk, Map.of());
        Map<Integer, List<Reconciliation>> history = new HashMap<>();
        answers.getOrDefault(chunk, new TreeMap<>()).values().forEach(document -> document.forEach((seq, answer) ->
                history.computeIfAbsent(seq, s -> new ArrayList<>()).add(answer)));
        if (now.isEmpty() && history.isEmpty()) {
            return items;
        }
        return items.stream().map(item -> {
            List<Reconciliation> answered = history.getOrDefault(item.seq(), List.of());
            Reconciliation link = now.containsKey(item.seq()) ? now.get(item.seq())
                    : answered.isEmpty() ? null : answered.get(answered.size() - 1);
            return item.linked(link, answered);
        }).toList();
    }

    @Override
    public synchronized List<StoredItem> linkedItemsOfChunk(String tenant, String recordId, int chunk) {
        Chunk key = new Chunk(tenant, recordId, chunk);
        return chunks.containsKey(key) ? linked(key) : List.of();
    }

    @Override
    public synchronized List<StoredItem> itemsOfChunk(String tenant, String recordId, int chunk) {
        return chunks.getOrDefault(new Chunk(tenant, recordId, chunk), List.of());
    }

    @Override
    public synchronized void putLinks(String tenant, String recordId, int chunk, Map<Integer, Reconciliation> bySeq) {
        links.put(new Chunk(tenant, recordId, chunk), Map.copyOf(bySeq));
    }

    @Override
    public synchronized void putAnswers(String tenant, String remessaId, int chunk, String retornoId,
                                        Map<Integer, Reconciliation> bySeq) {
        answers.computeIfAbsent(new Chunk(tenant, remessaId, chunk), c -> new TreeMap<>())
                .put(retornoId, Map.copyOf(bySeq));
    }

    @Override
    public synchronized void removeAnswers(String tenant, String remessaId, int chunk, String retornoId) {
        Map<String, Map<Integer, Reconciliation>> documents = answers.get(new Chunk(tenant, remessaId, chunk));
        if (documents != null) {
            documents.remove(retornoId);
            if (documents.isEmpty()) {
                answers.remove(new Chunk(tenant, remessaId, chunk));
            }
        }
    }

    @Override
    public synchronized boolean hasAnswers(String tenant, String remessaId) {
        return answers.keySet().stream().anyMatch(c -> c.tenant().equals(tenant) && c.recordId().equals(remessaId));
    }

    @Override
    public synchronized void deleteAll(String tenant, String recordId) {
        chunks.keySet().removeIf(c -> c.tenant().equals(tenant) && c.recordId().equals(recordId));
        links.keySet().removeIf(c -> c.tenant().equals(tenant) && c.recordId().equals(recordId));
        answers.keySet().removeIf(c -> c.tenant().equals(tenant) && c.recordId().equals(recordId));
    }
}
