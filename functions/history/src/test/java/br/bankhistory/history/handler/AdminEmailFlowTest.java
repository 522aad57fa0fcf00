package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.Samples;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retornos, bad files, duplicates end to end: a file dropped by the bank is recorded and the tenant's admins get
 * one email, read back from the SES emulator's store, however often and however concurrently the S3 event
 * is delivered, and even when the first attempt dies before sending.
 */
class AdminEmailFlowTest {

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
    void freshStorageAndInbox() {
        environment.emulators().sesInbox().clear();
        services = environment.freshServices();
        Api.admin(services, "acme").call("api-put-notification-settings.json", Events.body(
                "{\"recipients\":[\"financeiro@acme.com.br\",\"ana.souza@acme.com.br\"]}"));
    }

    @Test
    void an_automatic_retorno_emails_the_admins_with_the_txt_and_the_statement() throws Exception {
        byte[] original = Samples.bytes("laravel-boleto/caixa.ret");

        Api.ingest(services, "inbound/acme/RETORNO CAIXA.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");

        List<JsonNode> emails = emails();
        assertThat(emails).hasSize(1);
        JsonNode email = emails.get(0);
        assertThat(email.get("destination").get("to").toString())
                .contains("financeiro@acme.com.br").contains("ana.souza@acme.com.br");
        assertThat(email.get("subject").asText()).isEqualTo("Retorno Caixa 06/01: 9 pagos R$ 1.010,00 — RETORNO CAIXA.ret");
        assertThat(email.get("body").get("text").asText()).contains("Liquidado");
        byte[] txt = attachment(email, "RETORNO CAIXA.ret");
        assertThat(txt).isEqualTo(original);
        byte[] pdf = attachment(email, ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
    }

    /**
     * Automatic retornos de pagamento: an "aceite" file (every payment BD, scheduled) and a "confirmação" file (00,
     * effected). The sample is Itaú SISPAG's; its one A segment says BD at 231-232 and R$ 262,35 at 120-134
     * (read with awk); the confirmation is the same file with 00 there.
     */
    @Test
    void payment_retornos_tell_scheduled_from_effected_in_the_email() throws Exception {
        byte[] aceite = Samples.bytes("eduardordm-cnab240/SB22112AIT.RET");
        byte[] confirmacao = aceite.clone();
        int aLine = lineStart(aceite, 3);
        confirmacao[aLine + 230] = '0';
        confirmacao[aLine + 231] = '0';
        confirmacao[157 + 5] = (byte) (confirmacao[157 + 5] + 1); // the next file: NSA (header 158-163) + 1

        String scheduled = ingestBytes("inbound/acme/SB22112AIT.RET", aceite, "2026-11-23T12:00:00.000Z");
        String effected = ingestBytes("inbound/acme/SB22112AIT-CONF.RET", confirmacao, "2026-11-23T13:00:00.000Z");

        JsonNode first = Api.json(Api.admin(services, "acme").onRecord("api-get-integration.json", scheduled, "",
                e -> { }), 200);
        assertThat(first.get("kind").asText()).isEqualTo("RETORNO_PAGAMENTO");
        assertThat(first.get("totals").get("SCHEDULED").get("amountCents").asLong()).isEqualTo(26_235);
        JsonNode second = Api.json(Api.admin(services, "acme").onRecord("api-get-integration.json", effected, "",
                e -> { }), 200);
        assertThat(second.get("totals").get("EFFECTED").get("amountCents").asLong()).isEqualTo(26_235);
        List<JsonNode> emails = emails();
        assertThat(emails).hasSize(2);
        assertThat(emails.get(0).get("subject").asText()).startsWith("Retorno de Pagamento Itaú 22/11: 1 pagamento agendado");
        assertThat(emails.get(1).get("subject").asText()).startsWith("Retorno de Pagamento Itaú 22/11: 1 pagamento efetivado");
        assertThat(emails.get(0).get("body").get("text").asText() + emails.get(1).get("body").get("text").asText())
                .contains("Agendado").contains("Efetivado");
    }

    private String ingestBytes(String key, byte[] bytes, String eventTime) {
        HistoryEnvironment.put(services, key, bytes, Map.of());
        var report = new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-inbound.json",
                Events.s3Object(services.config().bucketName(), key).andThen(Events.eventTime(eventTime))), null);
        return ((br.bankhistory.history.ingest.IngestOutcome.Recorded) report.outcomes().get(0)).recordId();
    }

    /** Offset of the first byte of 1-based line {@code n}. */
    private static int lineStart(byte[] bytes, int n) {
        int line = 1;
        for (int i = 0; i < bytes.length && line < n; i++) {
            if (bytes[i] == '\n') {
                line++;
                if (line == n) {
                    return i + 1;
                }
            }
        }
        throw new IllegalArgumentException("no line " + n);
    }

    @Test
    void manual_files_and_remessas_sent_by_the_integration_send_no_email() {
        Api.ingest(services, "uploads/acme/ana/u1/caixa.ret", "laravel-boleto/caixa.ret",
                Map.of("user-id", "ana", "user-name", "Ana"), "2026-11-23T12:00:00.000Z");
        Api.ingest(services, "outbound/acme/remessa.rem", "brcobranca/remessa-caixa-cnab240.rem", Map.of(),
                "2026-11-23T12:01:00.000Z");

        assertThat(emails()).isEmpty();
    }

    @Test
    void an_automatic_failure_tells_the_admins_what_was_wrong() {
        Api.ingest(services, "inbound/acme/teste.rem", "OpenCnabPHP/teste.rem", Map.of(), "2026-11-23T12:00:00.000Z");

        List<JsonNode> emails = emails();
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).get("subject").asText()).startsWith("Arquivo do banco não processado: ")
                .contains("UTF-16").endsWith(" — teste.rem");
        assertThat(emails.get(0).get("body").get("text").asText()).contains("UTF-16");
    }

    @Test
    void the_same_bytes_again_are_a_duplicate_and_under_another_name_held_with_an_email() {
        String first = Api.ingest(services, "inbound/acme/RET2311.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");
        String again = Api.ingest(services, "inbound/acme/RET2311.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T12:04:00.000Z");
        String renamed = Api.ingest(services, "inbound/acme/RET2311-reenvio.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T12:05:00.000Z");

        // The same file delivered again under its name: a duplicate, nothing processed, no email.
        JsonNode duplicate = Api.json(Api.admin(services, "acme").onRecord("api-get-integration.json", again, "",
                e -> { }), 200);
        assertThat(duplicate.get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(duplicate.get("kind").asText()).isEqualTo("RETORNO_COBRANCA");
        assertThat(duplicate.get("findings").get(0).get("code").asText()).isEqualTo("DUPLICATE_CONTENT");
        assertThat(duplicate.get("findings").get(0).get("field").asText()).isEqualTo(first);
        assertThat(duplicate.get("findings").get(0).get("message").asText()).contains("RET2311.ret");
        assertThat(Api.json(Api.admin(services, "acme").onRecord("api-list-items.json", again, "/items", e -> { }),
                200).get("items")).isEmpty();
        // Under another name: someone sent it as a new file; held until an admin decides, and the admins told.
        JsonNode held = Api.json(Api.admin(services, "acme").onRecord("api-get-integration.json", renamed, "",
                e -> { }), 200);
        assertThat(held.get("status").asText()).isEqualTo("POSSIBLE_DUPLICATE");
        assertThat(held.get("duplicateOf").get("id").asText()).isEqualTo(first);
        assertThat(emails()).hasSize(2);
        assertThat(emails().get(1).get("subject").asText())
                .startsWith("Retorno Caixa 06/01 retido: possível duplicado de RET2311.ret").endsWith(" — RET2311-reenvio.ret");
        // Another company may receive the same bytes: that is not a duplicate of acme's file.
        String globex = Api.ingest(services, "inbound/globex/RET2311.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T12:06:00.000Z");
        assertThat(Api.json(Api.admin(services, "globex").onRecord("api-get-integration.json", globex, "",
                e -> { }), 200).get("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void a_tenant_without_recipients_gets_no_email_and_the_record_says_so() {
        String id = Api.ingest(services, "inbound/globex/caixa.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-23T12:00:00.000Z");

        assertThat(emails()).isEmpty();
        assertThat(services.notificationLog().find("globex", id)).hasValueSatisfying(entry ->
                assertThat(entry.state()).isEqualTo(NotificationLog.State.NO_RECIPIENTS));
        JsonNode detail = Api.json(Api.admin(services, "globex").onRecord("api-get-integration.json", id, "",
                e -> { }), 200);
        assertThat(detail.get("findings").toString()).contains("NO_ADMIN_RECIPIENTS");
        assertThat(detail.get("findingCounts").get("WARNING").asLong()).isPositive();
    }

    @Test
    void the_same_event_delivered_twenty_times_concurrently_gives_one_record_and_one_email() throws Exception {
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", Samples.bytes("laravel-boleto/caixa.ret"), Map.of());
        S3Event event = Events.s3("s3-put-inbound.json",
                Events.s3Object(services.config().bucketName(), "inbound/acme/caixa.ret"));
        Race.run(environment, services, 20, (wiring, i) -> new IngestHandler(wiring.ingest()).handleRequest(event, null));

        assertThat(Api.json(Api.admin(services, "acme").call("api-list-integrations.json", e -> { }), 200)
                .get("items")).hasSize(1);
        assertThat(emails()).hasSize(1);
    }

    @Test
    void an_attempt_that_dies_before_the_email_is_completed_by_the_next_delivery_without_duplicates() {
        // First attempt: SES unreachable. The record is written, the email claimed, the send fails, the
        // invocation fails (Lambda will retry it).
        Services sesDown = environment.sameStorage(services, URI.create("http://127.0.0.1:9"), Clock.systemUTC());
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", Samples.bytes("laravel-boleto/caixa.ret"), Map.of());
        S3Event event = Events.s3("s3-put-inbound.json",
                Events.s3Object(services.config().bucketName(), "inbound/acme/caixa.ret"));
        assertThatThrownBy(() -> new IngestHandler(sesDown.ingest()).handleRequest(event, null))
                .isInstanceOf(RuntimeException.class);
        assertThat(Api.json(Api.admin(services, "acme").call("api-list-integrations.json", e -> { }), 200)
                .get("items")).hasSize(1);
        assertThat(emails()).isEmpty();

        // The failed send released its claim, so even an immediate retry (the local stack retries after a
        // second) sends it. A sender that died without releasing is covered by the lease (next test).
        Services retry = environment.sameStorage(services, environment.emulators().sesEndpoint(), Clock.systemUTC());
        new IngestHandler(retry.ingest()).handleRequest(event, null);
        new IngestHandler(retry.ingest()).handleRequest(event, null);

        assertThat(emails()).hasSize(1);
        assertThat(Api.json(Api.admin(services, "acme").call("api-list-integrations.json", e -> { }), 200)
                .get("items")).hasSize(1);
    }

    @Test
    void while_a_claim_is_live_another_delivery_does_not_send() {
        String id = "20261123120000000-0123456789ab";
        Instant now = Instant.now();
        assertThat(services.notificationLog().claim("acme", id, now, now.plusSeconds(50))).isTrue();
        assertThat(services.notificationLog().claim("acme", id, now.plusSeconds(10), now.plusSeconds(60))).isFalse();
        assertThat(services.notificationLog().claim("acme", id, now.plusSeconds(51), now.plusSeconds(101))).isTrue();
        services.notificationLog().markSent("acme", id, "ses-1", 2, now.plusSeconds(52));
        assertThat(services.notificationLog().claim("acme", id, now.plusSeconds(500), now.plusSeconds(550))).isFalse();
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
        throw new AssertionError("no attachment ending in " + nameEnding + ": " + email.get("attachments"));
    }
}
