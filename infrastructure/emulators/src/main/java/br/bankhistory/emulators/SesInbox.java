package br.bankhistory.emulators;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Reads and clears what aws-ses-v2-local has "sent". The store is returned as the emulator's JSON text:
 * {@code {"templates":{},"emails":[{"messageId","from","destination":{"to","cc","bcc"},"subject",
 * "body":{"html","text"},"attachments":[{"filename","contentType","content"(base64)}],"at"}]}}; parse it
 * with whatever JSON library the caller already has.
 */
public final class SesInbox {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:");

  private final URI endpoint;
  private final HttpClient http;

  public SesInbox(URI endpoint) {
    this.endpoint = endpoint;
    this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  }

  /** The web inbox a person can open in a browser. */
  public URI page() {
    return endpoint.resolve("/");
  }

  /** Every email sent since the emulator started (or since the last {@link #clear()}), as JSON. */
  public String storeJson() {
    return get("/store");
  }

  /** The emails sent at or after {@code since} (whole seconds), as JSON. */
  public String storeJsonSince(Instant since) {
    return get("/store?since=" + since.getEpochSecond());
  }

  /** How many emails the store holds. */
  public int emailCount() {
    return (int) MESSAGE_ID.matcher(storeJson()).results().count();
  }

  /** Empties the store. */
  public void clear() {
    send(HttpRequest.newBuilder(endpoint.resolve("/clear-store"))
        .timeout(REQUEST_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build());
  }

  /** Waits until {@code GET /health-check} answers 200. */
  void awaitHealthy(Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/health-check")).timeout(REQUEST_TIMEOUT).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException notYet) {
        // retried below
      } catch (IOException e) {
        throw new IllegalStateException("health check failed: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during the health check", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no healthy answer from " + endpoint + " within " + timeout);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  private String get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build());
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
