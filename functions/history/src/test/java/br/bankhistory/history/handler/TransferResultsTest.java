package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.transfer.TransferFamilyChannel;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.port.BankChannel.Presence;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Channels;
import br.bankhistory.history.support.Deliveries;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Outbox;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.wiring.DeliveryWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transfer.TransferClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS Transfer Family's side of delivery, on what can run here: an SFTP connector takes the file and tells the outcome
 * later ("SFTP Connector File Send Completed" / "Failed", {@code events/transfer-file-send-*.json}, through the
 * TransferResult handler); an account without a connector fails at once with the reason; the accounts' channel
 * settings. (No emulator has Transfer Family: the connector is stood in by a channel that starts transfers.)
 */
class TransferResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR = "c-0123456789abcdef0";
    private static final String TRANSFER = "6a1e3b8f-2c4d-4e5f-9a0b-1c2d3e4f5a6b";

    private static HistoryEnvironment environment;
    private Services services;
    private Deliveries deliveries;
    private DeliveryWiring connector;
    private final AtomicInteger sends = new AtomicInteger();

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
        connector = services.delivery(Channels.startingTransfers(CONNECTOR, TRANSFER, sends), quiet());
    }

    @Test
    void a_transfer_the_connector_took_is_sent_when_its_completed_event_comes_and_only_then() {
        String key = readyToSend();
        String id = Api.deliver(services, "s3-put-outbound.json", key, "2026-11-23T13:10:05.000Z");
        deliveries.route();
        assertThat(deliveries.handle(connector, deliveries.receive(1).get(0))).isFalse(); // waits for its outcome
        assertThat(Api.admin(services, "acme").record(id).get("delivery").get("state").asText()).isEqualTo("TRANSFERRING");

        // a result for another transfer, another bucket or a file the history does not have changes nothing
        assertThat(result("transfer-file-send-completed.json", key, "another-transfer")).isEqualTo("waiting");
        assertThat(result("transfer-file-send-completed.json", "outbound/acme/NOT-HERE.rem", TRANSFER))
                .isEqualTo("settled");
        assertThat(new TransferResultHandler(connector).handleRequest(Events.plain("transfer-file-send-completed.json",
                e -> { }), null)).containsEntry("outcome", "ignored");
        assertThat(Api.admin(services, "acme").record(id).get("status").asText()).isEqualTo("READY_TO_SEND");

        assertThat(result("transfer-file-send-completed.json", key, TRANSFER)).isEqualTo("settled");
        assertThat(result("transfer-file-send-completed.json", key, TRANSFER)).isEqualTo("settled"); // again: nothing
        JsonNode sent = Api.admin(services, "acme").record(id);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("delivery").get("channel").asText()).isEqualTo("TRANSFER_FAMILY");
        assertThat(sent.get("delivery").get("remotePath").asText()).startsWith("/remessas/PAG240-237-");
        assertThat(sent.get("statusHistory")).filteredOn(h -> h.get("to").asText().equals("SENT")).hasSize(1);
        deliveries.run(connector); // the kept message finds it sent
        assertThat(sends).hasValue(1);
        Outbox.stored(services, "acme").forEach(Outbox::valid);
    }

    @Test
    void a_failed_transfer_is_tried_again_with_the_connector_s_reason() {
        Started started = transferStarted();
        String key = started.key();
        String id = started.id();
        var message = started.message();

        assertThat(result("transfer-file-send-failed.json", key, TRANSFER)).isEqualTo("waiting");
        JsonNode retried = Api.admin(services, "acme").record(id);
        assertThat(retried.get("status").asText()).isEqualTo("READY_TO_SEND");
        assertThat(retried.get("delivery").get("failureReason").asText()).contains("CONNECTION_ERROR")
                .contains("connection refused");
        assertThat(retried.get("statusHistory").get(1).get("reason").asText()).startsWith("Tentativa 1 de 3");

        deliveries.showAgain(message);
        deliveries.handle(connector, deliveries.receive(1).get(0)); // the next try starts another transfer
        assertThat(sends).hasValue(2);
        assertThat(result("transfer-file-send-completed.json", key, TRANSFER)).isEqualTo("settled");
        assertThat(Api.admin(services, "acme").record(id).get("delivery").get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void a_completed_result_after_the_destination_was_checked_absent_sends_nothing_again() {
        Started started = transferStarted();
        String key = started.key();
        String id = started.id();
        var message = started.message();
        // past the wait for its result the next sandbox checks the destination, which does not show the file yet
        deliveries.showAgain(message);
        deliveries.handle(afterTheTransferWait(Presence.ABSENT), deliveries.receive(1).get(0));
        JsonNode waiting = Api.admin(services, "acme").record(id);
        assertThat(waiting.get("status").asText()).isEqualTo("READY_TO_SEND");
        assertThat(waiting.get("delivery").get("state").asText()).isEqualTo("WAITING");

        // then transfer 1's result comes: the file is at the bank, and no other try sends it
        assertThat(result("transfer-file-send-completed.json", key, TRANSFER)).isEqualTo("settled");
        JsonNode sent = Api.admin(services, "acme").record(id);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("statusHistory")).filteredOn(h -> h.get("to").asText().equals("SENT")).singleElement()
                .satisfies(h -> assertThat(h.get("reason").asText()).contains("terminou depois"));
        deliveries.run(afterTheTransferWait(Presence.ABSENT));
        assertThat(sends).hasValue(1);
        assertThat(result("transfer-file-send-completed.json", key, TRANSFER)).isEqualTo("settled"); // again: nothing
        assertThat(Api.admin(services, "acme").record(id).get("statusHistory")).hasSize(sent.get("statusHistory").size());
        Outbox.stored(services, "acme").forEach(Outbox::valid);
    }

    @Test
    void a_late_completed_result_racing_the_next_try_delivers_the_remessa_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            services = environment.freshServices();
            deliveries = new Deliveries(environment, services);
            connector = services.delivery(Channels.startingTransfers(CONNECTOR, TRANSFER, sends), quiet());
            sends.set(0);
            Started started = transferStarted();
            deliveries.showAgain(started.message());
            deliveries.handle(afterTheTransferWait(Presence.ABSENT), deliveries.receive(1).get(0)); // a try is due
            var due = deliveries.receive(1).get(0);
            // the first transfer's result and the next try, in two sandboxes at once
            DeliveryWiring resultSandbox = environment.sameStorage(services)
                    .delivery(Channels.startingTransfers(CONNECTOR, TRANSFER, sends), quiet());
            DeliveryWiring trySandbox = afterTheTransferWait(Presence.ABSENT);
            Race.together(2, i -> i == 0
                    ? result(resultSandbox, "transfer-file-send-completed.json", started.key(), TRANSFER)
                    : String.valueOf(deliveries.handle(trySandbox, due)));
            // whichever came first, the outcome of the second try (if one started) settles it; then it is at the bank
            result(resultSandbox, "transfer-file-send-completed.json", started.key(), TRANSFER);

            JsonNode record = Api.admin(services, "acme").record(started.id());
            assertThat(record.get("status").asText()).isEqualTo("SENT");
            assertThat(record.get("statusHistory")).filteredOn(h -> h.get("to").asText().equals("SENT")).hasSize(1);
            assertThat(Outbox.stored(services, "acme"))
                    .filteredOn(e -> e.get("type").asText().equals("remessa.delivered")).hasSize(1);
            assertThat(sends.get()).isBetween(1, 2); // a try that had already taken it sends once more, never again
            deliveries.run(afterTheTransferWait(Presence.ABSENT));
            assertThat(sends.get()).isBetween(1, 2);
        }
    }

    @Test
    void a_failed_result_after_the_file_was_seen_at_the_bank_is_a_warning_and_changes_no_status() {
        Started started = transferStarted();
        String key = started.key();
        String id = started.id();
        var message = started.message();
        deliveries.showAgain(message);
        deliveries.handle(afterTheTransferWait(Presence.THERE), deliveries.receive(1).get(0)); // seen at the bank
        assertThat(Api.admin(services, "acme").record(id).get("status").asText()).isEqualTo("SENT");

        assertThat(result("transfer-file-send-failed.json", key, TRANSFER)).isEqualTo("settled");
        assertThat(result("transfer-file-send-failed.json", key, TRANSFER)).isEqualTo("settled"); // again: once
        JsonNode after = Api.admin(services, "acme").record(id);
        assertThat(after.get("status").asText()).isEqualTo("SENT");
        assertThat(after.get("findings")).filteredOn(f -> f.get("code").asText().equals("DELIVERY_RESULT_CONTRADICTS"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("severity").asText()).isEqualTo("WARNING");
                    assertThat(f.get("message").asText()).contains(TRANSFER).contains("CONNECTION_ERROR")
                            .contains("Confirme com o banco");
                });
        assertThat(sends).hasValue(1);
    }

    /** Another sandbox, past the wait for a transfer's result, whose destination check answers {@code checked}. */
    private DeliveryWiring afterTheTransferWait(Presence checked) {
        Clock later = Clock.offset(Clock.systemUTC(),
                HistoryEnvironment.QUICK_TRIES.transferWait().plus(Duration.ofSeconds(5)));
        return environment.sameStorage(services, null, later)
                .delivery(Channels.startingTransfers(CONNECTOR, TRANSFER, sends, checked), quiet());
    }

    @Test
    void an_account_without_a_connector_fails_at_once_saying_what_to_configure() {
        json(Api.admin(services, "acme").call("api-put-account-settings.json", Events.body("{\"accounts\": [{"
                + "\"bankCode\": \"237\", \"agency\": \"1234\", \"account\": \"567890\", \"agreement\": \"000123\","
                + " \"companyDocument\": \"11.222.333/0001-81\"}]}")), 200);
        String id = Api.deliver(services, "s3-put-outbound.json", readyToSend(), "2026-11-23T13:10:05.000Z");
        TransferClient nowhere = TransferClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
        DeliveryWiring aws = services.delivery(real -> new TransferFamilyChannel(nowhere, services.s3(),
                services.config().bucketName(), JSON, Clock.systemUTC()), quiet());

        deliveries.run(aws);

        JsonNode failed = Api.admin(services, "acme").record(id);
        assertThat(failed.get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(failed.get("delivery").get("attempts").asInt()).isZero();
        assertThat(failed.get("delivery").get("failureReason").asText()).contains("não tem canal de envio configurado")
                .contains("transferConnectorId").contains("Configurações > Contas");
        Outbox.stored(services, "acme").forEach(Outbox::valid);
    }

    @Test
    void an_account_s_channel_is_set_with_the_accounts_and_a_bad_one_is_refused_naming_its_field() {
        Api admin = Api.admin(services, "acme");
        String good = "{\"bankCode\": \"237\", \"agency\": \"1234\", \"account\": \"567890\", \"agreement\": \"000123\"";
        JsonNode saved = json(admin.call("api-put-account-settings.json", Events.body("{\"accounts\": [" + good
                + ", \"transferConnectorId\": \"" + CONNECTOR + "\", \"remoteDirectory\": \"/remessas/entrada\"}]}")),
                200);
        assertThat(saved.get("accounts").get(0).get("transferConnectorId").asText()).isEqualTo(CONNECTOR);
        assertThat(json(admin.call("api-get-account-settings.json", e -> { }), 200).get("accounts").get(0)
                .get("remoteDirectory").asText()).isEqualTo("/remessas/entrada");

        Map<String, String> refused = Map.of(
                ", \"transferConnectorId\": \"s-123\", \"remoteDirectory\": \"/r\"", "accounts[0].transferConnectorId:",
                ", \"transferConnectorId\": \"" + CONNECTOR + "\"", "accounts[0].remoteDirectory:",
                ", \"remoteDirectory\": \"/r\"", "accounts[0].transferConnectorId:",
                ", \"transferConnectorId\": \"" + CONNECTOR + "\", \"remoteDirectory\": \"remessas\"",
                "accounts[0].remoteDirectory:",
                ", \"transferConnectorId\": \"" + CONNECTOR + "\", \"remoteDirectory\": \"/a/../b\"",
                "accounts[0].remoteDirectory:");
        refused.forEach((fields, field) -> assertThat(json(admin.call("api-put-account-settings.json",
                Events.body("{\"accounts\": [" + good + fields + "}]}")), 400).get("detail").asText()).startsWith(field));
        // nothing of a refused body was kept
        assertThat(json(admin.call("api-get-account-settings.json", e -> { }), 200).get("accounts").get(0)
                .get("remoteDirectory").asText()).isEqualTo("/remessas/entrada");
    }

    /** A remessa recorded, its delivery message handled once: the connector took it as transfer {@link #TRANSFER}. */
    private Started transferStarted() {
        String key = readyToSend();
        String id = Api.deliver(services, "s3-put-outbound.json", key, "2026-11-23T13:10:05.000Z");
        deliveries.route();
        var message = deliveries.receive(1).get(0);
        deliveries.handle(connector, message);
        return new Started(key, id, message);
    }

    private record Started(String key, String id, software.amazon.awssdk.services.sqs.model.Message message) {
    }

    /** The result event of {@code file} for the object {@code key} and transfer {@code transferId}, handled. */
    private String result(String file, String key, String transferId) {
        return result(connector, file, key, transferId);
    }

    private String result(DeliveryWiring wiring, String file, String key, String transferId) {
        return (String) new TransferResultHandler(wiring).handleRequest(Events.plain(file, root -> {
            ObjectNode detail = (ObjectNode) root.get("detail");
            detail.put("transfer-id", transferId);
            ((ObjectNode) detail.get("local-file-location")).put("bucket", services.config().bucketName())
                    .put("key", key);
        }), null).get("outcome");
    }

    private String readyToSend() {
        return deliveries.generateForTheIntegration();
    }

    private static Metrics quiet() {
        return Deliveries.quiet();
    }
}
