package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.Samples;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same file by meaning (docs/operations.md, "Duplicates"): copies of a retorno whose line endings, byte-
 * order mark or trailing blanks changed, a renamed copy, and a corrected resend with the same NSA are held as
 * possible duplicates of the first, not processed nor reconciled, and the admins are told; an admin releases
 * (processed once, however many releases race) or discards them. Against DynamoDB Local, s3proxy and the SES
 * emulator, through the Ingest and Api handlers.
 */
class DuplicatesByMeaningTest {

    /** caixa.ret: a Caixa 240 retorno, CRLF, 22 lines with trailing blanks, NSA 1622 (read with awk). */
    private static final byte[] CAIXA = Samples.bytes("laravel-boleto/caixa.ret");

    private static HistoryEnvironment environment;
    private Services services;
    private Api admin;
    private String first;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.startWithSes();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void theFirstRetorno() {
        environment.emulators().sesInbox().clear();
        services = environment.freshServices();
        admin = Api.admin(services, "acme");
        admin.call("api-put-notification-settings.json", Events.body("{\"recipients\":[\"financeiro@acme.com.br\"]}"));
        first = drop("caixa.ret", CAIXA, "2026-11-20T12:00:00.000Z");
        assertThat(record(first).get("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void copies_that_differ_only_in_line_endings_bom_trailing_blanks_or_name_are_held_and_the_admins_told() {
        String text = new String(CAIXA, StandardCharsets.ISO_8859_1);
        Map<String, byte[]> copies = Map.of(
                "caixa-trimmed.ret", text.lines().map(String::stripTrailing)
                        .collect(Collectors.joining("\r\n", "", "\r\n")).getBytes(StandardCharsets.ISO_8859_1),
                "caixa-lf.ret", text.replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1),
                "caixa-bom.ret", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CAIXA),
                "caixa-renamed.ret", CAIXA);
        int minute = 10;
        for (Map.Entry<String, byte[]> copy : copies.entrySet()) {
            String id = drop(copy.getKey(), copy.getValue(), "2026-11-21T12:" + minute++ + ":00.000Z");
            JsonNode held = record(id);
            assertThat(held.get("status").asText()).as(copy.getKey()).isEqualTo("POSSIBLE_DUPLICATE");
            assertThat(held.get("statusLabel").asText()).isEqualTo("Possível duplicado");
            assertThat(held.get("duplicateOf").get("id").asText()).as(copy.getKey()).isEqualTo(first);
            assertThat(held.get("findings").toString()).contains("Possível duplicado do arquivo caixa.ret");
            assertThat(held.get("findings").toString()).as("no NSA warning on a held file").doesNotContain("NSA_");
            assertThat(items(id)).allSatisfy(item -> assertThat(item.get("reconciliation").isNull()).isTrue());
        }
        List<JsonNode> heldEmails = emails().stream()
                .filter(e -> e.get("subject").asText().contains(" retido: possível duplicado de caixa.ret"))
                .toList();
        assertThat(heldEmails).hasSize(4);
        assertThat(heldEmails).allSatisfy(e -> assertThat(e.get("body").get("text").asText())
                .contains("não foi processado nem conciliado").contains("Liberar").contains("Descartar"));

        // the same file under the same name again is a plain duplicate: no hold, no email
        String again = drop("caixa.ret", CAIXA, "2026-11-22T12:00:00.000Z");
        assertThat(record(again).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(emails()).hasSize(5);
    }

    @Test
    void a_corrected_resend_with_the_same_nsa_is_held_and_names_the_title_that_changed() {
        // line 4 is the U segment of the first title (nosso número 24000000011136997, T 40-56 of line 3); its
        // valor pago is at 78-92: 000000000008000 (R$ 80,00) becomes R$ 85,00
        List<String> lines = new ArrayList<>(new String(CAIXA, StandardCharsets.ISO_8859_1).lines().toList());
        String u = lines.get(3);
        assertThat(u.substring(77, 92)).isEqualTo("000000000008000");
        lines.set(3, u.substring(0, 77) + "000000000008500" + u.substring(92));
        byte[] corrected = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);

        String id = drop("caixa-corrigido.ret", corrected, "2026-11-21T12:00:00.000Z");

        JsonNode held = record(id);
        assertThat(held.get("status").asText()).isEqualTo("POSSIBLE_DUPLICATE");
        String findings = held.get("findings").toString();
        assertThat(findings).contains("o NSA 1622").contains("1 alterado(s)").contains("TITLE_CHANGED")
                .contains("24000000011136997").contains("valor pago R$ 80,00 → R$ 85,00");
    }

