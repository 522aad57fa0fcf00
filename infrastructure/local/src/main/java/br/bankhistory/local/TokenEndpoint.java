package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /local/token?tenant=acme&user=ana&name=Ana%20Souza&role=admin[&ttl=seconds][&format=text]}:
 * mints a local token (local stack only; the deployed API gets its tokens from Cognito). Without
 * parameters it is the demo admin of {@code acme}. {@code format=text} answers the bare token, for shells.
 */
final class TokenEndpoint implements HttpHandler {

  static final String PATH = "/local/token";
  static final Duration DEFAULT_TTL = Duration.ofHours(12);
  private static final Duration MAX_TTL = Duration.ofDays(7);
  private static final JsonLog LOG = JsonLog.of(TokenEndpoint.class);

  private final LocalJwt tokens;
  private final ObjectMapper json;

  TokenEndpoint(LocalJwt tokens, ObjectMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      Exchanges.sendJson(exchange, 405, "{\"message\":\"Method Not Allowed\"}");
      return;
    }
    Map<String, String> query = HttpApiEvents.queryParameters(exchange.getRequestURI().getRawQuery());
    LocalIdentity identity;
    Duration ttl;
    try {
      identity = identity(query);
      ttl = ttl(query.get("ttl"));
    } catch (IllegalArgumentException e) {
      Exchanges.sendJson(exchange, 400, "{\"message\":" + Exchanges.jsonString(e.getMessage()) + "}");
      return;
    }
    String token = tokens.mint(identity, ttl);
    LOG.info("local.token.minted", Map.of("tenant", identity.tenant(), "user", identity.userId(),
        "admin", identity.admin(), "ttlSeconds", ttl.toSeconds()));
    if ("text".equals(query.get("format"))) {
      Exchanges.send(exchange, 200, "text/plain; charset=utf-8", token.getBytes(StandardCharsets.UTF_8));
      return;
    }
    ObjectNode body = json.createObjectNode()
        .put("token", token)
        .put("tokenType", "Bearer")
        .put("expiresIn", ttl.toSeconds())
        .put("issuer", LocalJwt.ISSUER);
    body.putObject("identity")
        .put("tenant", identity.tenant())
        .put("user", identity.userId())
        .put("name", identity.name())
        .put("role", identity.admin() ? "admin" : "user");
    Exchanges.sendJson(exchange, 200, body.toString());
  }

  static LocalIdentity identity(Map<String, String> query) {
    LocalIdentity demo = LocalIdentity.demoAdmin();
    String tenant = query.getOrDefault("tenant", demo.tenant());
    String user = query.getOrDefault("user", demo.userId());
    String defaultName = user.equals(demo.userId()) ? demo.name() : user;
    String role = query.getOrDefault("role", "admin");
    if (!role.equals("admin") && !role.equals("user")) {
      throw new IllegalArgumentException("role must be admin or user");
    }
    return new LocalIdentity(tenant, user, query.getOrDefault("name", defaultName), role.equals("admin"));
  }

  private static Duration ttl(String seconds) {
    if (seconds == null) {
      return DEFAULT_TTL;
    }
    try {
      Duration ttl = Duration.ofSeconds(Long.parseLong(seconds));
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
        throw new IllegalArgumentException("ttl must be between 1 and " + MAX_TTL.toSeconds() + " seconds");
      }
      return ttl;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ttl must be a number of seconds");
    }
  }
}
