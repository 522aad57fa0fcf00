package br.bankhistory.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record Lambda sends an asynchronous invocation's on-failure destination once its retries are
 * exhausted (docs/deploy.md): {@code version}, {@code timestamp}, {@code requestContext} (request id, function
 * ARN, condition, approximate invoke count), {@code requestPayload} (the original event, untouched),
 * {@code responseContext} and {@code responsePayload} (the error as the Java runtime reports an unhandled
 * exception: {@code errorMessage}, {@code errorType}, {@code stackTrace}, {@code cause}).
 */
final class OnFailureRecord {

  static final String CONDITION_RETRIES_EXHAUSTED = "RetriesExhausted";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_STACK_FRAMES = 40;
  private static final int MAX_CAUSES = 5;

  private OnFailureRecord() {}

  static ObjectNode render(ObjectMapper json, Instant timestamp, String requestId, String functionArn,
                           int approximateInvokeCount, JsonNode requestPayload, Throwable error) {
    ObjectNode record = json.createObjectNode();
    record.put("version", "1.0");
    record.put("timestamp", TIMESTAMP.format(timestamp));
    record.putObject("requestContext")
        .put("requestId", requestId)
        .put("functionArn", functionArn)
        .put("condition", CONDITION_RETRIES_EXHAUSTED)
        .put("approximateInvokeCount", approximateInvokeCount);
    record.set("requestPayload", requestPayload.deepCopy());
    record.putObject("responseContext")
        .put("statusCode", 200)
        .put("executedVersion", "$LATEST")
        .put("functionError", "Unhandled");
    record.set("responsePayload", errorPayload(json, error, 0, new IdentityHashMap<>()));
    return record;
  }

  /**
   * The event to replay from a dead-letter message: the {@code requestPayload} of an on-failure destination
   * record, or the message itself when it is a bare S3 event (what a function's older {@code DeadLetterQueue}
   * setting sends). Anything else is refused.
   */
  static JsonNode requestPayload(JsonNode message) {
    JsonNode payload = message.has("requestPayload") ? message.get("requestPayload") : message;
    if (!payload.path("Records").isArray() || payload.path("Records").isEmpty()) {
      throw new IllegalArgumentException("neither an on-failure destination record nor an S3 event "
          + "(no requestPayload.Records)");
    }
    return payload;
  }

  /** {@code s3://bucket/key} for each record of an S3 event (keys URL-decoded), for logs and summaries. */
  static List<String> objects(JsonNode s3Event) {
    List<String> objects = new ArrayList<>();
    for (JsonNode record : s3Event.path("Records")) {
      JsonNode s3 = record.path("s3");
      String key = s3.path("object").path("key").asText("");
      objects.add("s3://" + s3.path("bucket").path("name").asText("?") + "/"
          + URLDecoder.decode(key, StandardCharsets.UTF_8));
    }
    return objects;
  }

  private static ObjectNode errorPayload(ObjectMapper json, Throwable error, int depth, Map<Throwable, Boolean> seen) {
    seen.put(error, true);
    ObjectNode payload = json.createObjectNode();
    payload.put("errorMessage", error.getMessage() == null ? error.getClass().getName() : error.getMessage());
    payload.put("errorType", error.getClass().getName());
    ArrayNode trace = payload.putArray("stackTrace");
    StackTraceElement[] frames = error.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, MAX_STACK_FRAMES); i++) {
      trace.add(frames[i].toString());
    }
    Throwable cause = error.getCause();
    if (cause != null && depth < MAX_CAUSES && !seen.containsKey(cause)) {
      payload.set("cause", errorPayload(json, cause, depth + 1, seen));
    }
    return payload;
  }
}
