package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.folder.FolderBankChannel;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Channels;
import br.bankhistory.history.support.Deliveries;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Outbox;
import br.bankhistory.history.support.Remessas;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery to the bank (docs/remessa-lifecycle.md, "Delivery to the bank"): a remessa released for the bank (approved,
 * or handed to the integration needing no approval) reaches the bank's SFTP stand-in ({@code bank-outbox/}) once and
 * says "Enviada ao banco"; a refusing SFTP is retried, then "Falha no envio" with its event and alarm metric; an admin
 * asks for it again. The real path: the outbox's events routed by the delivery rule to the delivery queue
 * (ElasticMQ), the Delivery handler, DynamoDB Local and s3proxy.
 */
class DeliveryTest {

    private static final String GENERATE = "api-create-remittance.json";
    private static final String DELIVER = "api-deliver-integration.json";

    private static HistoryEnvironment environment;
    private Services services;
    private Deliveries deliveries;
    private Api admin;
    private final AtomicInteger sends = new AtomicInteger();
    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.startWithSes();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void freshStorage() {
        services = environment.freshServices();
        deliveries = new Deliveries(environment, services);
        admin = Api.admin(services, "acme");
    }

    @Test
    void a_payment_above_the_threshold_released_by_two_approvers_lands_in_bank_outbox_once_as_enviada_ao_banco()
            throws IOException {
        json(admin.call("api-put-approval-settings.json", Events.body(Remessas.approvalRules("[]").toString())), 200);
        Api bia = Api.user(services, "acme", "bia", "Beatriz Lima");
        JsonNode generated = json(bia.call(GENERATE, Events.body(Remessas.pagamento(1_500_000).toString())), 202);
        String id = Api.deliver(services, "s3-put-outbound.json", generated.get("key").asText(),
                "2026-11-23T13:10:05.000Z");
        Path landed = deliveries.bankFolder("acme", "237").resolve(generated.get("fileName").asText());

        deliveries.run(counted());
        assertThat(landed).doesNotExist(); // waiting for approval: nothing goes
        json(Api.user(services, "acme", "caio", "Caio Prado").onRecord("api-approve-integration.json", id, "/approve",
                e -> { }), 200);
        deliveries.run(counted());
        assertThat(landed).doesNotExist(); // one approval of two
        json(Api.user(services, "acme", "dora", "Dora Reis").onRecord("api-approve-integration.json", id, "/approve",
                e -> { }), 200);
        deliveries.run(counted());

        assertThat(Files.readAllBytes(landed)).isEqualTo(HistoryEnvironment.get(services, generated.get("key").asText()));
        JsonNode record = admin.record(id);
        assertThat(record.get("status").asText()).isEqualTo("SENT");
        assertThat(record.get("statusLabel").asText()).isEqualTo("Enviada ao banco");
        JsonNode delivery = record.get("delivery");
        assertThat(delivery.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("deliveredAt").asText()).isNotEmpty();
        assertThat(delivery.get("channel").asText()).isEqualTo(FolderBankChannel.CHANNEL);
        assertThat(delivery.get("remotePath").asText()).isEqualTo("acme/237/" + generated.get("fileName").asText());
        assertThat(record.get("statusHistory")).extracting(h -> h.get("to").asText() + ":" + h.get("byUserName").asText())
                .containsExactly("AWAITING_APPROVAL:Beatriz Lima", "AWAITING_APPROVAL:Caio Prado", "APPROVED:Dora Reis",
                        "SENT:Integração");
        assertThat(record.get("statusHistory").get(3).get("reason").asText()).startsWith("Enviada ao banco por");

        // the events of the path, each once, in order, each valid against its schema
        List<JsonNode> events = Outbox.stored(services, "acme");
        events.forEach(Outbox::valid);
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("remessa.awaiting_approval", "remessa.approved", "remessa.delivered");
        assertThat(events).extracting(e -> e.get("sequence").asLong()).isSorted();
        assertThat(events.get(2).get("data").get("delivery").get("remotePath").asText())
                .isEqualTo(delivery.get("remotePath").asText());

        // the approval's event delivered again (EventBridge is at least once): nothing goes twice
        assertThat(new Deliveries(environment, services).route()).isEqualTo(1);
        deliveries.run(counted());
        assertThat(sends).hasValue(1);
        try (var files = Files.list(landed.getParent())) {
            assertThat(files).containsExactly(landed);
        }
        assertThat(admin.record(id).get("statusHistory")).hasSize(4);
        assertThat(json(admin.onRecord("api-cancel-remessa.json", id, "/cancel", Events.header("idempotency-key",
                null)), 409).get("detail").asText()).contains("Peça ao banco que não a processe");
    }

