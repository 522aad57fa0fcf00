package br.bankhistory.history.domain;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The events of the changes this service makes to a record (docs/events/README.md): what a newly recorded file
 * tells (a remessa generated or waiting for approval, a retorno processed, a file held) and what a cancel tells;
 * a remessa's approval and delivery tell theirs through {@link RemessaEvents}. An event stays small:
 * the titles go in it only up to {@link #INLINE_TITLES}; above that it carries the counts and totals and
 * points at the paged items route.
 */
public final class RecordEvents {

    /** Up to this many titles an event lists them; a larger file's event carries counts and the items route. */
    public static final int INLINE_TITLES = 50;

    private RecordEvents() {
    }

    /** Whether an event about this record lists its titles (read them first, then), or only counts them. */
    public static boolean listsTitles(IntegrationRecord record) {
        return record.itemCount() > 0 && record.itemCount() <= INLINE_TITLES;
    }

    /**
     * The event a newly recorded file publishes, if any.
     *
     * @param titles the record's titles when {@link #listsTitles} (else ignored), in file order
     */
    public static Optional<ChangeEvent> recorded(IntegrationRecord r, ObjectPlace.Area area, List<StoredItem> titles) {
        if (r.status() == RecordStatus.POSSIBLE_DUPLICATE) {
            Map<String, Object> data = file(r);
            data.put("status", r.status().name());
            data.put("findings", r.findings().stream().map(f -> {
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("code", f.code());
                finding.put("message", f.message());
                return finding;
            }).toList());
            return Optional.of(new ChangeEvent(EventTypes.FILE_HELD, data));
        }
        boolean remessa = "REMESSA".equals(r.direction()) && area == ObjectPlace.Area.OUTBOUND;
        if (remessa && (r.status() == RecordStatus.GENERATED || r.status() == RecordStatus.SENT
                || r.status() == RecordStatus.READY_TO_SEND)) {
            return Optional.of(new ChangeEvent(EventTypes.REMESSA_GENERATED, generated(r, titles)));
        }
        if (remessa && r.status() == RecordStatus.AWAITING_APPROVAL) {
            return Optional.of(RemessaEvents.awaitingApproval(r, generated(r, titles)));
        }
        if ("RETORNO".equals(r.direction()) && r.status() == RecordStatus.PROCESSED) {
            Map<String, Object> data = file(r);
            data.put("totalAmountCents", r.totalAmountCents());
            data.put("totalPaidCents", r.totalPaidCents());
            Map<String, Object> outcomes = new TreeMap<>();
            r.byCategory().forEach((category, t) -> outcomes.merge(outcome(category), totals(t), RecordEvents::sum));
            data.put("outcomes", outcomes);
            putTitles(data, r, titles, RecordEvents::retornoTitle);
            return Optional.of(new ChangeEvent(EventTypes.RETORNO_PROCESSED, data));
        }
        return Optional.empty();
    }

    /** What a generated remessa's events say: the file, its status, who generated it, its total and titles. */
    private static Map<String, Object> generated(IntegrationRecord r, List<StoredItem> titles) {
        Map<String, Object> data = file(r);
        data.put("status", r.status().name());
        data.put("generatedBy", Map.of("userId", nz(r.userId()), "userName", nz(r.userName())));
        data.put("totalAmountCents", r.totalAmountCents());
        putTitles(data, r, titles, RecordEvents::remessaTitle);
        return data;
    }

    /** The event of a cancelled remessa: who, why, and the titles it freed. */
    public static ChangeEvent cancelled(IntegrationRecord before, StatusChange change, List<StoredItem> titles,
                                        boolean bankNotified) {
        Map<String, Object> data = file(before);
        data.put("fromStatus", before.status().name());
        data.put("bankNotified", bankNotified);
        data.put("reason", change.reason());
        data.put("cancelledBy", Map.of("userId", nz(change.byUserId()), "userName", nz(change.byUserName())));
        data.put("releasedTitles", before.itemCount());
        putTitles(data, before, titles, RecordEvents::remessaTitle);
        return new ChangeEvent(EventTypes.REMESSA_CANCELLED, data);
    }

    /** CONFIRMED, REJECTED, PAID, WRITTEN_OFF or OTHER: what a title's category means to an ERP. */
    static String outcome(String category) {
        Category c;
        try {
            c = Category.valueOf(category);
        } catch (IllegalArgumentException unknown) {
            return "OTHER";
        }
        return switch (c) {
            case ENTRY_CONFIRMED, SCHEDULED -> "CONFIRMED";
            case ENTRY_REJECTED, PAYMENT_REJECTED -> "REJECTED";
            case PAID, EFFECTED -> "PAID";
            case WRITTEN_OFF -> "WRITTEN_OFF";
            default -> "OTHER";
        };
    }

    /** The file an event is about (bank, account, convênio, NSA, layout), first in every event's data. */
    static Map<String, Object> file(IntegrationRecord r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fileName", r.fileName());
        data.put("kind", r.kind() == null ? null : r.kind().name());
        data.put("layout", r.layout());
        data.put("bankCode", r.bankCode());
        data.put("bankName", r.bankName());
        data.put("agency", r.agency());
        data.put("account", r.account());
        data.put("agreement", r.agreement());
        data.put("sequenceNumber", r.sequenceNumber());
        data.put("generatedOn", date(r.generatedOn()));
        data.put("receivedAt", r.receivedAt().toString());
        data.put("itemCount", r.itemCount());
        return data;
    }

    private static void putTitles(Map<String, Object> data, IntegrationRecord r, List<StoredItem> titles,
                                  java.util.function.Function<StoredItem, Map<String, Object>> shape) {
        boolean listed = listsTitles(r) && titles.size() == r.itemCount();
        data.put("titlesIncluded", listed || r.itemCount() == 0);
        data.put("titles", listed ? titles.stream().map(shape).toList() : List.of());
        data.put("itemsPath", "/integrations/" + r.id() + "/items");
    }

    private static Map<String, Object> remessaTitle(StoredItem s) {
        Item i = s.item();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("position", s.seq());
        t.put("ourNumber", i.ourNumber());
        t.put("yourNumber", i.yourNumber());
        t.put("dueDate", date(i.dueDate()));
        t.put("amountCents", i.amountCents());
        return t;
    }

    private static Map<String, Object> retornoTitle(StoredItem s) {
        Item i = s.item();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("position", s.seq());
        t.put("line", i.line());
        t.put("ourNumber", i.ourNumber());
        t.put("yourNumber", i.yourNumber());
        t.put("outcome", outcome(i.category() == null ? "" : i.category().name()));
        t.put("category", i.category() == null ? null : i.category().name());
        t.put("occurrenceCode", i.occurrenceCode());
        t.put("occurrenceText", i.occurrenceText());
        t.put("reasons", i.reasons() == null ? List.of() : List.copyOf(i.reasons()));
        t.put("amountCents", i.amountCents());
        t.put("paidCents", i.paidCents());
        t.put("feeCents", i.feeCents());
        t.put("occurrenceDate", date(i.occurrenceDate()));
        t.put("creditDate", date(i.creditDate()));
        return t;
    }

    private static Map<String, Object> totals(Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", t.count());
        m.put("amountCents", t.amountCents());
        m.put("paidCents", t.paidCents());
        m.put("feeCents", t.feeCents());
        return m;
    }

    private static Map<String, Object> sum(Object a, Object b) {
        Map<String, Object> left = cast(a);
        Map<String, Object> right = cast(b);
        Map<String, Object> m = new LinkedHashMap<>();
        left.forEach((k, v) -> m.put(k, ((Long) v) + ((Long) right.get(k))));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
