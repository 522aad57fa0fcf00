package br.bankhistory.history.handler;

import br.bankhistory.history.wiring.OutboxPublisherWiring;
import br.bankhistory.history.adapter.dynamodb.OutboxStreamRecords;
import br.bankhistory.history.events.PublishOutbox;
import br.bankhistory.history.log.LogContext;
import br.bankhistory.history.port.EventPublisher;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The history table's stream (docs/events/README.md): each outbox item inserted with a change is published,
 * in the stream's order. When not all are, the first one left is reported as the batch's failure
 * ({@code ReportBatchItemFailures}): Lambda keeps the checkpoint before it and delivers it, and every later
 * record, again. Records that are not outbox inserts (the event source mapping's filter lets none through on
 * AWS) are skipped.
 */
public final class OutboxPublisherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final class Production {
        static final PublishOutbox PUBLISH = new PublishOutbox(OutboxPublisherWiring.eventPublisher(System.getenv()));
    }

    private final PublishOutbox publish;

    /** The Lambda runtime's constructor: the bus from the environment ({@code EVENT_BUS_NAME}). */
    public OutboxPublisherHandler() {
        this.publish = Production.PUBLISH;
    }

    public OutboxPublisherHandler(EventPublisher publisher) {
        this.publish = new PublishOutbox(publisher);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
                : UUID.randomUUID().toString();
        try (LogContext log = LogContext.open(OutboxPublisherHandler.class, requestId)) {
            List<PublishOutbox.Streamed> events = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords() == null
                    ? List.<DynamodbEvent.DynamodbStreamRecord>of() : event.getRecords()) {
                OutboxStreamRecords.message(record).ifPresent(message ->
                        events.add(new PublishOutbox.Streamed(record.getDynamodb().getSequenceNumber(), message)));
            }
            return new StreamsEventResponse(publish.publish(events)
                    .map(position -> List.of(new StreamsEventResponse.BatchItemFailure(position)))
                    .orElse(List.of()));
        }
    }
}
