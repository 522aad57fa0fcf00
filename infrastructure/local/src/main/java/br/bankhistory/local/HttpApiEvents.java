package br.bankhistory.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a request into the payload-format-2.0 event API Gateway's HTTP API sends a Lambda function: the
 * JSON is rendered as the gateway renders it and read back with the managed Java runtime's own
 * deserialiser, so the handler sees exactly what it would see on AWS.
 */
final class HttpApiEvents {

  static final String ACCOUNT_ID = "000000000000";
  static final String API_ID = "local";

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private final ObjectMapper json;
  private final PojoSerializer<APIGatewayV2HTTPEvent> serializer;

  HttpApiEvents(ObjectMapper json) {
    this.json = json;
    this.serializer = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
        HttpApiEvents.class.getClassLoader());
  }

  APIGatewayV2HTTPEvent toEvent(HttpRequestData request, ApiRoutes.Match route, Map<String, String> claims,
                                Instant received) {
    return serializer.fromJson(render(request, route, claims, received).toString());
  }

  /** The event's JSON, as API Gateway would send it. */
  ObjectNode render(HttpRequestData request, ApiRoutes.Match route, Map<String, String> claims, Instant received) {
    ObjectNode event = json.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", route.routeKey());
    event.put("rawPath", request.rawPath());
    event.put("rawQueryString", request.rawQuery());
    List<String> cookies = cookies(request);
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    ObjectNode headers = event.putObject("headers");
    request.headers().forEach((name, values) -> {
      if (!name.equals("cookie")) {
        headers.put(name, String.join(",", values));
      }
    });
    Map<String, String> query = queryParameters(request.rawQuery());
    if (!query.isEmpty()) {
      ObjectNode parameters = event.putObject("queryStringParameters");
      query.forEach(parameters::put);
    }
    if (!route.pathParameters().isEmpty()) {
      ObjectNode parameters = event.putObject("pathParameters");
      route.pathParameters().forEach((name, value) -> parameters.put(name, percentDecode(value)));
    }
    event.set("requestContext", requestContext(request, route, claims, received));
    putBody(event, request);
    return event;
  }

  private ObjectNode requestContext(HttpRequestData request, ApiRoutes.Match route, Map<String, String> claims,
                                    Instant received) {
    String host = request.firstHeader("host") == null ? "127.0.0.1" : request.firstHeader("host");
    ObjectNode context = json.createObjectNode();
    context.put("accountId", ACCOUNT_ID);
    context.put("apiId", API_ID);
    ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
    ObjectNode claimNode = jwt.putObject("claims");
    claims.forEach(claimNode::put);
    jwt.putNull("scopes");
    context.put("domainName", host);
    context.put("domainPrefix", host.split("[.:]", 2)[0]);
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.rawPath());
    http.put("protocol", request.protocol());
    http.put("sourceIp", request.remote() == null ? "127.0.0.1" : request.remote().getAddress().getHostAddress());
    http.put("userAgent", request.firstHeader("user-agent") == null ? "" : request.firstHeader("user-agent"));
    context.put("requestId", requestId());
    context.put("routeKey", route.routeKey());
    context.put("stage", "$default");
    context.put("time", REQUEST_TIME.format(received));
    context.put("timeEpoch", received.toEpochMilli());
    return context;
  }

  private static void putBody(ObjectNode event, HttpRequestData request) {
    if (request.body().length == 0) {
      event.put("isBase64Encoded", false);
      return;
    }
    if (isText(request.firstHeader("content-type"))) {
      event.put("body", new String(request.body(), StandardCharsets.UTF_8));
      event.put("isBase64Encoded", false);
    } else {
      event.put("body", Base64.getEncoder().encodeToString(request.body()));
      event.put("isBase64Encoded", true);
    }
  }

  /** Text bodies are passed as they are; anything else is base64-encoded, as the gateway does. */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.endsWith("/json") || type.endsWith("+json") || type.endsWith("/xml")
        || type.endsWith("+xml") || type.equals("application/x-www-form-urlencoded")
        || type.equals("application/javascript");
  }

  private static List<String> cookies(HttpRequestData request) {
    List<String> values = request.headers().get("cookie");
    if (values == null) {
      return List.of();
    }
    return values.stream().flatMap(value -> java.util.Arrays.stream(value.split(";\\s*")))
        .filter(cookie -> !cookie.isBlank()).toList();
  }

  /** Decoded query parameters; a repeated name gets its values joined with commas, as the gateway does. */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = formDecode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : formDecode(pair.substring(equals + 1));
      parameters.merge(name, value, (first, second) -> first + "," + second);
    }
    return parameters;
  }

  private static String formDecode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }

  static String percentDecode(String value) {
    return formDecode(value.replace("+", "%2B"));
  }

  private static String requestId() {
    byte[] bytes = new byte[12];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
