package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.Samples;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history screen's routes (detail, items, filters, cancel, statement, uploads, settings, search), driven
 * by the events of {@code events/} against DynamoDB Local and s3proxy. Three files per test: a retorno the
 * bank dropped, a remessa Ana imported, a remessa the integration sent.
 */
class HistoryRoutesTest {

    private static HistoryEnvironment environment;
    private Services services;
    private String retorno;
    private String anasRemessa;
    private String sentRemessa;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void threeFiles() {
        services = environment.freshServices();
        retorno = Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-20T12:00:00.000Z");
        anasRemessa = Api.ingest(services, "uploads/acme/ana/u1/cobranca.itau.rem", "kmee-cnab240/cobranca.itau.rem",
                Map.of("user-id", "ana", "user-name", "Ana%20Souza"), "2026-11-21T12:00:00.000Z");
        sentRemessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-22T12:00:00.000Z");
    }

    @Test
    void detail_has_totals_findings_and_status_history() {
        JsonNode detail = json(Api.admin(services, "acme").onRecord("api-get-integration.json", retorno, "",
                e -> { }), 200);

        assertThat(detail.get("kind").asText()).isEqualTo("RETORNO_COBRANCA");
        // caixa.ret: nine titles, all with movimento 06 (liquidação), read with awk from T 16-17.
        assertThat(detail.get("totals").get("PAID").get("count").asLong()).isEqualTo(9);
        assertThat(detail.get("statusHistory").get(0).get("to").asText()).isEqualTo("PROCESSED");
        assertThat(detail.get("statusHistory").get(0).get("byUserName").asText()).isEqualTo("Integração");
        assertThat(detail.get("cancellable").asBoolean()).isFalse();
        assertThat(detail.get("cancelBlockedReason").asText()).contains("Somente remessas");
        assertThat(detail.has("findings")).isTrue();
    }

    @Test
    void items_come_in_file_order_in_pages() {
        Api admin = Api.admin(services, "acme");
        JsonNode first = json(admin.onRecord("api-list-items.json", retorno, "/items",
                Events.query(Map.of("limit", "5"))), 200);
        assertThat(first.get("items")).hasSize(5);
        assertThat(first.get("items").get(0).get("seq").asInt()).isEqualTo(1);
        JsonNode rest = json(admin.onRecord("api-list-items.json", retorno, "/items",
                Events.query(Map.of("limit", "5",
                        "cursor", first.get("nextCursor").asText()))), 200);
        assertThat(rest.get("items")).hasSize(4);
        assertThat(rest.get("items").get(0).get("seq").asInt()).isEqualTo(6);
        assertThat(rest.get("items").get(0).get("category").asText()).isEqualTo("PAID");
    }

    @Test
    void an_items_pix_is_in_the_list_with_its_txid_key_and_emv() {
        String pixRetorno = Api.ingest(services, "inbound/acme/santander-pix.ret",
                "laravel-boleto/santander_pix_liquidacao_chave.ret", Map.of(), "2026-11-23T12:00:00.000Z");

        JsonNode item = json(Api.admin(services, "acme").onRecord("api-list-items.json", pixRetorno, "/items",
                e -> { }), 200).get("items").get(0);

        // Santander's Y-03: key type 81, key 82-158, txid 159-193; no EMV in that record
        assertThat(item.get("pix").get("txid").asText()).isEqualTo("YKP000550547000000000003509062026");
        assertThat(item.get("pix").get("keyType").asText()).isEqualTo("2");
        assertThat(item.get("pix").get("key").asText()).isEqualTo("34711996000165");
        assertThat(item.get("pix").get("emv").asText()).isEmpty();
        JsonNode caixa = json(Api.admin(services, "acme").onRecord("api-list-items.json", retorno, "/items",
                e -> { }), 200).get("items").get(0);
        assertThat(caixa.get("pix").isNull()).isTrue();
    }

