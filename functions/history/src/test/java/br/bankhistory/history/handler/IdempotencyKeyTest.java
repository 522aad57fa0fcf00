package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Race;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the mutating routes (docs/operations.md, "Idempotency-Key"): claimed before the
 * request acts, so twenty copies of one request sent at once, from twenty separate wirings, act once; the
 * others are told it is in progress or get the first answer; a key reused with another request is refused;
 * a server error gives the key up. Against DynamoDB Local and s3proxy.
 */
class IdempotencyKeyTest {

    private static final String REMITTANCE = "api-create-remittance.json";

    private static HistoryEnvironment environment;
    private Services services;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void freshStorage() {
        services = environment.freshServices();
    }

    @Test
    void twenty_remittances_with_one_key_sent_at_once_write_one_file_and_one_record() throws Exception {
        List<APIGatewayV2HTTPResponse> answers = Race.run(environment, services, 20, (wiring, i) ->
                ana(wiring).call(REMITTANCE, Events.header("idempotency-key", "erp-remessa-race-1")));

        List<APIGatewayV2HTTPResponse> accepted = answers.stream().filter(a -> a.getStatusCode() == 202).toList();
        List<APIGatewayV2HTTPResponse> waiting = answers.stream().filter(a -> a.getStatusCode() == 409).toList();
        assertThat(accepted.size() + waiting.size()).isEqualTo(20);
        assertThat(accepted).isNotEmpty();
        assertThat(accepted).extracting(APIGatewayV2HTTPResponse::getBody).containsOnly(accepted.get(0).getBody());
        for (APIGatewayV2HTTPResponse inProgress : waiting) {
            assertThat(inProgress.getHeaders()).containsKey("retry-after");
            assertThat(json(inProgress, 409).get("title").asText()).isEqualTo("Em andamento");
        }
        List<S3Object> outbound = outbound();
        assertThat(outbound).hasSize(1);
        String key = json(accepted.get(0), 202).get("key").asText();
        assertThat(outbound.get(0).key()).isEqualTo(key);
        String recordId = Api.deliver(services, "s3-put-outbound.json", key, "2026-11-23T13:10:05.000Z");
        JsonNode list = json(Api.admin(services, "acme").call("api-list-integrations.json", e -> { }), 200);
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(recordId);

        // Later repetitions get the first answer; nothing more is written.
        APIGatewayV2HTTPResponse later = ana(services).call(REMITTANCE,
                Events.header("idempotency-key", "erp-remessa-race-1"));
        assertThat(later.getStatusCode()).isEqualTo(202);
        assertThat(later.getBody()).isEqualTo(accepted.get(0).getBody());
        assertThat(outbound()).hasSize(1);
    }

    @Test
    void the_same_key_with_another_body_route_or_caller_is_refused_with_422() {
        Api ana = ana(services);
        json(ana.call(REMITTANCE, Events.header("idempotency-key", "erp-remessa-0042")), 202);

        APIGatewayV2HTTPResponse otherAmount = ana.call(REMITTANCE, Events.header("idempotency-key", "erp-remessa-0042")
                .andThen(e -> e.put("body", e.get("body").asText().replace("\"amountCents\": 10000",
                        "\"amountCents\": 99900"))));
        APIGatewayV2HTTPResponse otherCaller = Api.user(services, "acme", "bruno", "Bruno Lima").call(REMITTANCE,
                Events.header("idempotency-key", "erp-remessa-0042"));

        assertThat(json(otherAmount, 422).get("detail").asText()).contains("outra requisição");
        json(otherCaller, 422);
        assertThat(outbound()).hasSize(1);
    }

    @Test
    void twenty_cancels_with_one_key_sent_at_once_all_see_the_winners_answer() throws Exception {
        String remessa = Api.ingest(services, "uploads/acme/ana/remessa-caixa-cnab240.rem",
                "brcobranca/remessa-caixa-cnab240.rem", Map.of("user-id", "ana", "user-name", "Ana%20Souza"),
                "2026-11-20T12:00:00.000Z");

        List<APIGatewayV2HTTPResponse> answers = Race.run(environment, services, 20, (wiring, i) ->
                Api.admin(wiring, "acme").onRecord("api-cancel-remessa.json", remessa, "/cancel",
                        Events.header("idempotency-key", "cancel-race-0001")));

        List<APIGatewayV2HTTPResponse> ok = answers.stream().filter(a -> a.getStatusCode() == 200).toList();
        assertThat(ok).isNotEmpty();
        assertThat(ok).extracting(APIGatewayV2HTTPResponse::getBody).containsOnly(ok.get(0).getBody());
        for (APIGatewayV2HTTPResponse other : answers) {
            if (other.getStatusCode() != 200) {
                // never the refusal a loser would get ("já está cancelada"): only "in progress"
                assertThat(json(other, 409).get("title").asText()).isEqualTo("Em andamento");
            }
        }
        APIGatewayV2HTTPResponse later = Api.admin(services, "acme").onRecord("api-cancel-remessa.json", remessa,
                "/cancel", Events.header("idempotency-key", "cancel-race-0001"));
        assertThat(later.getBody()).isEqualTo(ok.get(0).getBody());
        JsonNode detail = json(Api.admin(services, "acme").onRecord("api-get-integration.json", remessa, "",
                e -> { }), 200);
        assertThat(detail.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(detail.get("statusHistory")).hasSize(2);
    }

    @Test
    void an_unexpected_failure_answers_500_with_the_request_id_logs_it_and_gives_the_key_up() {
        Services s3Down = environment.withS3Down(services);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        APIGatewayV2HTTPResponse failed;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            failed = ana(s3Down).call(REMITTANCE, Events.header("idempotency-key", "erp-remessa-0500"));
        } finally {
            System.setOut(original);
        }

        JsonNode problem = json(failed, 500);
        assertThat(failed.getHeaders()).containsEntry("content-type", "application/problem+json");
        String requestId = problem.get("requestId").asText();
        assertThat(requestId).isEqualTo("JKJbYnQMwHcESJB="); // the event's request id (no Lambda context here)
        assertThat(problem.get("detail").asText()).contains(requestId);
        String failureLine = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("\"event\":\"api.failed\"")).findFirst().orElseThrow();
        assertThat(failureLine).contains("\"route\":\"POST /remittances\"", "\"tenant\":\"acme\"",
                "\"requestId\":\"" + requestId + "\"", "\"stack\":\"", "SdkClientException");

        // The key was given up: the same request, once S3 answers again, acts (it is not a replay of the 500).
        assertThat(outbound()).isEmpty();
        APIGatewayV2HTTPResponse retried = ana(services).call(REMITTANCE,
                Events.header("idempotency-key", "erp-remessa-0500"));
        assertThat(retried.getStatusCode()).isEqualTo(202);
        assertThat(outbound()).hasSize(1);
    }

    @Test
    void every_log_line_of_an_invocation_carries_its_request_id_and_the_first_says_cold() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Api.admin(services, "acme").call("api-list-integrations.json", e -> { });
            Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", Map.of(),
                    "2026-11-20T12:00:00.000Z");
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("{\"ts\"")).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"requestId\":\"", "\"coldStart\":"));
    }

    private static Api ana(Services services) {
        return Api.user(services, "acme", "ana", "Ana Souza");
    }

    private List<S3Object> outbound() {
        return services.s3().listObjectsV2(r -> r.bucket(services.config().bucketName()).prefix("outbound/"))
                .contents();
    }
}
