package br.bankhistory.history.events;

import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.EventPublisher;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the outbox events a stream batch carries, in the stream's order, and says where the batch must
 * resume when not all were published: the stream's checkpoint stays before that event, so it and every later one
 * are delivered again (at least once; each keeps its id, by which consumers drop repeats).
 */
public final class PublishOutbox {

    private static final JsonLog LOG = JsonLog.of(PublishOutbox.class);

    private final EventPublisher publisher;

    public PublishOutbox(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * @param position where the event is in the stream (its sequence number there), reported back on a failure
     */
    public record Streamed(String position, EventPublisher.Message message) {
    }

    /** The position of the first event not published, or empty when all were. */
    public Optional<String> publish(List<Streamed> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        int published;
        try {
            published = publisher.publish(events.stream().map(Streamed::message).toList());
        } catch (RuntimeException failed) {
            LOG.error("outbox.publish_failed", Map.of("events", events.size(), "error", String.valueOf(failed)));
            published = 0;
        }
        for (Streamed e : events.subList(0, published)) {
            LOG.info("outbox.published", Map.of("eventId", e.message().id(), "type", e.message().type()));
        }
        if (published == events.size()) {
            return Optional.empty();
        }
        Streamed first = events.get(published);
        LOG.warn("outbox.retry_from", Map.of("eventId", first.message().id(), "position", first.position(),
                "published", published, "left", events.size() - published));
        return Optional.of(first.position());
    }
}
