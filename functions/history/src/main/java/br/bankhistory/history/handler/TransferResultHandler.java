package br.bankhistory.history.handler;

import br.bankhistory.history.delivery.DeliverRemessa;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
import br.bankhistory.history.wiring.DeliveryWiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;
import java.util.UUID;

/**
 * AWS Transfer Family's outcome of a remessa's transfer ("SFTP Connector File Send Completed" or "SFTP Connector
 * File Send Failed", source {@code aws.transfer}, on the account's default bus; its rule invokes this function):
 * the remessa sent from the files bucket is "Enviada ao banco", or its try failed. A failure to record it is
 * thrown, so Lambda retries the event and then its on-failure destination keeps it.
 */
public final class TransferResultHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final JsonLog LOG = JsonLog.of(TransferResultHandler.class);

    private static final class Production {
        static final DeliveryWiring WIRING = DeliveryWiring.fromEnvironment();
    }

    private final DeliveryWiring wiring;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public TransferResultHandler() {
        this(Production.WIRING);
    }

    public TransferResultHandler(DeliveryWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
                : UUID.randomUUID().toString();
        try (LogContext log = LogContext.open(TransferResultHandler.class, requestId)) {
            Map<?, ?> detail = event.get("detail") instanceof Map<?, ?> d ? d : Map.of();
            Map<?, ?> file = detail.get("local-file-location") instanceof Map<?, ?> f ? f : Map.of();
            String key = text(file.get("key"));
            String bucket = text(file.get("bucket"));
            if (!"SEND".equals(text(detail.get("operation"))) || key.isEmpty()
                    || !bucket.equals(wiring.config().bucketName())) {
                LOG.warn("transfer.ignored", Map.of("operation", text(detail.get("operation")), "bucket", bucket,
                        "key", key));
                return Map.of("outcome", "ignored");
            }
            boolean completed = "COMPLETED".equals(text(detail.get("status-code")));
            DeliverRemessa.Next next = wiring.deliverRemessa().settle(key, text(detail.get("transfer-id")), completed,
                    text(detail.get("failure-code")) + ": " + text(detail.get("failure-message")));
            return Map.of("outcome", next instanceof DeliverRemessa.Next.Done ? "settled" : "waiting");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
