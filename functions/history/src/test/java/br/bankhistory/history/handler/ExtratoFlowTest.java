package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bank statement (extrato, CNAB 240 service 04, segment E) the bank drops is a fifth kind of file, "Extrato
 * Bancário": the list filters it by kind, its detail totals credits and debits, its items are entries (date,
 * amount, credit or debit, FEBRABAN category, the bank's history code and text, document), its statement PDF
 * lists them and the admins get an email as for a retorno. The file is {@code samples/synthetic/extrato-237.ret}
 * (built from the FEBRABAN positions): opening R$ 1.000,00, credits R$ 150,40 and R$ 55,00, a debit of
 * R$ 50,00. Through the handlers, against DynamoDB Local, s3proxy and the SES emulator.
 */
class ExtratoFlowTest {

    private static HistoryEnvironment environment;

    private Services services;
    private Api admin;
    private String extrato;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.startWithSes();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void theBankDropsAStatementAndARetorno() {
        environment.emulators().sesInbox().clear();
        services = environment.freshServices();
        admin = Api.admin(services, "acme");
        admin.call("api-put-notification-settings.json", Events.body("{\"recipients\":[\"financeiro@acme.com.br\"]}"));
        extrato = Api.ingest(services, "inbound/acme/EXTRATO 0204.ret", "synthetic/extrato-237.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");
        Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T13:00:00.000Z");
    }

    @Test
    void the_list_filters_statements_by_their_own_kind() {
        JsonNode statements = json(admin.call("api-list-integrations.json", Events.query(Map.of("kind", "EXTRATO"))),
                200);
        assertThat(statements.get("items")).hasSize(1);
        JsonNode row = statements.get("items").get(0);
        assertThat(row.get("id").asText()).isEqualTo(extrato);
        assertThat(row.get("kind").asText()).isEqualTo("EXTRATO");
        assertThat(row.get("kindLabel").asText()).isEqualTo("Extrato Bancário");
        assertThat(row.get("bankName").asText()).isEqualTo("Bradesco");

        JsonNode retornos = json(admin.call("api-list-integrations.json",
                Events.query(Map.of("kind", "RETORNO_COBRANCA"))), 200);
        assertThat(retornos.get("items")).extracting(i -> i.get("id").asText()).doesNotContain(extrato);
    }

    @Test
    void its_detail_totals_credits_and_debits() {
        JsonNode detail = json(admin.onRecord("api-get-integration.json", extrato, "", e -> { }), 200);

        assertThat(detail.get("kind").asText()).isEqualTo("EXTRATO");
        assertThat(detail.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(detail.get("itemCount").asLong()).isEqualTo(3);
        assertThat(detail.get("totals").get("CREDIT").get("amountCents").asLong()).isEqualTo(205_40);
        assertThat(detail.get("totals").get("DEBIT").get("amountCents").asLong()).isEqualTo(50_00);
    }

    @Test
    void its_items_are_the_entries() {
        JsonNode items = json(admin.onRecord("api-list-items.json", extrato, "/items", e -> { }), 200).get("items");

        assertThat(items).hasSize(3);
        JsonNode first = items.get(0).get("entry");
        assertThat(items.get(0).get("category").asText()).isEqualTo("CREDIT");
        assertThat(first.get("nature").asText()).isEqualTo("CREDIT");
        assertThat(first.get("amountCents").asLong()).isEqualTo(150_40);
        assertThat(first.get("date").asText()).isEqualTo("2024-04-02");
        assertThat(first.get("category").asText()).isEqualTo("202");
        assertThat(first.get("categoryText").asText()).isEqualTo("Líquido de cobrança");
        assertThat(first.get("historyCode").asText()).isEqualTo("0123");
        assertThat(first.get("historyText").asText()).isEqualTo("LIQUIDO COBRANCA");
        assertThat(first.get("documentNumber").asText()).isEqualTo("DOC-001");
        JsonNode debit = items.get(2).get("entry");
        assertThat(debit.get("nature").asText()).isEqualTo("DEBIT");
        assertThat(debit.get("amountCents").asLong()).isEqualTo(50_00);
        assertThat(debit.get("historyText").asText()).isEqualTo("TARIFA");
    }

    @Test
    void its_statement_pdf_lists_the_entries() throws Exception {
        JsonNode link = json(admin.onRecord("api-get-statement.json", extrato, "/statement",
                Events.header("accept", "application/json")), 200);

        try (PDDocument document = Loader.loadPDF(fetch(link.get("url").asText()))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Extrato Bancário").contains("Lançamentos (3)").contains("LIQUIDO COBRANCA")
                    .contains("R$ 150,40").contains("TARIFA");
        }
    }

    @Test
    void the_admins_are_emailed_as_for_a_retorno() throws Exception {
        List<JsonNode> emails = emails();
        JsonNode email = emails.stream().filter(e -> e.get("subject").asText().contains("EXTRATO 0204.ret"))
                .findFirst().orElseThrow(() -> new AssertionError("no email of the statement: " + emails));

        assertThat(email.get("subject").asText()).startsWith("Extrato Bancário Bradesco").contains("crédito").contains("R$ 205,40").contains("R$ 50,00");
        byte[] pdf = attachment(email, ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Extrato Bancário");
        }
    }

    private List<JsonNode> emails() {
        return environment.emails();
    }

    private static byte[] attachment(JsonNode email, String nameEnding) {
        for (JsonNode attachment : email.get("attachments")) {
            if (attachment.get("filename").asText().endsWith(nameEnding)) {
                return Base64.getMimeDecoder().decode(attachment.get("content").asText());
            }
        }
        throw new AssertionError("no attachment ending " + nameEnding);
    }

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
