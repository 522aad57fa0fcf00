package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.EventPublisher;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

import java.util.Map;
import java.util.Optional;

/**
 * The one reading of the history table's stream records: a record is an outbox event when it is the insert of an
 * {@link OutboxItem} (the event source mapping's filter in template.yaml, {@code eventName = INSERT} and
 * {@code NewImage.type.S = OUTBOX_EVENT}), and its message is the item's id, type and detail as written.
 */
public final class OutboxStreamRecords {

    private OutboxStreamRecords() {
    }

    /** The event the record carries, or empty when it is not an outbox insert. */
    public static Optional<EventPublisher.Message> message(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (!"INSERT".equals(record.getEventName()) || image == null || !OutboxItem.TYPE.equals(text(image, "type"))) {
            return Optional.empty();
        }
        return Optional.of(new EventPublisher.Message(text(image, "eventId"), text(image, "eventType"),
                text(image, "detail")));
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }
}