    @Test
    void ten_releases_at_once_process_the_held_file_once() throws Exception {
        String text = new String(CAIXA, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        String held = drop("caixa-lf.ret", text.getBytes(StandardCharsets.ISO_8859_1), "2026-11-21T12:00:00.000Z");
        int emailsBefore = emails().size();

        List<APIGatewayV2HTTPResponse> answers = Race.run(environment, services, 10, (wiring, i) ->
                Api.admin(wiring, "acme").onRecord("api-release-integration.json", held, "/release",
                        Events.header("idempotency-key", null)));

        assertThat(answers).allSatisfy(a -> assertThat(json(a, 200).get("status").asText()).isEqualTo("PROCESSED"));
        // each release asked for the processing (the FollowUp function runs it): ten runs, one effect
        assertThat(environment.runFollowUps(services)).isEqualTo(10);
        JsonNode released = record(held);
        List<JsonNode> releases = new ArrayList<>();
        released.get("statusHistory").forEach(c -> {
            if ("POSSIBLE_DUPLICATE".equals(c.path("from").asText())) {
                releases.add(c);
            }
        });
        assertThat(releases).hasSize(1);
        assertThat(releases.get(0).get("reason").asText()).startsWith("Liberado: ");
        assertThat(releases.get(0).get("byUserName").asText()).isEqualTo("Admin acme");
        assertThat(items(held)).allSatisfy(item -> assertThat(item.get("reconciliation").isNull()).isFalse());
        List<JsonNode> processed = emails().subList(emailsBefore, emails().size());
        assertThat(processed).hasSize(1);
        assertThat(processed.get(0).get("subject").asText()).startsWith("Retorno Caixa ").doesNotContain("retido");

        // a later release answers the same; a discard of a released file is refused
        assertThat(json(admin.onRecord("api-release-integration.json", held, "/release",
                Events.header("idempotency-key", null)), 200).get("status").asText()).isEqualTo("PROCESSED");
        json(admin.onRecord("api-discard-integration.json", held, "/discard", Events.header("idempotency-key", null)),
                409);
        environment.runFollowUps(services);
        assertThat(emails()).hasSize(emailsBefore + 1);
    }

    @Test
    void a_discarded_file_counts_for_nothing_and_cannot_be_released() {
        String held = drop("caixa-renamed.ret", CAIXA, "2026-11-21T12:00:00.000Z");
        Api ana = Api.user(services, "acme", "ana", "Ana Souza");

        JsonNode notAdmin = json(ana.onRecord("api-discard-integration.json", held, "/discard",
                Events.header("idempotency-key", null)), 403);
        assertThat(notAdmin.get("detail").asText()).contains("administradores");
        json(admin.onRecord("api-discard-integration.json", held, "/discard",
                Events.header("idempotency-key", null).andThen(Events.body("{\"reason\": \"\"}"))), 400);
        JsonNode discarded = json(admin.onRecord("api-discard-integration.json", held, "/discard",
                Events.header("idempotency-key", null)), 200);

        assertThat(discarded.get("status").asText()).isEqualTo("DISCARDED");
        assertThat(json(admin.onRecord("api-release-integration.json", held, "/release",
                Events.header("idempotency-key", null)), 409).get("detail").asText()).contains("descartado");
        json(admin.onRecord("api-release-integration.json", first, "/release", Events.header("idempotency-key", null)),
                409);
        json(Api.admin(services, "globex").onRecord("api-release-integration.json", held, "/release",
                Events.header("idempotency-key", null)), 404);
    }

    // ---- helpers ----

    private String drop(String name, byte[] bytes, String eventTime) {
        return Api.drop(services, "acme", name, bytes, eventTime);
    }

    private JsonNode record(String id) {
        return admin.record(id);
    }

    private List<JsonNode> items(String id) {
        return admin.items(id);
    }

    private List<JsonNode> emails() {
        return environment.emails();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
