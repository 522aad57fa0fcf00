package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /local/events} (local only, like {@code /local/schedules/run}): the events the outbox published to
 * the local stand-in for the bus since the stack started, oldest first, as {@code {"events": [envelope, ...]}};
 * {@code ?recordId=} keeps one record's, {@code ?type=} one type's.
 */
final class EventsEndpoint implements HttpHandler {

  static final String PATH = "/local/events";
  private static final JsonLog LOG = JsonLog.of(EventsEndpoint.class);

  private final OutboxStream outbox;
  private final ObjectMapper json;

  EventsEndpoint(OutboxStream outbox, ObjectMapper json) {
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      if (!path.equals(PATH)) {
        Exchanges.sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        Exchanges.sendJson(exchange, 405, "{\"message\":\"Method Not Allowed\"}");
        return;
      }
      String recordId = parameter(exchange, "recordId");
      String type = parameter(exchange, "type");
      List<JsonNode> events = outbox.received().stream()
          .filter(e -> recordId == null || recordId.equals(e.path("recordId").asText()))
          .filter(e -> type == null || type.equals(e.path("type").asText()))
          .toList();
      Exchanges.sendJson(exchange, 200, json.writeValueAsString(Map.of("events", events)));
    } catch (RuntimeException e) {
      LOG.error("local.events.failed", Map.of("path", path, "error", String.valueOf(e)));
      Exchanges.sendJson(exchange, 500, "{\"message\":" + Exchanges.jsonString(String.valueOf(e)) + "}");
    }
  }

  private static String parameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
