package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * The local stack's API as a test calls it beside the browser: JSON in and out, as one local identity (a token
 * minted by the stack), each answer checked against the status the test expects.
 */
record StackApi(LocalStack stack, LocalIdentity identity) {

  static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** {@code GET /api/{path}}, answered 200. */
  JsonNode get(String path) {
    return call("GET", path, null, 200);
  }

  /** A {@code POST} or {@code PUT} of {@code body} (JSON) with a new Idempotency-Key, answered {@code expected}. */
  JsonNode send(String method, String path, Object body, int expected) {
    return call(method, path, body, expected);
  }

  /** {@code POST /local/schedules/run}: the scheduled remessas now; the run's report. */
  JsonNode runSchedule() {
    return exchange(HttpRequest.newBuilder(stack.baseUri().resolve("local/schedules/run"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
  }

  private JsonNode call(String method, String path, Object body, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve("api/" + path))
        .header("Authorization", "Bearer " + stack.mintToken(identity))
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      try {
        request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return exchange(request.build(), expected);
  }

  private static JsonNode exchange(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(request.method() + " " + request.uri() + ": " + response.body())
          .isEqualTo(expected);
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
