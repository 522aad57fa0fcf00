package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.ingest.IngestOutcome;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Samples;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The Api function, driven by the events of {@code events/} against DynamoDB Local and s3proxy. */
class ApiHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HistoryEnvironment environment;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @Test
    void without_verified_claims_the_answer_is_401_problem_json() throws Exception {
        Services services = environment.freshServices();

        APIGatewayV2HTTPResponse response = new ApiHandler(services.api()).handleRequest(
                Events.http("api-list-no-identity.json", root -> { }), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(JSON.readTree(response.getBody()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void lists_newest_first_in_pages_joined_by_an_opaque_cursor() throws Exception {
        Services services = environment.freshServices();
        List<String> ids = new ArrayList<>();
        ids.add(ingest(services, "acme", "a.ret", "2026-11-20T10:00:00.000Z"));
        ids.add(ingest(services, "acme", "b.ret", "2026-11-21T10:00:00.000Z"));
        ids.add(ingest(services, "acme", "c.ret", "2026-11-22T10:00:00.000Z"));
        ApiHandler api = new ApiHandler(services.api());

        JsonNode first = body(api.handleRequest(list("acme", Map.of("limit", "2")), null), 200);
        assertThat(names(first)).containsExactly("c.ret", "b.ret");
        assertThat(first.get("items").get(0).get("userName").asText()).isEqualTo("Integração");
        assertThat(first.get("items").get(0).get("kind").asText()).isEqualTo("RETORNO_COBRANCA");
        assertThat(first.get("items").get(0).get("id").asText()).isEqualTo(ids.get(2));
        String cursor = first.get("nextCursor").asText();
        assertThat(cursor).doesNotContain(ids.get(1));

        JsonNode second = body(api.handleRequest(list("acme", Map.of("limit", "2", "cursor", cursor)), null), 200);
        assertThat(names(second)).containsExactly("a.ret");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "abc", ""})
    void an_out_of_range_limit_is_400(String limit) throws Exception {
        Services services = environment.freshServices();

        JsonNode problem = body(new ApiHandler(services.api()).handleRequest(list("acme", Map.of("limit", limit)), null), 400);

        assertThat(problem.get("detail").asText()).contains("limit");
    }

    @Test
    void a_cursor_cannot_be_replayed_by_another_tenant_or_forged() throws Exception {
        Services services = environment.freshServices();
        ingest(services, "acme", "a.ret", "2026-11-20T10:00:00.000Z");
        ingest(services, "acme", "b.ret", "2026-11-21T10:00:00.000Z");
        ApiHandler api = new ApiHandler(services.api());
        String acmeCursor = body(api.handleRequest(list("acme", Map.of("limit", "1")), null), 200)
                .get("nextCursor").asText();

        body(api.handleRequest(list("globex", Map.of("cursor", acmeCursor)), null), 400);
        body(api.handleRequest(list("acme", Map.of("cursor", acmeCursor, "kind", "REMESSA_COBRANCA")), null), 400);
        body(api.handleRequest(list("acme", Map.of("cursor", "not-a-cursor")), null), 400);
    }

    @Test
    void a_tenant_never_sees_another_tenants_records_or_files() throws Exception {
        Services services = environment.freshServices();
        String acmeId = ingest(services, "acme", "a.ret", "2026-11-20T10:00:00.000Z");
        ApiHandler api = new ApiHandler(services.api());

        assertThat(names(body(api.handleRequest(list("globex", Map.of()), null), 200))).isEmpty();
        assertThat(api.handleRequest(download("globex", acmeId), null).getStatusCode()).isEqualTo(404);
        assertThat(api.handleRequest(download("acme", acmeId), null).getStatusCode()).isEqualTo(302);
    }

    @Test
    void download_redirects_to_the_exact_original_bytes_under_the_original_name() throws Exception {
        Services services = environment.freshServices();
        String id = ingest(services, "acme", "RETORNO CAIXA Março.ret", "2026-11-20T10:00:00.000Z");

        APIGatewayV2HTTPResponse response = new ApiHandler(services.api()).handleRequest(download("acme", id), null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        URI location = URI.create(response.getHeaders().get("location"));
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(Samples.bytes("laravel-boleto/caixa.ret"));
        assertThat(file.headers().firstValue("content-disposition")).hasValueSatisfying(value -> assertThat(value)
                .contains("attachment")
                .contains("filename=\"RETORNO CAIXA Mar_o.ret\"")
                .contains("filename*=UTF-8''RETORNO%20CAIXA%20Mar%C3%A7o.ret"));
    }

    @Test
    void a_script_asking_for_json_gets_the_link_instead_of_a_redirect() throws Exception {
        Services services = environment.freshServices();
        String id = ingest(services, "acme", "a.ret", "2026-11-20T10:00:00.000Z");
        APIGatewayV2HTTPEvent event = Events.http("api-download-file.json",
                Events.claims("acme", "user-acme", "Ana", "[]").andThen(Events.pathId(id, "/integrations/" + id + "/file"))
                        .andThen(root -> ((ObjectNode) root.get("headers")).put("accept", "application/json")));

        JsonNode body = body(new ApiHandler(services.api()).handleRequest(event, null), 200);

        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(body.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(Samples.bytes("laravel-boleto/caixa.ret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261120100000000-000000000000", "..%2F..%2Fetc", "x", "20261120100000000-ZZZZZZZZZZZZ"})
    void unknown_or_malformed_ids_are_404(String id) {
        Services services = environment.freshServices();

        APIGatewayV2HTTPResponse response = new ApiHandler(services.api()).handleRequest(download("acme", id), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
    }

    private static String ingest(Services services, String tenant, String fileName, String eventTime) {
        String key = "inbound/" + tenant + "/" + fileName;
        HistoryEnvironment.put(services, key, Samples.bytes("laravel-boleto/caixa.ret"), Map.of());
        String encoded = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                .replace("%2F", "/");
        Consumer<ObjectNode> edit = Events.s3Object(services.config().bucketName(), encoded)
                .andThen(Events.eventTime(eventTime));
        IngestHandler.Report report = new IngestHandler(services.ingest())
                .handleRequest(Events.s3("s3-put-inbound.json", edit), null);
        return ((IngestOutcome.Recorded) report.outcomes().get(0)).recordId();
    }

    private static APIGatewayV2HTTPEvent list(String tenant, Map<String, String> query) {
        return Events.http("api-list-integrations.json",
                Events.claims(tenant, "user-" + tenant, "Usuária " + tenant, "[]").andThen(Events.query(query)));
    }

    private static APIGatewayV2HTTPEvent download(String tenant, String id) {
        return Events.http("api-download-file.json", Events.claims(tenant, "user-" + tenant, "Usuária", "[]")
                .andThen(Events.pathId(id, "/integrations/" + id + "/file")));
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response, int expectedStatus) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return JSON.readTree(response.getBody());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("fileName").asText()));
        return names;
    }
}
