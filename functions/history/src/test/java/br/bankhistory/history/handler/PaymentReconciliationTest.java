package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A pagamento retorno answers the remessa that sent its payments: a payment is known by the company's number
 * for it (segment A 74-93, J 183-202), which the bank echoes, not by a nosso número, which a payment remessa
 * leaves blank.
 */
class PaymentReconciliationTest {

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
    void a_pagamento_retorno_built_from_its_remessa_answers_it() {
        Services services = environment.freshServices();
        Api ana = Api.user(services, "acme", "ana", "Ana Souza");
        Api admin = Api.admin(services, "acme");
        JsonNode generated = json(ana.call("api-create-remittance.json", Events.body(pagamento().toString())), 202);
        String remessaKey = generated.get("key").asText();
        String remessa = Api.deliver(services, "s3-put-outbound.json", remessaKey, "2026-11-23T13:10:05.000Z");

        // the bank's answer: the same file, as a retorno (header 143 = 2), every payment effected (occurrence 00,
        // 231-240) with the bank's own number filled (A 135-154, J 203-222) and the company's number echoed
        byte[] answer = effected(HistoryEnvironment.get(services, remessaKey));
        HistoryEnvironment.put(services, "inbound/acme/PAG240-retorno.ret", answer, Map.of());
        String retorno = Api.deliver(services, "s3-put-inbound.json", "inbound/acme/PAG240-retorno.ret",
                "2026-11-25T18:00:00.000Z");

        JsonNode record = json(admin.onRecord("api-get-integration.json", retorno, "", e -> { }), 200);
        assertThat(record.get("kind").asText()).isEqualTo("RETORNO_PAGAMENTO");
        assertThat(record.get("status").asText()).isEqualTo("PROCESSED");
        JsonNode paid = json(admin.onRecord("api-list-items.json", retorno, "/items", e -> { }), 200).get("items");
        assertThat(paid).hasSize(2);
        for (JsonNode item : paid) {
            assertThat(item.get("reconciliation").get("status").asText()).as(item.toString()).isEqualTo("MATCHED");
            assertThat(item.get("reconciliation").get("integrationId").asText()).isEqualTo(remessa);
        }
        assertThat(paid).extracting(i -> i.get("reconciliation").get("seq").asInt()).containsExactly(1, 2);

        JsonNode sent = json(admin.onRecord("api-list-items.json", remessa, "/items", e -> { }), 200).get("items");
        for (JsonNode item : sent) {
            assertThat(item.get("reconciliation").get("status").asText()).isEqualTo("ANSWERED");
            assertThat(item.get("reconciliation").get("integrationId").asText()).isEqualTo(retorno);
        }
        JsonNode detail = json(admin.onRecord("api-get-integration.json", remessa, "", e -> { }), 200);
        assertThat(detail.get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
        assertThat(detail.get("cancellable").asBoolean()).isFalse();
        json(admin.onRecord("api-cancel-remessa.json", remessa, "/cancel", Events.header("idempotency-key", null)),
                409);
    }

    @Test
    void a_payment_the_remessa_never_sent_is_not_found() {
        Services services = environment.freshServices();
        Api ana = Api.user(services, "acme", "ana", "Ana Souza");
        Api admin = Api.admin(services, "acme");
        JsonNode generated = json(ana.call("api-create-remittance.json", Events.body(pagamento().toString())), 202);
        String remessaKey = generated.get("key").asText();
        Api.deliver(services, "s3-put-outbound.json", remessaKey, "2026-11-23T13:10:05.000Z");

        // the same answer, but the TED's company number is one the company never sent
        String text = new String(effected(HistoryEnvironment.get(services, remessaKey)), StandardCharsets.ISO_8859_1)
                .replace("TED-77              ", "TED-78              ");
        HistoryEnvironment.put(services, "inbound/acme/PAG240-other.ret", text.getBytes(StandardCharsets.ISO_8859_1),
                Map.of());
        String retorno = Api.deliver(services, "s3-put-inbound.json", "inbound/acme/PAG240-other.ret",
                "2026-11-25T18:00:00.000Z");

        JsonNode paid = json(admin.onRecord("api-list-items.json", retorno, "/items", e -> { }), 200).get("items");
        assertThat(paid).extracting(i -> i.get("reconciliation").get("status").asText())
                .containsExactly("NOT_FOUND", "MATCHED");
    }

    @Test
    void a_payment_answered_with_another_amount_is_matched_and_flagged() {
        Services services = environment.freshServices();
        Api ana = Api.user(services, "acme", "ana", "Ana Souza");
        Api admin = Api.admin(services, "acme");
        JsonNode generated = json(ana.call("api-create-remittance.json", Events.body(pagamento().toString())), 202);
        String remessaKey = generated.get("key").asText();
        Api.deliver(services, "s3-put-outbound.json", remessaKey, "2026-11-23T13:10:05.000Z");

        // the TED's amount asked for (A 120-134) comes back as R$ 1.500,01 instead of R$ 1.500,00
        List<String> lines = new ArrayList<>(List.of(new String(effected(HistoryEnvironment.get(services, remessaKey)),
                StandardCharsets.ISO_8859_1).split("\r\n")));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.charAt(7) == '3' && l.charAt(13) == 'A') {
                assertThat(l.substring(119, 134)).isEqualTo("000000000150000");
                lines.set(i, l.substring(0, 119) + "000000000150001" + l.substring(134));
            }
        }
        HistoryEnvironment.put(services, "inbound/acme/PAG240-amount.ret",
                (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1), Map.of());
        String retorno = Api.deliver(services, "s3-put-inbound.json", "inbound/acme/PAG240-amount.ret",
                "2026-11-25T18:00:00.000Z");

