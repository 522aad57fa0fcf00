package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.ingest.IngestOutcome;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The replay target of the local stack: the Ingest handler in this JVM, called as the managed Java runtime calls it,
 * each outcome of its report described in one short phrase.
 */
final class InProcessIngestTarget implements ReplayDeadLetters.Target {

  private final ManagedRuntimeIngest ingest;

  InProcessIngestTarget(RequestHandler<S3Event, IngestHandler.Report> handler) {
    this.ingest = new ManagedRuntimeIngest(handler, AsyncInvoker.LOCAL_FUNCTION_ARN);
  }

  @Override
  public String invoke(String requestPayloadJson) {
    S3Event event = ingest.event(requestPayloadJson);
    if (event.getRecords() == null || event.getRecords().isEmpty()) {
      throw new IllegalArgumentException("the S3 event has no records");
    }
    IngestHandler.Report report = ingest.handle(event, UUID.randomUUID().toString());
    return report.outcomes().stream().map(InProcessIngestTarget::describe).collect(Collectors.joining("; "));
  }

  private static String describe(IngestOutcome outcome) {
    if (outcome instanceof IngestOutcome.Recorded recorded) {
      return "recorded " + recorded.tenant() + "/" + recorded.recordId() + " (" + recorded.status() + ")";
    }
    if (outcome instanceof IngestOutcome.AlreadyRecorded again) {
      return "already recorded " + again.tenant() + "/" + again.recordId();
    }
    return "ignored: " + ((IngestOutcome.Ignored) outcome).reason();
  }
}
