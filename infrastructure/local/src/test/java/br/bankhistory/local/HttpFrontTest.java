package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front alone, with a stub in place of the Api function: what the function receives and what the client gets. */
class HttpFrontTest {

  private final ObjectMapper json = JsonMapper.builder().build();
  private final LocalJwt tokens = LocalJwt.withRandomSecret(json);
  private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
  private final AtomicReference<APIGatewayV2HTTPResponse> reply = new AtomicReference<>(
      APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("content-type", "application/json"))
          .withBody("{\"items\":[]}").build());
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private HttpFront front;

  @TempDir
  Path web;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>Histórico</title>");
    Files.writeString(web.resolve("app.js"), "console.log('ok');");
    Files.writeString(web.resolve(".secret"), "hidden");
    front = HttpFront.start(0, web, tokens, json, (event, context) -> {
      received.set(event);
      return reply.get();
    });
  }

  @AfterEach
  void stop() {
    front.close();
  }

  @Test
  void aRequestBecomesAPayload2EventWithTheVerifiedClaims() throws Exception {
    String token = tokens.mint(new LocalIdentity("acme", "ana", "Ana Souza", true), Duration.ofMinutes(5));

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("api/integrations/01ABC/file?limit=5&kind=a&kind=b&q=a+b%26c"))
        .header("Authorization", "Bearer " + token)
        .header("X-Custom", "Value")
        .header("Cookie", "a=1; b=2")
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    APIGatewayV2HTTPEvent event = received.get();
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("GET /integrations/{id}/file");
    assertThat(event.getRawPath()).isEqualTo("/integrations/01ABC/file");
    assertThat(event.getRawQueryString()).isEqualTo("limit=5&kind=a&kind=b&q=a+b%26c");
    assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("id", "01ABC"));
    assertThat(event.getQueryStringParameters()).containsEntry("limit", "5").containsEntry("kind", "a,b")
        .containsEntry("q", "a b&c");
    assertThat(event.getHeaders()).containsEntry("x-custom", "Value").doesNotContainKey("cookie")
        .containsKey("authorization");
    assertThat(event.getCookies()).containsExactly("a=1", "b=2");
    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getBody()).isNull();
    var context = event.getRequestContext();
    assertThat(context.getHttp().getMethod()).isEqualTo("GET");
    assertThat(context.getHttp().getPath()).isEqualTo("/integrations/01ABC/file");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getRouteKey()).isEqualTo("GET /integrations/{id}/file");
    assertThat(context.getStage()).isEqualTo("$default");
    assertThat(context.getRequestId()).isNotBlank();
    assertThat(context.getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
    assertThat(context.getTimeEpoch()).isPositive();
    assertThat(context.getAuthorizer().getJwt().getClaims())
        .containsEntry("custom:tenant_id", "acme")
        .containsEntry("sub", "ana")
        .containsEntry("name", "Ana Souza")
        .containsEntry("cognito:groups", "[admin]");
  }

  @Test
  void aBinaryBodyArrivesBase64EncodedAndATextBodyAsIs() throws Exception {
    String token = tokens.mint(LocalIdentity.demoAdmin(), Duration.ofMinutes(5));
    byte[] binary = {0, 1, 2, (byte) 0xFF};

    http.send(HttpRequest.newBuilder(uri("api/uploads")).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(received.get().getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(received.get().getBody())).isEqualTo(binary);

    http.send(HttpRequest.newBuilder(uri("api/integrations/1/cancel")).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Duplicada ç\"}")).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(received.get().getIsBase64Encoded()).isFalse();
    assertThat(received.get().getBody()).isEqualTo("{\"reason\":\"Duplicada ç\"}");
  }

  @Test
  void theFunctionsResponseIsWrittenBackWithBase64BodiesDecoded() throws Exception {
    byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0x9C};
    reply.set(APIGatewayV2HTTPResponse.builder().withStatusCode(200)
        .withHeaders(Map.of("content-type", "application/pdf", "content-disposition", "attachment; filename=\"x.pdf\""))
        .withBody(Base64.getEncoder().encodeToString(pdf)).withIsBase64Encoded(true).build());

    HttpResponse<byte[]> response = http.send(authorized("api/integrations/1/statement"), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("application/pdf");
    assertThat(response.headers().firstValue("content-disposition")).contains("attachment; filename=\"x.pdf\"");
    assertThat(response.body()).isEqualTo(pdf);
  }

  @Test
  void aRedirectKeepsItsLocation() throws Exception {
    reply.set(APIGatewayV2HTTPResponse.builder().withStatusCode(302)
        .withHeaders(Map.of("location", "http://127.0.0.1:1/presigned")).build());

    HttpResponse<String> response = http.send(authorized("api/integrations/1/file"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("location")).contains("http://127.0.0.1:1/presigned");
  }

  @Test
  void withoutAValidTokenTheGatewayAnswers401AndTheFunctionNeverRuns() throws Exception {
    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("api/integrations")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(uri("api/integrations"))
        .header("Authorization", "Bearer abc.def.ghi").GET().build(), HttpResponse.BodyHandlers.ofString());
    String foreign = LocalJwt.withRandomSecret(json).mint(LocalIdentity.demoAdmin(), Duration.ofMinutes(5));
    HttpResponse<String> otherSigner = http.send(HttpRequest.newBuilder(uri("api/integrations"))
        .header("Authorization", "Bearer " + foreign).GET().build(), HttpResponse.BodyHandlers.ofString());

    for (HttpResponse<String> response : java.util.List.of(missing, invalid, otherSigner)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }
    assertThat(received.get()).isNull();
  }

  @Test
  void anUnknownRouteIs404ProblemJson() throws Exception {
    HttpResponse<String> response = http.send(authorized("api/nothing/here"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
    assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(404);
    assertThat(received.get()).isNull();
  }

  @Test
  void theTokenEndpointMintsAWorkingToken() throws Exception {
    HttpResponse<String> minted = http.send(HttpRequest.newBuilder(
        uri("local/token?tenant=globex&user=carla&name=Carla%20Dias&role=user")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(minted.statusCode()).isEqualTo(200);
    var body = json.readTree(minted.body());
    assertThat(body.path("identity").path("tenant").asText()).isEqualTo("globex");
    assertThat(tokens.verify(body.path("token").asText())).hasValueSatisfying(claims -> assertThat(claims)
        .containsEntry("custom:tenant_id", "globex").containsEntry("name", "Carla Dias")
        .doesNotContainKey("cognito:groups"));

    HttpResponse<String> bare = http.send(HttpRequest.newBuilder(uri("local/token?format=text")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tokens.verify(bare.body())).isPresent();

    HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(uri("local/token?tenant=../x")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(invalid.statusCode()).isEqualTo(400);
  }

  @Test
  void theWebFolderIsServedWithContentTypesAndNothingOutsideIt() throws Exception {
    HttpResponse<String> index = http.send(HttpRequest.newBuilder(uri("")).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> script = http.send(HttpRequest.newBuilder(uri("app.js")).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> hidden = http.send(HttpRequest.newBuilder(uri(".secret")).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> escape = http.send(HttpRequest.newBuilder(uri("%2e%2e/%2e%2e/etc/passwd")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    assertThat(index.body()).contains("Histórico");
    assertThat(script.headers().firstValue("content-type")).contains("text/javascript; charset=utf-8");
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(escape.statusCode()).isEqualTo(404);
  }

  private HttpRequest authorized(String path) {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Bearer " + tokens.mint(LocalIdentity.demoAdmin(), Duration.ofMinutes(5)))
        .GET().build();
  }

  private URI uri(String path) {
    return front.baseUri().resolve(path);
  }

}
