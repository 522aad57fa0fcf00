package br.bankhistory.history.handler;

import br.bankhistory.history.wiring.FollowUpWiring;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
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
 * The follow-up queue: each message names a record whose processing steps run now (a released file). A
 * message that fails is reported back (partial batch response), so SQS retries it, then its dead-letter queue
 * keeps it; a message that names nothing processable is logged and dropped.
 */
public final class FollowUpHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final JsonLog LOG = JsonLog.of(FollowUpHandler.class);

    private static final class Production {
        static final FollowUpWiring WIRING = FollowUpWiring.fromEnvironment();
        /** Held so the checkpoint hook stays registered (docs/benchmarks.md, "Cold start"). */
        static final Priming PRIMING = Priming.register(Priming.forFollowUp(WIRING));
    }

    private final FollowUpWiring wiring;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public FollowUpHandler() {
        this(Production.WIRING);
    }

    public FollowUpHandler(FollowUpWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
                : UUID.randomUUID().toString();
        try (LogContext log = LogContext.open(FollowUpHandler.class, requestId)) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                try {
                    handle(message);
                } catch (RuntimeException failed) {
                    LOG.error("followup.failed", Map.of("messageId", message.getMessageId(),
                            "error", String.valueOf(failed), "stack", JsonLog.stackTrace(failed)));
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        }
    }

    private void handle(SQSEvent.SQSMessage message) {
        JsonNode body;
        try {
            body = wiring.json().readTree(message.getBody());
        } catch (Exception notJson) {
            LOG.warn("followup.ignored", Map.of("messageId", message.getMessageId(), "reason", "not JSON"));
            return;
        }
        String tenant = body.path("tenant").asText("");
        String recordId = body.path("recordId").asText("");
        if (!Tenants.isValidTenant(tenant) || !RecordIds.isValid(recordId)) {
            LOG.warn("followup.ignored", Map.of("messageId", message.getMessageId(), "reason", "no record named"));
            return;
        }
        wiring.processRecord().run(tenant, recordId);
    }
}