    @Test
    void filters_narrow_the_list_and_combine() {
        Api admin = Api.admin(services, "acme");

        assertThat(ids(admin, Map.of("kind", "REMESSA_COBRANCA"))).containsExactly(sentRemessa, anasRemessa);
        assertThat(ids(admin, Map.of("origin", "MANUAL"))).containsExactly(anasRemessa);
        assertThat(ids(admin, Map.of("user", "ana"))).containsExactly(anasRemessa);
        assertThat(ids(admin, Map.of("bank", "104"))).containsExactly(sentRemessa, retorno);
        assertThat(ids(admin, Map.of("bank", "104", "kind", "RETORNO_COBRANCA"))).containsExactly(retorno);
        assertThat(ids(admin, Map.of("status", "SENT"))).containsExactly(sentRemessa);
        assertThat(ids(admin, Map.of("fileName", "COBRANCA.ITAU.REM"))).containsExactly(anasRemessa);
        assertThat(ids(admin, Map.of("direction", "RETORNO"))).containsExactly(retorno);
        // Days in America/Sao_Paulo: the 21st runs from 03:00Z on the 21st to 03:00Z on the 22nd.
        assertThat(ids(admin, Map.of("from", "2026-11-21", "to", "2026-11-21"))).containsExactly(anasRemessa);
        assertThat(ids(admin, Map.of("from", "2026-11-21", "kind", "REMESSA_COBRANCA")))
                .containsExactly(sentRemessa, anasRemessa);
        json(admin.call("api-list-integrations.json", Events.query(
                Map.of("kind", "BOLETO"))), 400);
        json(admin.call("api-list-integrations.json", Events.query(
                Map.of("from", "2026-11-22", "to", "2026-11-21"))), 400);
    }

    @Test
    void an_admin_cancels_a_remessa_with_an_audit_entry_and_its_titles_are_freed() {
        Api admin = Api.admin(services, "acme");
        // at the bank: the service cannot take it back alone, and nothing changes until the user says they asked
        JsonNode refused = json(admin.onRecord("api-cancel-remessa.json", sentRemessa, "/cancel",
                Events.header("idempotency-key", null)), 409);
        assertThat(refused.get("detail").asText()).contains("Peça ao banco que não a processe").contains("bankNotified");
        assertThat(json(admin.onRecord("api-get-integration.json", sentRemessa, "", e -> { }), 200)
                .get("cancelRequiresBankNotified").asBoolean()).isTrue();
        json(admin.onRecord("api-cancel-remessa.json", sentRemessa, "/cancel", Events.header("idempotency-key", null)
                .andThen(Events.body("{\"reason\": \"Remessa gerada com vencimentos errados\", \"bankNotified\": \"sim\"}"))),
                400);
        assertThat(json(admin.onRecord("api-get-integration.json", sentRemessa, "", e -> { }), 200)
                .get("status").asText()).isEqualTo("SENT");

        JsonNode cancelled = json(admin.onRecord("api-cancel-remessa.json", sentRemessa, "/cancel", Events.bankNotified()),
                200);

        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("effect").asText()).contains("o banco foi avisado");
        assertThat(cancelled.get("releasedTitles").asLong()).isEqualTo(1);
        JsonNode detail = json(admin.onRecord("api-get-integration.json", sentRemessa, "", e -> { }), 200);
        JsonNode audit = detail.get("statusHistory").get(1);
        assertThat(audit.get("from").asText()).isEqualTo("SENT");
        assertThat(audit.get("to").asText()).isEqualTo("CANCELLED");
        assertThat(audit.get("byUserId").asText()).isEqualTo("admin-acme");
        assertThat(audit.get("reason").asText()).isEqualTo("Remessa gerada com vencimentos errados (o banco foi "
                + "avisado para não processá-la)");
        assertThat(detail.get("titlesFreeForNewRemittance").asBoolean()).isTrue();
        JsonNode items = json(admin.onRecord("api-list-items.json", sentRemessa, "/items", e -> { }), 200);
        assertThat(items.get("items").get(0).get("freeForNewRemittance").asBoolean()).isTrue();
        assertThat(json(admin.call("api-list-integrations.json", Events.query(
                Map.of("status", "CANCELLED"))), 200).get("items")).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_gets_the_first_answer_again() {
        Api admin = Api.admin(services, "acme");

        APIGatewayV2HTTPResponse first = admin.onRecord("api-cancel-remessa.json", anasRemessa, "/cancel", e -> { });
        APIGatewayV2HTTPResponse again = admin.onRecord("api-cancel-remessa.json", anasRemessa, "/cancel", e -> { });
        APIGatewayV2HTTPResponse otherKey = admin.onRecord("api-cancel-remessa.json", anasRemessa, "/cancel",
                Events.header("idempotency-key", "another-key-123"));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(json(otherKey, 409).get("detail").asText()).contains("já está cancelada");
        // The same key on another record is a misuse, refused.
        json(admin.onRecord("api-cancel-remessa.json", sentRemessa, "/cancel", Events.bankNotified()), 422);
    }

