package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One asynchronous invocation of Ingest: one request id for all its attempts, as on Lambda, the event, how many
 * attempts it had so far, and the future its caller waits on.
 */
final class AsyncInvocation {

  final String requestId;
  final String eventJson;
  final JsonNode event;
  final CompletableFuture<IngestHandler.Report> result = new CompletableFuture<>();
  volatile int attempts;

  AsyncInvocation(String requestId, String eventJson, JsonNode event) {
    this.requestId = requestId;
    this.eventJson = eventJson;
    this.event = event;
  }

  /** The S3 objects of the event, e.g. {@code s3://bucket/inbound/acme/x.ret}. */
  List<String> objects() {
    return OnFailureRecord.objects(event);
  }

  /** The fields every log line about this invocation carries, then {@code more}. */
  Map<String, Object> logFields(int maxAttempts, Map<String, Object> more) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("requestId", requestId);
    fields.put("objects", String.join(" ", objects()));
    fields.put("attempt", attempts);
    fields.put("maxAttempts", maxAttempts);
    fields.putAll(more);
    return fields;
  }
}
