package br.bankhistory.history.delivery;

import br.bankhistory.history.adapter.eventbridge.EventBridgePublisher;
import br.bankhistory.history.domain.EventTypes;
import br.bankhistory.history.domain.RecordStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * Which events of the outbox wake a remessa's delivery: the {@code DeliveryRule} of {@code template.yaml} on the
 * {@code bank-history} bus, sending them to the delivery queue, and its stand-in on the local stack, which routes
 * the same events (a test holds the template's pattern to these lists). A remessa waiting for delivery, generated,
 * approved, or asked for again; any other event, or one of these in another status, is not routed.
 */
public final class DeliveryRule {

    public static final List<String> TYPES = List.of(EventTypes.REMESSA_GENERATED, EventTypes.REMESSA_APPROVED,
            EventTypes.REMESSA_DELIVERY_REQUESTED);
    public static final List<String> STATUSES = List.of(RecordStatus.READY_TO_SEND.name(),
            RecordStatus.APPROVED.name());

    private DeliveryRule() {
    }

    /** @param envelope the outbox event's document (the bus event's {@code detail}) */
    public static boolean matches(JsonNode envelope) {
        return TYPES.contains(envelope.path("type").asText())
                && STATUSES.contains(envelope.path("data").path("status").asText());
    }

    /**
     * The message the rule's target (the delivery queue) receives for an envelope: the whole EventBridge event, as
     * the Delivery function reads it. For the local stack and the tests, which route without a bus.
     */
    public static String bridgeEvent(ObjectMapper json, JsonNode envelope, Instant at) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", envelope.path("id").asText());
        event.put("detail-type", envelope.path("type").asText());
        event.put("source", EventBridgePublisher.SOURCE);
        event.put("time", at.toString());
        event.putArray("resources");
        event.set("detail", envelope);
        return event.toString();
    }
}
