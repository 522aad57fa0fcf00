package br.bankhistory.history.adapter.eventbridge;

import br.bankhistory.history.port.EventPublisher;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.List;

/**
 * {@link EventPublisher} on an EventBridge bus: {@code PutEvents} in calls of up to 10 entries, source
 * {@value #SOURCE}, detail-type the event's type, detail its envelope. An entry the bus refused ends the count:
 * it and every later one are published again by the caller's retry.
 */
public final class EventBridgePublisher implements EventPublisher {

    /** The {@code source} of every event of this service (an EventBridge rule matches on it). */
    public static final String SOURCE = "br.bankhistory.history";
    private static final int ENTRIES_PER_CALL = 10;

    private final EventBridgeClient client;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient client, String busName) {
        this.client = client;
        this.busName = busName;
    }

    @Override
    public int publish(List<Message> events) {
        int published = 0;
        for (int from = 0; from < events.size(); from += ENTRIES_PER_CALL) {
            List<Message> batch = events.subList(from, Math.min(events.size(), from + ENTRIES_PER_CALL));
            PutEventsResponse response = client.putEvents(r -> r.entries(batch.stream()
                    .map(m -> PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE)
                            .detailType(m.type()).detail(m.detail()).build())
                    .toList()));
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < batch.size(); i++) {
                if (i >= results.size() || results.get(i).errorCode() != null) {
                    return published;
                }
                published++;
            }
        }
        return published;
    }
}
