package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What API Gateway's HTTP API does in front of the Api function, for {@code /api/...}: route matching,
 * the JWT authorizer (401 without a valid token, before the function runs), the payload-2.0 event, and
 * the function's response written back (base64 bodies decoded).
 */
final class ApiGatewayProxy implements HttpHandler {

  /** Requests under this path go to the Api function, without it: {@code /api/integrations} is {@code /integrations}. */
  static final String PREFIX = "/api";
  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024; // API Gateway's payload limit
  private static final JsonLog LOG = JsonLog.of(ApiGatewayProxy.class);

  private final ApiRoutes routes;
  private final LocalJwt tokens;
  private final HttpApiEvents events;
  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;

  ApiGatewayProxy(ApiRoutes routes, LocalJwt tokens, ObjectMapper json,
                  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
    this.routes = routes;
    this.tokens = tokens;
    this.events = new HttpApiEvents(json);
    this.function = function;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = stripPrefix(exchange.getRequestURI().getRawPath());
    String routeKey = "-";
    int status;
    try {
      Optional<ApiRoutes.Match> route = routes.match(method, rawPath);
      if (route.isEmpty()) {
        status = notFound(exchange, method, rawPath);
      } else {
        routeKey = route.get().routeKey();
        Optional<Map<String, String>> claims = bearerToken(exchange).flatMap(tokens::verify);
        if (claims.isEmpty()) {
          status = unauthorized(exchange);
        } else {
          status = invoke(exchange, method, rawPath, route.get(), claims.get());
        }
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // As API Gateway answers a function that failed. (An Error left uncaught would kill the worker thread
      // and leave the client waiting forever: e.g. a NoClassDefFoundError after a rebuild under a running stack.)
      LOG.error("front.api.failed", Map.of("method", method, "path", rawPath, "error", String.valueOf(e)));
      Exchanges.sendJson(exchange, 500, "{\"message\":\"Internal Server Error\"}");
      status = 500;
    }
    LOG.info("front.api", Map.of("method", method, "path", rawPath, "route", routeKey, "status", status,
        "ms", (System.nanoTime() - started) / 1_000_000));
  }

  private int invoke(HttpExchange exchange, String method, String rawPath, ApiRoutes.Match route,
                     Map<String, String> claims) throws IOException {
    byte[] body = Exchanges.readBody(exchange, MAX_BODY_BYTES);
    if (body == null) {
      Exchanges.sendJson(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
      return 413;
    }
    String rawQuery = exchange.getRequestURI().getRawQuery();
    HttpRequestData request = new HttpRequestData(method, rawPath, rawQuery == null ? "" : rawQuery,
        Exchanges.lowerCaseHeaders(exchange), body, exchange.getRemoteAddress(), exchange.getProtocol());
    APIGatewayV2HTTPEvent event = events.toEvent(request, route, claims, Instant.now());
    APIGatewayV2HTTPResponse response = function.handleRequest(event, new LocalLambdaContext("ApiFunction"));
    return writeResponse(exchange, response);
  }

  private static int writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(headers::set);
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
    }
    List<String> cookies = response.getCookies();
    if (cookies != null) {
      cookies.forEach(cookie -> headers.add("Set-Cookie", cookie));
    }
    String body = response.getBody();
    byte[] bytes = body == null ? new byte[0]
        : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    String contentType = headers.containsKey("content-type") || bytes.length == 0 ? null : "application/json";
    int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    boolean noBody = bytes.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
    if (!noBody) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
    return status;
  }

  /** The gateway answers an unknown route itself; the function never runs. */
  private static int notFound(HttpExchange exchange, String method, String rawPath) throws IOException {
    String body = "{\"type\":\"about:blank\",\"title\":\"Não encontrado\",\"status\":404,\"detail\":"
        + Exchanges.jsonString("Nenhuma rota para " + method + " " + rawPath + ".") + ",\"instance\":"
        + Exchanges.jsonString(rawPath) + "}";
    Exchanges.send(exchange, 404, "application/problem+json", body.getBytes(StandardCharsets.UTF_8));
    return 404;
  }

  /** What the gateway's JWT authorizer answers for a missing, malformed, expired or foreign token. */
  private static int unauthorized(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
    Exchanges.sendJson(exchange, 401, "{\"message\":\"Unauthorized\"}");
    return 401;
  }

  private static Optional<String> bearerToken(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static String stripPrefix(String rawPath) {
    String path = rawPath.substring(PREFIX.length());
    return path.isEmpty() ? "/" : path;
  }
}
