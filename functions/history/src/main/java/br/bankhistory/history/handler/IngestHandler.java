package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
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

/** S3 ObjectCreated on inbound/, uploads/ and outbound/: each object to the ingest use case. */
public final class IngestHandler implements RequestHandler<S3Event, IngestHandler.Report> {

    private static final class Production {
        static final Services SERVICES = Services.fromEnvironment();
    }

    private final Services services;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public IngestHandler() {
        this(Production.SERVICES);
    }

    public IngestHandler(Services services) {
        this.services = services;
    }

    @Override
    public Report handleRequest(S3Event event, Context context) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            outcomes.add(services.receiveFile().receive(delivered(record)));
        }
        return new Report(outcomes);
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
