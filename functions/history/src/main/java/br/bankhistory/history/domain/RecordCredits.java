package br.bankhistory.history.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One file's side of the cobrança credits (docs/data-model.md, "Cobrança credits"): the days it gave credits to,
 * and its links by item: an extrato's by entry position ({@code E{seq}}), a retorno's by credit date
 * ({@code D{yyyy-MM-dd}}, every title credited that day shows it).
 */
public record RecordCredits(String recordId, List<LocalDate> days, Map<String, CreditLink> links) {

    public RecordCredits {
        days = List.copyOf(new TreeSet<>(days == null ? List.of() : days));
        links = java.util.Collections.unmodifiableMap(new TreeMap<>(links == null ? Map.of() : links));
    }

    public static RecordCredits none(String recordId) {
        return new RecordCredits(recordId, List.of(), Map.of());
    }

    public static String entryKey(int seq) {
        return "E" + seq;
    }

    public static String dateKey(LocalDate date) {
        return "D" + date;
    }

    /** The same side with the links of one day replaced by {@code ofDay}. */
    public RecordCredits withDay(LocalDate day, Map<String, CreditLink> ofDay) {
        Map<String, CreditLink> next = new TreeMap<>(links);
        next.values().removeIf(link -> link.date().equals(day));
        next.putAll(ofDay);
        return new RecordCredits(recordId, days, next);
    }

    public RecordCredits withDays(java.util.Collection<LocalDate> given) {
        return new RecordCredits(recordId, List.copyOf(given), links);
    }

    /** The item with its credit link, if it has one. */
    public StoredItem attach(StoredItem item) {
        CreditLink link = null;
        if (item.entry() != null) {
            link = links.get(entryKey(item.seq()));
        } else if (credited(item)) {
            link = links.get(dateKey(item.creditDate()));
        }
        return link == null ? item : item.withCredit(link);
    }

    /**
     * Whether a retorno's title counts in its credited total of its credit date: a net credited amount on a
     * credit date, not read from a cut record, not an event an earlier retorno reported (the statement's "créditos
     * por data" count the same).
     */
    public static boolean credited(StoredItem item) {
        Reconciliation link = item.reconciliation();
        boolean apart = link != null && (link.status() == Reconciliation.Status.REPEATED
                || link.status() == Reconciliation.Status.PARTIAL);
        return item.creditDate() != null && item.amounts().netCreditedCents() != 0 && !item.item().partial()
                && !apart;
    }

    public long count(CreditLink.Status status) {
        return links.values().stream().filter(l -> l.status() == status).count();
    }

    /** The links of one status, in key order. */
    public List<CreditLink> of(CreditLink.Status status) {
        return links.values().stream().filter(l -> l.status() == status).toList();
    }

    /** A short digest of the links (empty without any), for the statement's key: new links, new statement. */
    public String digest() {
        if (links.isEmpty()) {
            return "";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(links.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