    @Test
    void twenty_concurrent_cancels_with_different_keys_have_exactly_one_winner() throws Exception {
        Api admin = Api.admin(services, "acme");
        List<Integer> statuses = Race.run(environment, services, 20, (wiring, i) -> Api.admin(wiring, "acme")
                .onRecord("api-cancel-remessa.json", anasRemessa, "/cancel",
                        Events.header("idempotency-key", "concurrent-key-" + i)).getStatusCode());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        JsonNode detail = json(admin.onRecord("api-get-integration.json", anasRemessa, "", e -> { }), 200);
        assertThat(detail.get("statusHistory")).hasSize(2);
    }

    @Test
    void who_may_cancel_what() {
        // A retorno is never cancelled.
        assertThat(json(Api.admin(services, "acme").onRecord("api-cancel-remessa.json", retorno, "/cancel",
                noKey()), 409).get("detail").asText()).contains("Somente remessas");
        // Bruno is no admin and did not import Ana's remessa.
        assertThat(json(Api.user(services, "acme", "bruno", "Bruno Lima").onRecord("api-cancel-remessa.json",
                anasRemessa, "/cancel", noKey()), 403).get("detail").asText()).contains("administradores");
        // A reason is required.
        json(Api.user(services, "acme", "ana", "Ana Souza").onRecord("api-cancel-remessa.json", anasRemessa,
                "/cancel", noKey().andThen(Events.body("{\"reason\":\"\"}"))), 400);
        // Ana may cancel her own.
        json(Api.user(services, "acme", "ana", "Ana Souza").onRecord("api-cancel-remessa.json", anasRemessa,
                "/cancel", noKey()), 200);
        // Another company's user cannot even see it.
        json(Api.admin(services, "globex").onRecord("api-cancel-remessa.json", anasRemessa, "/cancel", noKey()),
                404);
    }

    @Test
    void list_rows_say_whether_the_caller_may_cancel_them_and_why_not() {
        JsonNode forBruno = json(Api.user(services, "acme", "bruno", "Bruno Lima").call("api-list-integrations.json",
                e -> { }), 200).get("items");
        JsonNode forAna = json(Api.user(services, "acme", "ana", "Ana Souza").call("api-list-integrations.json",
                e -> { }), 200).get("items");

        assertThat(row(forAna, anasRemessa).get("cancellable").asBoolean()).isTrue();
        assertThat(row(forAna, anasRemessa).get("cancelBlockedReason").isNull()).isTrue();
        assertThat(row(forBruno, anasRemessa).get("cancellable").asBoolean()).isFalse();
        assertThat(row(forBruno, anasRemessa).get("cancelBlockedReason").asText()).contains("administradores");
        assertThat(row(forAna, retorno).get("cancelBlockedReason").asText()).contains("Somente remessas");
    }

    private static JsonNode row(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no row " + id);
    }

