package br.bankhistory.history.port;

import java.util.List;

/**
 * Where outbox events are published: the EventBridge bus on AWS, a queue on the local stack. Delivery is at
 * least once: a consumer drops a repeat by the event's id (docs/events/README.md).
 */
public interface EventPublisher {

    /**
     * Publishes the events, in the order given, and answers how many were published from the first one on: the
     * events after that count are to be published again (a failure is not thrown for an event the target
     * refused; an infrastructure failure may be thrown, and then nothing counts as published).
     */
    int publish(List<Message> events);

    /**
     * @param detail the event's JSON document (the envelope), published as it is
     */
    record Message(String id, String type, String detail) {
    }
}