        JsonNode paid = json(admin.onRecord("api-list-items.json", retorno, "/items", e -> { }), 200).get("items");
        assertThat(paid).extracting(i -> i.get("reconciliation").get("status").asText())
                .containsExactly("MATCHED", "MATCHED");
        JsonNode record = json(admin.onRecord("api-get-integration.json", retorno, "", e -> { }), 200);
        List<String> differs = new ArrayList<>();
        record.get("findings").forEach(f -> {
            if (f.get("code").asText().equals("PAYMENT_DIFFERS_FROM_REMESSA")) {
                differs.add(f.get("severity").asText() + " " + f.get("message").asText());
            }
        });
        assertThat(differs).singleElement().asString().startsWith("WARNING 1 pagamento(s)").contains("seu número TED-77")
                .doesNotContain("BOL-88");
    }

    /** Bradesco pagamento 240: one TED, one boleto of another bank. */
    private static ObjectNode pagamento() {
        ObjectNode body = JSON.createObjectNode();
        body.put("service", "PAGAMENTO").put("layout", "CNAB240").put("bankCode", "237");
        body.putObject("header")
                .put("companyName", "Indústria Ômega S.A.")
                .put("companyDocument", "11.222.333/0001-81")
                .put("agency", "1234").put("agencyDigit", "0")
                .put("account", "567890").put("accountDigit", "1")
                .put("agreement", "000123")
                .put("generatedAt", "2026-11-23T13:10:00Z");
        ObjectNode ted = body.putArray("payments").addObject().put("kind", "TRANSFER").put("yourNumber", "TED-77");
        ted.putObject("payee").put("name", "Fornecedor Alfa Ltda").put("document", "33.444.555/0001-66")
                .put("address", "Av. Paulista 1000").put("district", "Bela Vista").put("zip", "01310-100")
                .put("city", "São Paulo").put("state", "SP");
        ted.put("bankCode", "341").put("agency", "4321").put("agencyDigit", "9").put("account", "12345")
                .put("accountDigit", "6").put("paymentDate", "2026-11-25").put("amountCents", 150_000);
        body.withArray("payments").addObject().put("kind", "BOLETO").put("yourNumber", "BOL-88")
                .put("barcode", "34191" + "0".repeat(39)).put("beneficiaryName", "Energia Elétrica S.A.")
                .put("dueDate", "2026-11-30").put("paymentDate", "2026-11-25").put("amountCents", 99_990);
        return body;
    }

    /**
     * The retorno a bank sends for a pagamento remessa once it paid everything (FEBRABAN 240 v10.11, G015 and
     * G059): the file header says retorno (143), each A and J says occurrence 00 (231-240) and carries the
     * bank's number for the payment (A 135-154, J 203-222); the lote headers say 00 too.
     */
    private static byte[] effected(byte[] remessa) {
        List<String> lines = new ArrayList<>();
        int bankNumber = 0;
        for (String line : new String(remessa, StandardCharsets.ISO_8859_1).split("\r\n")) {
            char type = line.charAt(7);
            char segment = line.charAt(13);
            String l = line;
            if (type == '0') {
                l = l.substring(0, 142) + "2" + l.substring(143);
            } else if (type == '1') {
                l = l.substring(0, 230) + String.format("%-10s", "00");
            } else if (type == '3' && segment == 'A') {
                l = l.substring(0, 134) + String.format("%-20s", "BRAD" + (++bankNumber)) + l.substring(154, 230)
                        + String.format("%-10s", "00");
            } else if (type == '3' && segment == 'J') {
                l = l.substring(0, 202) + String.format("%-20s", "BRAD" + (++bankNumber)) + l.substring(222, 230)
                        + String.format("%-10s", "00");
            }
            lines.add(l);
        }
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
