package br.bankhistory.history.domain;

import java.util.Map;

/**
 * What a change tells other modules (docs/events/README.md), before it is written: its type and its data. The
 * store that writes the change adds the envelope (id, tenant, record, sequence, time) and writes both in one
 * transaction, so the event exists exactly when the change does.
 *
 * @param type one of {@link EventTypes}, or a type another module adds
 * @param data JSON-ready values only (strings, numbers, booleans, lists, maps, null), in the order given
 */
public record ChangeEvent(String type, Map<String, Object> data) {

    public ChangeEvent {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("an event needs a type");
        }
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
