package br.bankhistory.history.handler;

import br.bankhistory.history.wiring.IngestWiring;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
import br.bankhistory.history.ingest.DeliveredObject;
import br.bankhistory.history.ingest.IngestOutcome;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** S3 ObjectCreated on inbound/, uploads/ and outbound/: each object to the ingest use case. */
public final class IngestHandler implements RequestHandler<S3Event, IngestHandler.Report> {

    private static final class Production {
        static final IngestWiring WIRING = IngestWiring.fromEnvironment();
        /** Held so the checkpoint hook stays registered (docs/benchmarks.md, "Cold start"). */
        static final Priming PRIMING = Priming.register(Priming.forIngest(WIRING));
    }

    private static final JsonLog LOG = JsonLog.of(IngestHandler.class);

    private final IngestWiring wiring;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public IngestHandler() {
        this(Production.WIRING);
    }

    public IngestHandler(IngestWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Report handleRequest(S3Event event, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
                : UUID.randomUUID().toString();
        try (LogContext log = LogContext.open(IngestHandler.class, requestId)) {
            List<IngestOutcome> outcomes = new ArrayList<>();
            for (S3EventNotificationRecord record : event.getRecords()) {
                DeliveredObject object = delivered(record);
                try {
                    outcomes.add(wiring.receiveFile().receive(object));
                } catch (RuntimeException failed) {
                    // Lambda retries the event (then the dead-letter queue keeps it); the log says why.
                    LOG.error("ingest.failed", Map.of("bucket", object.bucket(), "key", object.key(),
                            "error", String.valueOf(failed), "stack", JsonLog.stackTrace(failed)));
                    throw failed;
                }
            }
            return new Report(outcomes);
        }
    }

    private static DeliveredObject delivered(S3EventNotificationRecord record) {
        S3ObjectEntity object = record.getS3().getObject();
        String version = object.getSequencer() != null && !object.getSequencer().isEmpty()
                ? object.getSequencer()
                : String.valueOf(object.geteTag());
        Instant eventTime = record.getEventTime() == null
                ? Instant.now()
                : Instant.ofEpochMilli(record.getEventTime().getMillis());
        long size = object.getSizeAsLong() == null ? -1 : object.getSizeAsLong();
        return new DeliveredObject(record.getS3().getBucket().getName(), object.getUrlDecodedKey(), size, version,
                eventTime);
    }

    /** What each object of the event led to, in order. */
    public record Report(List<IngestOutcome> outcomes) {
    }
}
