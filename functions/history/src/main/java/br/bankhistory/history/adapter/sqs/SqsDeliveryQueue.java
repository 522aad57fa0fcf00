package br.bankhistory.history.adapter.sqs;

import br.bankhistory.history.port.DeliveryQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.function.Supplier;

/** {@link DeliveryQueue} on SQS: {@code ChangeMessageVisibility} of the received message (the client built at first use). */
public final class SqsDeliveryQueue implements DeliveryQueue {

    /** SQS's longest visibility timeout. */
    static final long MAX_SECONDS = 43_200;

    private final Supplier<SqsClient> clients;
    private final String queueUrl;

    public SqsDeliveryQueue(Supplier<SqsClient> clients, String queueUrl) {
        this.clients = clients;
        this.queueUrl = queueUrl;
    }

    @Override
    public void postpone(String receiptHandle, Duration after) {
        // whole seconds, rounded up: a wait of 200 ms shows the message again in a second, not at once
        long seconds = Math.min(MAX_SECONDS, Math.max(0, (after.toMillis() + 999) / 1000));
        clients.get().changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) seconds));
    }
}
