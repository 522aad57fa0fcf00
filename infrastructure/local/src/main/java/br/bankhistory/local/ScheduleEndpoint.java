package br.bankhistory.local;

import br.bankhistory.history.handler.ScheduleHandler;
import br.bankhistory.history.log.JsonLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Run now" for the scheduled remessas (local only, like {@code /local/replay-dead-letters}):
 * {@code POST /local/schedules/run} runs them now whatever each account's schedule says, in-process, through the
 * stack's {@link ScheduleHandler} (every tenant with pending instructions, or {@code ?tenant=acme}), and answers
 * the handler's report: {@code {runId, remessas: [{tenant, account, key, fileName, sequenceNumber, instructions}],
 * skipped, recovered}}. The remessas are then recorded as every file under {@code outbound/} is, by the stack's
 * watcher. The slots due are run by the stack's {@link ScheduleClock}.
 */
final class ScheduleEndpoint implements HttpHandler {

  static final String RUN_PATH = "/local/schedules/run";
  private static final JsonLog LOG = JsonLog.of(ScheduleEndpoint.class);

  private final ScheduleHandler schedule;
  private final ObjectMapper json;

  ScheduleEndpoint(ScheduleHandler schedule, ObjectMapper json) {
    this.schedule = schedule;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      if (!path.equals(RUN_PATH)) {
        Exchanges.sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        Exchanges.sendJson(exchange, 405, "{\"message\":\"Method Not Allowed\"}");
        return;
      }
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("scheduledTime", Instant.now().toString());
      input.put("executionId", "local");
      input.put("runNow", true);
      String query = exchange.getRequestURI().getRawQuery();
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.startsWith("tenant=")) {
            input.put("tenant", URLDecoder.decode(pair.substring("tenant=".length()), StandardCharsets.UTF_8));
          }
        }
      }
      Exchanges.sendJson(exchange, 200, json.writeValueAsString(schedule.handleRequest(input, null)));
    } catch (RuntimeException e) {
      LOG.error("local.schedule.failed", Map.of("path", path, "error", String.valueOf(e)));
      Exchanges.sendJson(exchange, 500, "{\"message\":" + Exchanges.jsonString(String.valueOf(e)) + "}");
    }
  }
}