    @Test
    void a_refusing_sftp_is_retried_then_falha_no_envio_with_its_event_and_alarm_metric_and_an_admin_asks_again()
            throws IOException {
        String id = readyToSend();
        Path bank = deliveries.bankFolder("acme", "237");
        Files.createDirectories(bank);
        Files.writeString(bank.resolve(FolderBankChannel.REFUSE), "o SFTP do banco recusou a conexão (teste).");

        deliveries.run(counted());

        JsonNode failed = admin.record(id);
        assertThat(failed.get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(failed.get("statusLabel").asText()).isEqualTo("Falha no envio");
        assertThat(failed.get("delivery").get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("delivery").get("failureReason").asText()).isEqualTo("o SFTP do banco recusou a conexão (teste).");
        assertThat(failed.get("delivery").get("retryable").asBoolean()).isTrue();
        assertThat(failed.get("statusHistory")).extracting(h -> h.get("reason").asText())
                .satisfies(reasons -> {
                    assertThat(reasons.get(1)).startsWith("Tentativa 1 de 3 do envio ao banco falhou: o SFTP do banco");
                    assertThat(reasons.get(2)).startsWith("Tentativa 2 de 3");
                    assertThat(reasons.get(3)).startsWith("Falha no envio ao banco após 3 tentativas: o SFTP");
                });
        assertThat(sends).hasValue(3);
        try (var files = Files.list(bank)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(FolderBankChannel.REFUSE);
        }
        List<JsonNode> events = Outbox.stored(services, "acme");
        events.forEach(Outbox::valid);
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("remessa.generated", "remessa.delivery_failed");
        assertThat(events.get(1).get("data").get("reason").asText()).contains("recusou a conexão");
        assertThat(metricLines.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("\"DeliveryFailed\":1")).count()).isEqualTo(1);

        // only an admin asks again; the SFTP is back; it goes once
        assertThat(json(Api.user(services, "acme", "ana", "Ana Souza").onRecord(DELIVER, id, "/deliver", e -> { }),
                403).get("detail").asText()).contains("administradores");
        JsonNode asked = json(admin.onRecord(DELIVER, id, "/deliver", Events.header("idempotency-key", null)), 200);
        assertThat(asked.get("status").asText()).isEqualTo("READY_TO_SEND");
        Files.delete(bank.resolve(FolderBankChannel.REFUSE));
        deliveries.run(counted());
        assertThat(admin.record(id).get("status").asText()).isEqualTo("SENT");
        assertThat(sends).hasValue(4);
        assertThat(Outbox.stored(services, "acme")).extracting(e -> e.get("type").asText()).containsExactly(
                "remessa.generated", "remessa.delivery_failed", "remessa.delivery_requested", "remessa.delivered");
        Outbox.stored(services, "acme").forEach(Outbox::valid);
        assertThat(json(admin.onRecord(DELIVER, id, "/deliver", Events.header("idempotency-key", null)), 409)
                .get("detail").asText()).contains("já foi enviada");
    }

    @Test
    void a_remessa_waiting_for_delivery_is_cancelled_before_it_goes_and_then_nothing_goes() {
        String id = readyToSend();
        JsonNode cancelled = json(admin.onRecord("api-cancel-remessa.json", id, "/cancel",
                Events.header("idempotency-key", null)), 200);
        assertThat(cancelled.get("effect").asText()).contains("antes do envio");

        deliveries.run(counted());

        assertThat(sends).hasValue(0);
        assertThat(deliveries.bankFolder("acme", "237")).doesNotExist();
        assertThat(admin.record(id).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void a_person_s_remessa_without_send_automatically_stays_generated_and_is_not_delivered() {
        JsonNode generated = json(admin.call(GENERATE, Events.body(Remessas.pagamento(50_000).toString())), 202);
        String id = Api.deliver(services, "s3-put-outbound.json", generated.get("key").asText(),
                "2026-11-23T13:10:05.000Z");
        assertThat(deliveries.route()).isZero();
        assertThat(admin.record(id).get("status").asText()).isEqualTo("GENERATED");
        assertThat(admin.record(id).get("delivery").isNull()).isTrue();
    }

    private String readyToSend() {
        return deliveries.readyToSend();
    }

    /** The Delivery wiring, its sends counted and its metrics kept. */
    private br.bankhistory.history.wiring.DeliveryWiring counted() {
        return services.delivery(Channels.counting(sends), new Metrics(new PrintStream(metricLines, true, StandardCharsets.UTF_8),
                Clock.systemUTC()));
    }
}
