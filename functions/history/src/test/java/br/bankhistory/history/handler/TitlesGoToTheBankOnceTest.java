package br.bankhistory.history.handler;

import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Race;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A title goes to the bank once, and each generated remessa gets the account's next NSA
 * (docs/remessa-lifecycle.md): {@code POST /remittances} with a nosso número a live remessa of the company
 * carries is refused with 409 naming that remessa and line, until it is cancelled; an admin may resend on
 * purpose; NSAs are issued per account, consecutive, even for concurrent requests. Against DynamoDB Local and
 * s3proxy, with the S3 notifications delivered through the Ingest handler.
 */
class TitlesGoToTheBankOnceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "api-create-remittance.json";

    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.withoutEmails();

    @Test
    void a_nosso_numero_in_a_live_remessa_is_refused_naming_it_until_that_remessa_is_cancelled() {
        JsonNode first = json(acme.ana().call(EVENT, withTitles("90000000", "00000001")), 202);

        JsonNode refused = json(acme.ana().call(EVENT, withTitles("00000002", "90000000")), 409);
        assertThat(refused.get("detail").asText())
                .contains("titles[1]: o nosso número 90000000 já está na remessa " + first.get("fileName").asText()
                        + " (linha 3)")
                .contains("allowResend");
        assertThat(acme.outbound()).hasSize(1);

        String firstId = Api.deliver(acme.services(), "s3-put-outbound.json", first.get("key").asText(),
                "2026-11-23T13:10:05.000Z");
        json(acme.ana().call(EVENT, withTitles("90000000")), 409); // recorded, GENERATED: still live
        json(acme.ana().onRecord("api-cancel-remessa.json", firstId, "/cancel",
                Events.header("idempotency-key", null)), 200);

        JsonNode again = json(acme.ana().call(EVENT, withTitles("00000002", "90000000")), 202);
        assertThat(again.get("key").asText()).isNotEqualTo(first.get("key").asText());
        assertThat(acme.outbound()).hasSize(2);
    }

    @Test
    void only_an_admin_may_resend_on_purpose_and_the_record_says_who_did() {
        json(acme.ana().call(EVENT, withTitles("90000000")), 202);

        json(acme.ana().call(EVENT, withTitles("90000000").andThen(body(b -> b.put("allowResend", true)))), 403);
        JsonNode resent = json(acme.admin().call(EVENT,
                withTitles("90000000").andThen(body(b -> b.put("allowResend", true)))), 202);

        String id = Api.deliver(acme.services(), "s3-put-outbound.json", resent.get("key").asText(),
                "2026-11-23T13:11:00.000Z");
        JsonNode detail = json(acme.admin().onRecord("api-get-integration.json", id, "", e -> { }), 200);
        assertThat(detail.get("findings").toString()).contains("RESEND_ALLOWED").contains("Admin acme");
    }

    @Test
    void generated_remessas_get_consecutive_nsas_per_account_and_none_has_an_nsa_finding() {
        List<String> keys = new ArrayList<>();
        for (String number : List.of("11", "12", "13")) {
            JsonNode answer = json(acme.ana().call(EVENT, withTitles(number)), 202);
            keys.add(answer.get("key").asText());
            assertThat(answer.get("sequenceNumber").asLong()).isEqualTo(keys.size());
        }
        // their notifications arrive in any order
        List<String> ids = new ArrayList<>();
        for (int i : new int[] {2, 0, 1}) {
            ids.add(Api.deliver(acme.services(), "s3-put-outbound.json", keys.get(i),
                    "2026-11-23T13:1" + i + ":00.000Z"));
        }
        for (String id : ids) {
            JsonNode detail = json(acme.admin().onRecord("api-get-integration.json", id, "", e -> { }), 200);
            assertThat(detail.get("findings").toString()).doesNotContain("NSA_");
        }

        JsonNode refused = json(acme.ana().call(EVENT, withTitles("14").andThen(body(b ->
                ((ObjectNode) b.get("header")).put("sequenceNumber", 3)))), 409);
        assertThat(refused.get("detail").asText()).contains("NSA 3 já foi usado").contains("use 4");
        json(acme.admin().call("api-put-account-settings.json", Events.body(
                "{\"accounts\": [{\"bankCode\": \"341\", \"agency\": \"4459\", \"account\": \"17600\"}]}")), 200);
        JsonNode accounts = json(acme.admin().call("api-get-account-settings.json", e -> { }), 200);
        assertThat(accounts.get("accounts").get(0).get("nextSequenceNumber").asLong()).isEqualTo(4);
    }

    @Test
    void ten_requests_with_the_same_title_sent_at_once_give_one_remessa() throws Exception {
        List<APIGatewayV2HTTPResponse> answers = Race.run(acme.environment(), acme.services(), 10, (wiring, i) ->
                Api.user(wiring, "acme", "ana", "Ana Souza").call(EVENT, withTitles("77777777")));

        assertThat(answers).filteredOn(a -> a.getStatusCode() == 202).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode() == 409).hasSize(9);
        assertThat(acme.outbound()).hasSize(1);
    }

    @Test
    void ten_remessas_of_one_account_generated_at_once_get_ten_consecutive_nsas() throws Exception {
        List<APIGatewayV2HTTPResponse> answers = Race.run(acme.environment(), acme.services(), 10, (wiring, i) ->
                Api.user(wiring, "acme", "ana", "Ana Souza").call(EVENT, withTitles("5000" + i)));

        List<Long> nsas = answers.stream().map(a -> json(a, 202).get("sequenceNumber").asLong()).sorted().toList();
        assertThat(nsas).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void an_imported_remessa_with_a_title_a_live_remessa_carries_is_recorded_with_a_warning() throws Exception {
        JsonNode generated = json(acme.ana().call(EVENT, withTitles("90000000")), 202);
        byte[] bytes = acme.services().s3().getObjectAsBytes(r -> r.bucket(acme.services().config().bucketName())
                .key(generated.get("key").asText())).asByteArray();

        HistoryEnvironment.put(acme.services(), "uploads/acme/bruno/u1/copia.rem", bytes,
                Map.of("user-id", "bruno", "user-name", "Bruno"));
        String id = Api.deliver(acme.services(), "s3-put-upload.json", "uploads/acme/bruno/u1/copia.rem",
                "2026-11-23T14:00:00.000Z");

        JsonNode detail = json(acme.admin().onRecord("api-get-integration.json", id, "", e -> { }), 200);
        assertThat(detail.get("findings").toString()).contains("TITLE_IN_ANOTHER_REMESSA")
                .contains(generated.get("fileName").asText());
    }

    // ---- helpers ----

    /**
     * The event's Itaú cobrança with only these nosso números (the second title's data, renumbered), without
     * an NSA of its own (the service issues it).
     */
    private static Consumer<ObjectNode> withTitles(String... ourNumbers) {
        return withoutNsa().andThen(body(b -> {
            ObjectNode model = (ObjectNode) b.get("titles").get(1).deepCopy();
            b.putArray("titles");
            for (String number : ourNumbers) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) b.get("titles")).add(model.deepCopy()
                        .put("ourNumber", number).put("yourNumber", "N" + number));
            }
        }));
    }

    private static Consumer<ObjectNode> withoutNsa() {
        return body(b -> ((ObjectNode) b.get("header")).remove("sequenceNumber"));
    }

    private static Consumer<ObjectNode> body(Consumer<ObjectNode> edit) {
        return event -> {
            try {
                ObjectNode body = (ObjectNode) JSON.readTree(event.get("body").asText());
                edit.accept(body);
                event.put("body", body.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
