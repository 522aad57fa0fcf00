package br.bankhistory.history.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event with its envelope, as it is stored in the outbox and published (docs/events/README.md).
 *
 * @param id         derived from tenant, record and sequence: the same change always has the same id, so a
 *                   consumer drops a repeat (at-least-once delivery) by it
 * @param sequence   the change's position in the record's history: rises with each event of the record
 */
public record OutboxEvent(String id, String type, String tenant, String recordId, long sequence,
                          Instant occurredAt, Map<String, Object> data) {

    /** The envelope's version, raised only if a field changes meaning (new fields do not raise it). */
    public static final int VERSION = 1;

    public static OutboxEvent of(String tenant, String recordId, long sequence, Instant occurredAt, ChangeEvent event) {
        return new OutboxEvent(idOf(tenant, recordId, sequence), event.type(), tenant, recordId, sequence, occurredAt,
                event.data());
    }

    /** A name-based UUID (version 3) of tenant, record and sequence: stable across retries and redeliveries. */
    public static String idOf(String tenant, String recordId, long sequence) {
        return UUID.nameUUIDFromBytes((tenant + "\n" + recordId + "\n" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The published JSON document, fields in a fixed order. */
    public Map<String, Object> envelope() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("type", type);
        e.put("version", VERSION);
        e.put("tenant", tenant);
        e.put("recordId", recordId);
        e.put("sequence", sequence);
        e.put("occurredAt", occurredAt.toString());
        e.put("data", data);
        return e;
    }
}
