package br.bankhistory.history.adapter.sqs;

import br.bankhistory.history.port.EventPublisher;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.List;
import java.util.Map;

/**
 * {@link EventPublisher} on an SQS queue, for the local stack (ElasticMQ): one message per event, in order, the
 * envelope as the body and the type and id as message attributes. A send that fails ends the count.
 */
public final class SqsEventPublisher implements EventPublisher {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsEventPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public int publish(List<Message> events) {
        int published = 0;
        for (Message m : events) {
            try {
                sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(m.detail()).messageAttributes(Map.of(
                        "type", text(m.type()), "id", text(m.id()))));
            } catch (SdkException failed) {
                return published;
            }
            published++;
        }
        return published;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
