package br.bankhistory.history.port;

import java.util.Collection;
import java.util.List;

/**
 * The compact index of titles by key (docs/data-model.md, "Title index"): nosso número for cobrança, the
 * company's number ({@code P:...}) and the bank's number ({@code B:...}) for payments, each with its record,
 * position and line, and on retornos a hash of the event reported (occurrence, date, amounts). Keys are spread
 * over {@link #BUCKETS} buckets; a record's entries of one bucket are packed in one item. It serves the search
 * by nosso número, reconciliation and the events-seen-before check, and copies no item.
 */
public interface TitleIndex {

    int BUCKETS = 1024;

    static int bucketOf(String key) {
        return Math.floorMod(key.hashCode(), BUCKETS);
    }

    /**
     * One title under one key.
     *
     * @param eventHash on a retorno, the hash of the event it reports; on a payment remessa, the hash of the date
     *                  and amount the company asked for, which its retorno must echo (both {@link
     *                  br.bankhistory.history.domain.TitleEvents}); 0 otherwise
     */
    record Entry(String key, int seq, int line, long eventHash) {
    }

    /**
     * An entry as found, with the record it belongs to, that record's bank and kind, and the order in which
     * the record's events were applied (retornos; 0 for remessas).
     */
    record Found(String recordId, String bankCode, String kind, long order, Entry entry) {
    }

    /** Replaces the record's entries with these (a remessa's: order 0). */
    default void put(String tenant, String recordId, String bankCode, String kind, List<Entry> entries) {
        java.util.Map<Integer, List<Entry>> byBucket = new java.util.TreeMap<>();
        for (Entry e : entries) {
            byBucket.computeIfAbsent(bucketOf(e.key()), b -> new java.util.ArrayList<>()).add(e);
        }
        try (Writer writer = writer(tenant, recordId, bankCode, kind, 0)) {
            byBucket.forEach(writer::add);
        }
    }

    /** Starts replacing the record's entries, bucket by bucket. */
    Writer writer(String tenant, String recordId, String bankCode, String kind, long order);

    /** The order a retorno's events were applied in, when it was; empty before its first application. */
    java.util.OptionalLong order(String tenant, String recordId);

    /** The next order of application for the tenant (a counter). */
    long nextOrder(String tenant);

    interface Writer extends AutoCloseable {
        /** All of the record's entries of one bucket. */
        void add(int bucket, List<Entry> entries);

        @Override
        void close();
    }

    /** Every entry of the bucket, of every record. */
    List<Found> bucket(String tenant, int bucket);

    /** Every entry under one of these keys, of every record. */
    List<Found> find(String tenant, Collection<String> keys);

    /** Removes the record's entries. */
    void remove(String tenant, String recordId);
}
