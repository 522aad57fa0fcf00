package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retorno's titles are linked to the remessa that sent them, both ways; what matches nothing is "não
 * localizado"; the answered remessa becomes "processada pelo banco" and can no longer be cancelled.
 */
class ReconciliationTest {

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
    void a_retornos_titles_are_linked_to_the_remessa_that_sent_them() {
        Services services = environment.freshServices();
        Api admin = Api.admin(services, "acme");
        // remessa-caixa-cnab240.rem registers one Caixa title, nosso número 14000000000000123 (segment P).
        String remessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-20T12:00:00.000Z");
        // caixa.ret's first title (line 3, T 40-56, read with awk) carries 24000000011136997: made the remessa's.
        String text = new String(Samples.bytes("laravel-boleto/caixa.ret"), StandardCharsets.ISO_8859_1)
                .replaceFirst("24000000011136997", "14000000000000123");
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", text.getBytes(StandardCharsets.ISO_8859_1), Map.of());
        var report = new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-inbound.json",
                Events.s3Object(services.config().bucketName(), "inbound/acme/caixa.ret")
                        .andThen(Events.eventTime("2026-11-22T12:00:00.000Z"))), null);
        String retorno = ((br.bankhistory.history.ingest.IngestOutcome.Recorded) report.outcomes().get(0)).recordId();

        JsonNode titles = json(admin.onRecord("api-list-items.json", retorno, "/items", e -> { }), 200).get("items");
        JsonNode first = titles.get(0).get("reconciliation");
        assertThat(first.get("status").asText()).isEqualTo("MATCHED");
        assertThat(first.get("integrationId").asText()).isEqualTo(remessa);
        assertThat(first.get("fileName").asText()).isEqualTo("remessa-caixa.rem");
        assertThat(first.get("seq").asInt()).isEqualTo(1);
        for (int i = 1; i < titles.size(); i++) {
            assertThat(titles.get(i).get("reconciliation").get("status").asText()).isEqualTo("NOT_FOUND");
        }

        JsonNode sent = json(admin.onRecord("api-list-items.json", remessa, "/items", e -> { }), 200)
                .get("items").get(0).get("reconciliation");
        assertThat(sent.get("status").asText()).isEqualTo("ANSWERED");
        assertThat(sent.get("integrationId").asText()).isEqualTo(retorno);
        assertThat(sent.get("category").asText()).isEqualTo("PAID");

        JsonNode detail = json(admin.onRecord("api-get-integration.json", remessa, "", e -> { }), 200);
        assertThat(detail.get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
        assertThat(detail.get("statusHistory").get(1).get("reason").asText()).contains("caixa.ret").contains("PAID=1");
        assertThat(detail.get("cancellable").asBoolean()).isFalse();
        json(admin.onRecord("api-cancel-remessa.json", remessa, "/cancel", Events.header("idempotency-key", null)),
                409);
    }

    @Test
    void a_title_of_a_cancelled_remessa_the_bank_paid_is_an_error_and_is_no_longer_free() {
        Services services = environment.freshServices();
        Api admin = Api.admin(services, "acme");
        String remessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-20T12:00:00.000Z");
        json(admin.onRecord("api-cancel-remessa.json", remessa, "/cancel", Events.bankNotified()), 200);
        JsonNode freed = json(admin.onRecord("api-list-items.json", remessa, "/items", e -> { }), 200).get("items").get(0);
        assertThat(freed.get("freeForNewRemittance").asBoolean()).isTrue();
        // the search says what the record says, found as the bank prints it: leading zeros, check digit, dash
        assertThat(searchHitsOf(admin, "000014000000000000123-7", remessa)).singleElement()
                .satisfies(hit -> assertThat(hit.get("freeForNewRemittance").asBoolean()).isTrue());
        // caixa.ret's first title pays the cancelled remessa's only title (nosso número 14000000000000123)
        String text = new String(Samples.bytes("laravel-boleto/caixa.ret"), StandardCharsets.ISO_8859_1)
                .replaceFirst("24000000011136997", "14000000000000123");
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", text.getBytes(StandardCharsets.ISO_8859_1), Map.of());
        String retorno = Api.deliver(services, "s3-put-inbound.json", "inbound/acme/caixa.ret", "2026-11-22T12:00:00.000Z");

        JsonNode first = json(admin.onRecord("api-list-items.json", retorno, "/items", e -> { }), 200)
                .get("items").get(0).get("reconciliation");
        assertThat(first.get("status").asText()).isEqualTo("MATCHED");
        assertThat(first.get("integrationId").asText()).isEqualTo(remessa);
        JsonNode record = json(admin.onRecord("api-get-integration.json", retorno, "", e -> { }), 200);
        JsonNode error = null;
        for (JsonNode f : record.get("findings")) {
            if (f.get("code").asText().equals("TITLE_OF_CANCELLED_REMESSA")) {
                error = f;
            }
        }
        assertThat(error).isNotNull();
        assertThat(error.get("severity").asText()).isEqualTo("ERROR");
        assertThat(error.get("message").asText()).contains("14000000000000123").contains("remessa-caixa.rem");
        JsonNode cancelled = json(admin.onRecord("api-get-integration.json", remessa, "", e -> { }), 200);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        // the title was paid: it is not offered for a new remessa any more, in the record and in the search
        JsonNode title = json(admin.onRecord("api-list-items.json", remessa, "/items", e -> { }), 200).get("items").get(0);
        assertThat(title.get("freeForNewRemittance").asBoolean()).isFalse();
        assertThat(title.get("answers").get(0).get("category").asText()).isEqualTo("PAID");
        assertThat(searchHitsOf(admin, "14000000000000123", remessa)).singleElement()
                .satisfies(hit -> assertThat(hit.get("freeForNewRemittance").asBoolean()).isFalse());
    }

    @Test
    void a_title_the_bank_numbered_itself_is_matched_by_seu_numero_only_when_due_date_and_amount_agree() {
        // remessa-caixa-cnab240.rem sends seu número 00000006969, due 14/07/2015, R$ 199,90; caixa.ret's first
        // title comes back under the bank's own nosso número (24000000011136997), echoing the company's number
        assertThat(firstLinkOf(bankNumbered("000000000019990")).get("status").asText()).isEqualTo("MATCHED");
        assertThat(firstLinkOf(bankNumbered("000000000019991")).get("status").asText())
                .as("the same seu número with another amount is another title").isEqualTo("NOT_FOUND");
    }

    /** The first title of caixa.ret echoing the remessa's seu número and due date, with this amount (T 82-96). */
    private static String bankNumbered(String amount) {
        List<String> lines = new ArrayList<>(new String(Samples.bytes("laravel-boleto/caixa.ret"),
                StandardCharsets.ISO_8859_1).lines().toList());
        String t = lines.get(2);
        lines.set(2, t.substring(0, 58) + "00000006969    " + "14072015" + amount + t.substring(96));
        return String.join("\r\n", lines) + "\r\n";
    }

    private static JsonNode firstLinkOf(String retornoText) {
        Services services = environment.freshServices();
        Api admin = Api.admin(services, "acme");
        String remessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-20T12:00:00.000Z");
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", retornoText.getBytes(StandardCharsets.ISO_8859_1),
                Map.of());
        String retorno = Api.deliver(services, "s3-put-inbound.json", "inbound/acme/caixa.ret", "2026-11-22T12:00:00.000Z");
        JsonNode link = json(admin.onRecord("api-list-items.json", retorno, "/items", e -> { }), 200)
                .get("items").get(0).get("reconciliation");
        if (link.get("status").asText().equals("MATCHED")) {
            assertThat(link.get("integrationId").asText()).isEqualTo(remessa);
            JsonNode sent = json(admin.onRecord("api-list-items.json", remessa, "/items", e -> { }), 200)
                    .get("items").get(0);
            assertThat(sent.get("answers").get(0).get("integrationId").asText()).isEqualTo(retorno);
        }
        return link;
    }

    /** The hits of {@code GET /items?ourNumber=} in one record. */
    private static List<JsonNode> searchHitsOf(Api admin, String ourNumber, String recordId) {
        List<JsonNode> inRecord = new ArrayList<>();
        json(admin.call("api-find-items.json", Events.query(Map.of("ourNumber", ourNumber))), 200).get("items")
                .forEach(hit -> {
                    if (hit.get("integration").get("id").asText().equals(recordId)) {
                        inRecord.add(hit);
                    }
                });
        return inRecord;
    }

    @Test
    void another_banks_remessa_is_never_the_match() {
        Services services = environment.freshServices();
        Api admin = Api.admin(services, "acme");
        // the Itaú remessa (kmee) registers nosso número 90000000; a Caixa retorno carrying it is not its answer
        Api.ingest(services, "uploads/acme/ana/u1/cobranca.itau.rem", "kmee-cnab240/cobranca.itau.rem",
                Map.of("user-id", "ana", "user-name", "Ana"), "2026-11-20T12:00:00.000Z");
        String text = new String(Samples.bytes("laravel-boleto/caixa.ret"), StandardCharsets.ISO_8859_1)
                .replaceFirst("24000000011136997", "90000000         ");
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", text.getBytes(StandardCharsets.ISO_8859_1), Map.of());
        String retorno = Api.deliver(services, "s3-put-inbound.json", "inbound/acme/caixa.ret", "2026-11-22T12:00:00.000Z");

        JsonNode first = json(admin.onRecord("api-list-items.json", retorno, "/items", e -> { }), 200)
                .get("items").get(0).get("reconciliation");
        assertThat(first.get("status").asText()).isEqualTo("NOT_FOUND");
    }
}
