package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content is trusted, not only the folder: a file naming an account the company has not registered is
 * kept aside and the admins alerted; NSA gaps and repeats per account are findings.
 */
class TrustTheContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HistoryEnvironment environment;
    private Services services;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.startWithSes();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void acmeRegistersItsCaixaAccount() {
        environment.emulators().sesInbox().clear();
        services = environment.freshServices();
        Api admin = Api.admin(services, "acme");
        admin.call("api-put-notification-settings.json", Events.body("{\"recipients\":[\"financeiro@acme.com.br\"]}"));
        // caixa.ret's header carries CNPJ 09018380000199 (positions 19-32) and convênio 043210 (read with awk).
        json(admin.call("api-put-account-settings.json", Events.body("{\"accounts\":[{\"bankCode\":\"104\","
                + "\"agreement\":\"043210\",\"companyDocument\":\"09.018.380/0001-99\"}]}")), 200);
    }

    @Test
    void only_admins_see_and_change_the_registered_accounts() {
        JsonNode accounts = json(Api.admin(services, "acme").call("api-get-account-settings.json", e -> { }), 200);
        assertThat(accounts.get("accounts").get(0).get("bankCode").asText()).isEqualTo("104");
        assertThat(accounts.get("accounts").get(0).get("companyDocument").asText()).isEqualTo("09018380000199");
        json(Api.user(services, "acme", "bruno", "Bruno").call("api-get-account-settings.json", e -> { }), 403);
        json(Api.user(services, "acme", "bruno", "Bruno").call("api-put-account-settings.json", e -> { }), 403);
        json(Api.admin(services, "acme").call("api-put-account-settings.json", Events.body(
                "{\"accounts\":[{\"bankCode\":\"104\"}]}")), 400);
        // the CNPJ alone does not identify an account: a company has many
        assertThat(json(Api.admin(services, "acme").call("api-put-account-settings.json", Events.body(
                "{\"accounts\":[{\"bankCode\":\"104\",\"companyDocument\":\"09018380000199\"}]}")), 400)
                .get("detail").asText()).contains("CNPJ sozinho não basta");
    }

    @Test
    void a_file_of_another_account_of_the_same_company_is_suspect() throws Exception {
        // sicoob-example.ret: bank 756, agency 04190, account 000000007380, CNPJ 33589063000184 (read with awk)
        json(Api.admin(services, "acme").call("api-put-account-settings.json", Events.body("{\"accounts\":[{"
                + "\"bankCode\":\"756\",\"agency\":\"4190\",\"account\":\"7399\","
                + "\"companyDocument\":\"33589063000184\"}]}")), 200);

        String other = Api.ingest(services, "inbound/acme/sicoob.ret", "OpenCnabPHP/sicoob-example.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");

        assertThat(detail(other).get("status").asText()).isEqualTo("SUSPECT");
        json(Api.admin(services, "acme").call("api-put-account-settings.json", Events.body("{\"accounts\":[{"
                + "\"bankCode\":\"756\",\"agency\":\"4190\",\"account\":\"7380\","
                + "\"companyDocument\":\"33589063000184\"}]}")), 200);
        String own = Api.ingest(services, "inbound/acme/sicoob-2.ret", "OpenCnabPHP/sicoob-example.ret", Map.of(),
                "2026-11-23T13:00:00.000Z");
        assertThat(detail(own).get("status").asText()).isNotEqualTo("SUSPECT");
    }

    @Test
    void a_file_of_a_registered_account_is_processed() {
        String id = Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");

        assertThat(detail(id).get("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void a_file_of_an_unregistered_account_is_kept_aside_unprocessed_and_the_admins_alerted() throws Exception {
        String id = Api.ingest(services, "inbound/acme/sicoob.ret", "OpenCnabPHP/sicoob-example.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");

        JsonNode suspect = detail(id);
        assertThat(suspect.get("status").asText()).isEqualTo("SUSPECT");
        assertThat(suspect.get("bankCode").asText()).isEqualTo("756");
        assertThat(suspect.get("findings").get(0).get("code").asText()).isEqualTo("ACCOUNT_NOT_REGISTERED");
        assertThat(json(Api.admin(services, "acme").onRecord("api-list-items.json", id, "/items", e -> { }), 200)
                .get("items")).isEmpty();
        JsonNode emails = JSON.readTree(environment.emulators().sesInbox().storeJson()).get("emails");
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).get("subject").asText()).contains(" não processado: conta não cadastrada (cadastre-a "
                + "e reprocesse o arquivo)");
        assertThat(emails.get(0).get("body").get("text").asText()).contains("não está entre as contas cadastradas");
    }

    @Test
    void a_suspect_file_is_reprocessed_once_its_account_is_registered_keeping_its_history() {
        String id = Api.ingest(services, "inbound/acme/sicoob.ret", "OpenCnabPHP/sicoob-example.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");
        Api admin = Api.admin(services, "acme");
        json(Api.user(services, "acme", "bruno", "Bruno").onRecord("api-reprocess-integration.json", id,
                "/reprocess", e -> { }), 403);
        // sicoob-example.ret names bank 756, agency 04190, account 000000007380: registered now.
        json(admin.call("api-put-account-settings.json", Events.body("{\"accounts\":[{\"bankCode\":\"104\","
                + "\"agreement\":\"043210\"},{\"bankCode\":\"756\",\"agency\":\"04190\",\"account\":\"7380\"}]}")),
                200);

        JsonNode after = json(admin.onRecord("api-reprocess-integration.json", id, "/reprocess", e -> { }), 200);

        assertThat(after.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(after.get("itemCount").asLong()).isEqualTo(5);
        JsonNode history = detail(id).get("statusHistory");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("from").asText()).isEqualTo("SUSPECT");
        assertThat(history.get(1).get("to").asText()).isEqualTo("PROCESSED");
        assertThat(json(admin.onRecord("api-list-items.json", id, "/items", e -> { }), 200).get("items")).hasSize(5);
        json(Api.admin(services, "globex").onRecord("api-reprocess-integration.json", id, "/reprocess", e -> { }), 404);
    }

    @Test
    void nsa_gaps_and_repeats_per_account_are_findings() {
        // caixa.ret's NSA (header positions 158-163) is 001622; the copies differ only there.
        String first = ingestWithNsa("001622", "2026-11-23T12:00:00.000Z");
        String gap = ingestWithNsa("001624", "2026-11-23T13:00:00.000Z");
        String repeated = ingestWithNsa("001623", "2026-11-23T14:00:00.000Z");

        assertThat(codes(detail(first))).doesNotContain("NSA_GAP", "NSA_REPEATED");
        assertThat(codes(detail(gap))).contains("NSA_GAP");
        assertThat(codes(detail(repeated))).contains("NSA_REPEATED");
    }

    private String ingestWithNsa(String nsa, String eventTime) {
        byte[] bytes = Samples.bytes("laravel-boleto/caixa.ret").clone();
        byte[] digits = nsa.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(digits, 0, bytes, 157, 6);
        String key = "inbound/acme/caixa-" + nsa + ".ret";
        HistoryEnvironment.put(services, key, bytes, Map.of());
        var report = new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-inbound.json",
                Events.s3Object(services.config().bucketName(), key).andThen(Events.eventTime(eventTime))), null);
        return ((br.bankhistory.history.ingest.IngestOutcome.Recorded) report.outcomes().get(0)).recordId();
    }

    private JsonNode detail(String id) {
        return json(Api.admin(services, "acme").onRecord("api-get-integration.json", id, "", e -> { }), 200);
    }

    private static List<String> codes(JsonNode detail) {
        List<String> codes = new ArrayList<>();
        detail.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }
}