    @Test
    void the_statement_is_a_pdf_with_the_files_titles() throws Exception {
        JsonNode link = json(Api.admin(services, "acme").onRecord("api-get-statement.json", retorno, "/statement",
                Events.header("accept", "application/json")), 200);

        byte[] pdf = fetch(link.get("url").asText());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("caixa.ret").contains("Página 1 de");
            // The first title's valor pago (U 78-92 of line 4, read with awk) is 000000000008000: R$ 80,00.
            assertThat(text).contains("R$ 80,00");
        }
        APIGatewayV2HTTPResponse redirect = Api.admin(services, "acme").onRecord("api-get-statement.json", retorno,
                "/statement", e -> { });
        assertThat(redirect.getStatusCode()).isEqualTo(302);
        json(Api.admin(services, "globex").onRecord("api-get-statement.json", retorno, "/statement", e -> { }), 404);
    }

    @Test
    void a_manual_import_is_a_presigned_put_that_records_the_users_name() throws Exception {
        byte[] bytes = Samples.bytes("laravel-boleto/caixa.ret");
        Api ana = Api.user(services, "acme", "ana", "Ana Conceição");
        JsonNode upload = json(ana.call("api-create-upload.json", Events.body(
                "{\"fileName\":\"RETORNO 2311.ret\",\"sizeBytes\":" + bytes.length + "}")), 200);

        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> stored = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        String key = upload.get("key").asText();
        assertThat(key).startsWith("uploads/acme/ana/").endsWith("/RETORNO 2311.ret");

        String id = Api.ingest(services, key, "laravel-boleto/caixa.ret", Map.of("user-id", "ana",
                "user-name", "Ana%20Concei%C3%A7%C3%A3o"), "2026-11-23T12:00:00.000Z");
        JsonNode detail = json(ana.onRecord("api-get-integration.json", id, "", e -> { }), 200);
        assertThat(detail.get("userName").asText()).isEqualTo("Ana Conceição");
        assertThat(detail.get("origin").asText()).isEqualTo("MANUAL");
    }

    @Test
    void uploads_refuse_bad_names_and_files_over_the_limit() {
        Api ana = Api.user(services, "acme", "ana", "Ana");
        json(ana.call("api-create-upload.json", Events.body(
                "{\"fileName\":\"../../inbound/globex/x.ret\",\"sizeBytes\":10}")), 400);
        json(ana.call("api-create-upload.json", Events.body(
                "{\"fileName\":\"big.ret\",\"sizeBytes\":" + (services.config().maxFileBytes() + 1) + "}")), 413);
        json(ana.call("api-create-upload.json", Events.body("not json")), 400);
    }

    @Test
    void only_admins_read_and_replace_the_notification_recipients() {
        Api admin = Api.admin(services, "acme");
        Api bruno = Api.user(services, "acme", "bruno", "Bruno");

        json(bruno.call("api-get-notification-settings.json", e -> { }), 403);
        json(bruno.call("api-put-notification-settings.json", e -> { }), 403);
        json(admin.call("api-put-notification-settings.json", Events.body(
                "{\"recipients\":[\"not an address\"]}")), 400);
        JsonNode saved = json(admin.call("api-put-notification-settings.json", e -> { }), 200);
        assertThat(saved.get("recipients")).hasSize(2);
        assertThat(json(admin.call("api-get-notification-settings.json", e -> { }), 200).get("recipients").get(0)
                .asText()).isEqualTo("financeiro@acme.com.br");
        assertThat(json(Api.admin(services, "globex").call("api-get-notification-settings.json", e -> { }), 200)
                .get("recipients")).isEmpty();
    }

    @Test
    void a_title_is_found_across_files_by_its_nosso_numero() {
        JsonNode firstItem = json(Api.admin(services, "acme").onRecord("api-list-items.json", retorno, "/items",
                e -> { }), 200).get("items").get(0);
        String ourNumber = firstItem.get("ourNumber").asText();

        JsonNode hits = json(Api.admin(services, "acme").call("api-find-items.json",
                Events.query(Map.of("ourNumber", "000" + ourNumber))), 200);

        assertThat(hits.get("items")).isNotEmpty();
        assertThat(hits.get("items").get(0).get("integration").get("id").asText()).isEqualTo(retorno);
        assertThat(json(Api.admin(services, "globex").call("api-find-items.json",
                Events.query(Map.of("ourNumber", ourNumber))), 200).get("items"))
                .isEmpty();
    }

    /** Without an Idempotency-Key (the event file carries one). */
    private static java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> noKey() {
        return Events.header("idempotency-key", null);
    }

    private List<String> ids(Api api, Map<String, String> query) {
        JsonNode page = json(api.call("api-list-integrations.json",
                Events.query(query)), 200);
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
