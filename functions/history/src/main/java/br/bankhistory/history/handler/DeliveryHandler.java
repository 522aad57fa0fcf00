package br.bankhistory.history.handler;

import br.bankhistory.history.delivery.DeliverRemessa;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
import br.bankhistory.history.wiring.DeliveryWiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery queue (docs/remessa-lifecycle.md, "Delivery to the bank"): each message is an event of the
 * {@code bank-history} bus routed there by its rule ({@code remessa.generated} waiting for delivery,
 * {@code remessa.approved}, {@code remessa.delivery_requested}), and wakes the delivery step of the record it
 * names. A message whose remessa waits (its next try, a transfer's outcome) is postponed with
 * {@code ChangeMessageVisibility} and reported as not done, so it comes back then; a step that fails is reported
 * too (it comes back after the queue's visibility timeout, and after the queue's last receive, its dead-letter
 * queue keeps it, alarmed); a message that names no record is logged and dropped.
 */
public final class DeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final JsonLog LOG = JsonLog.of(DeliveryHandler.class);

    private static final class Production {
        static final DeliveryWiring WIRING = DeliveryWiring.fromEnvironment();
    }

    private final DeliveryWiring wiring;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public DeliveryHandler() {
        this(Production.WIRING);
    }

    public DeliveryHandler(DeliveryWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
                : UUID.randomUUID().toString();
        try (LogContext log = LogContext.open(DeliveryHandler.class, requestId)) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                try {
                    if (handle(message) instanceof DeliverRemessa.Next.Later later) {
                        wiring.queue().postpone(message.getReceiptHandle(), later.after());
                        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                    }
                } catch (RuntimeException failed) {
                    LOG.error("delivery.failed", Map.of("messageId", message.getMessageId(),
                            "error", String.valueOf(failed), "stack", JsonLog.stackTrace(failed)));
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        }
    }

    private DeliverRemessa.Next handle(SQSEvent.SQSMessage message) {
        JsonNode detail;
        try {
            detail = wiring.json().readTree(message.getBody()).path("detail");
        } catch (Exception notJson) {
            return ignored(message, "not JSON");
        }
        String tenant = detail.path("tenant").asText("");
        String recordId = detail.path("recordId").asText("");
        if (!Tenants.isValidTenant(tenant) || !RecordIds.isValid(recordId)) {
            return ignored(message, "no record named");
        }
        return wiring.deliverRemessa().step(tenant, recordId);
    }

    private static DeliverRemessa.Next ignored(SQSEvent.SQSMessage message, String reason) {
        LOG.warn("delivery.ignored", Map.of("messageId", message.getMessageId(), "reason", reason));
        return new DeliverRemessa.Next.Done(reason);
    }
}
