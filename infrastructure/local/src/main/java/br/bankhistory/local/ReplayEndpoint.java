package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The local stack's dead-letter routes (local only, like {@code /local/token}):
 * <ul>
 *   <li>{@code POST /local/replay-dead-letters}: replays every message of the Ingest dead-letter queue into the
 *       stack's Ingest function, in-process ({@link ReplayDeadLetters#replay(software.amazon.awssdk.services.sqs.SqsClient,
 *       String, RequestHandler)}), and answers the summary: {@code {queueUrl, replayed, failed, remaining,
 *       messages: [{messageId, objects, replayed, result}]}};</li>
 *   <li>{@code GET /local/dead-letters}: {@code {queueUrl, messages}}, the queue's approximate depth, without
 *       touching it.</li>
 * </ul>
 */
final class ReplayEndpoint implements HttpHandler {

  static final String REPLAY_PATH = ReplayDeadLetters.LOCAL_PATH;
  static final String PEEK_PATH = "/local/dead-letters";
  private static final JsonLog LOG = JsonLog.of(ReplayEndpoint.class);

  private final DeadLetterQueue queue;
  private final RequestHandler<S3Event, IngestHandler.Report> ingest;
  private final ObjectMapper json;

  /** The documented replay command for a stack whose front is at {@code base}. */
  static String command(URI base) {
    return "curl -s -X POST " + base.resolve(REPLAY_PATH.substring(1));
  }

  ReplayEndpoint(DeadLetterQueue queue, RequestHandler<S3Event, IngestHandler.Report> ingest, ObjectMapper json) {
    this.queue = queue;
    this.ingest = ingest;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    try {
      if (path.equals(REPLAY_PATH)) {
        if (!method.equals("POST")) {
          methodNotAllowed(exchange, "POST");
          return;
        }
        ReplayDeadLetters.Summary summary = ReplayDeadLetters.replay(queue.client(), queue.url(), ingest);
        Exchanges.sendJson(exchange, 200, json.writeValueAsString(summary));
      } else if (path.equals(PEEK_PATH)) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
          methodNotAllowed(exchange, "GET");
          return;
        }
        Exchanges.sendJson(exchange, 200, json.createObjectNode().put("queueUrl", queue.url())
            .put("messages", queue.approximateDepth()).toString());
      } else {
        Exchanges.sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
      }
    } catch (RuntimeException e) {
      LOG.error("local.replay.failed", Map.of("path", path, "error", String.valueOf(e)));
      Exchanges.sendJson(exchange, 500, "{\"message\":" + Exchanges.jsonString(String.valueOf(e)) + "}");
    }
  }

  private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    Exchanges.sendJson(exchange, 405, "{\"message\":\"Method Not Allowed\"}");
  }
}
