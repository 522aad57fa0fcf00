package br.bankhistory.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local HTTP entry point on 127.0.0.1: {@code /api/...} as API Gateway's HTTP API in front of the Api
 * function, {@code /local/token} to mint a local identity, and the history page at {@code /}.
 */
public final class HttpFront implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService workers;

  private HttpFront(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /**
   * Binds the port and starts serving: {@link #bind} then {@link #serve}.
   *
   * @param port    the port, 0 for any free one
   * @param webRoot the folder served at {@code /}, or {@code null} when there is none
   */
  public static HttpFront start(int port, Path webRoot, LocalJwt tokens, ObjectMapper json,
                                RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiFunction) {
    return bind(port).serve(webRoot, tokens, json, apiFunction);
  }

  /**
   * Takes the port (0: any free one) without answering yet, so that its address is known before the
   * service is built: the links in the admin emails name it.
   */
  public static HttpFront bind(int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (use --port to choose another)", e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "http-front-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(workers);
    return new HttpFront(server, workers);
  }

  /**
   * Starts answering: {@code /api/...} to the Api function, {@code /local/token}, and the page at {@code /}
   * ({@code webRoot}, or a hint when {@code null}).
   */
  public HttpFront serve(Path webRoot, LocalJwt tokens, ObjectMapper json,
                         RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiFunction) {
    server.createContext(ApiGatewayProxy.PREFIX + "/", new ApiGatewayProxy(ApiRoutes.standard(), tokens, json, apiFunction));
    server.createContext(TokenEndpoint.PATH, new TokenEndpoint(tokens, json));
    server.createContext("/", new StaticFiles(webRoot));
    server.start();
    return this;
  }

  /** Serves another local-only route (the local stack's dead-letter replay, for one). */
  HttpFront route(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8080/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
