package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Channels;
import br.bankhistory.history.support.Deliveries;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Outbox;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.wiring.DeliveryWiring;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money moves once: a remessa reaches the bank once when two deliveries race (the bus delivered its event twice; two
 * sandboxes, each with its own wiring, behind a barrier), when a sandbox dies between the transfer and the record's
 * update, and when a cancel races a delivery (exactly one wins). Against DynamoDB Local, s3proxy and ElasticMQ.
 */
class DeliveryRacesTest {

    private static HistoryEnvironment environment;
    private Services services;
    private Deliveries deliveries;
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
    }

    @Test
    void two_deliveries_of_one_event_racing_in_two_sandboxes_send_it_once() throws Exception {
        String id = readyToSend();
        deliveries.route();
        new Deliveries(environment, services).route(); // the bus delivered the event twice
        List<Message> messages = deliveries.receive(2);
        assertThat(messages).hasSize(2);
        List<DeliveryWiring> sandboxes = List.of(sandbox(Clock.systemUTC()), sandbox(Clock.systemUTC()));

        List<Boolean> done = Race.together(2, i -> deliveries.handle(sandboxes.get(i), messages.get(i)));

        assertThat(sends).hasValue(1);
        assertThat(done).contains(true); // the winner's message is done; the loser's comes back and finds it sent
        deliveries.run(sandbox(Clock.systemUTC()));
        assertThat(sends).hasValue(1);
        assertDeliveredOnce(id);
    }

    @Test
    void a_sandbox_dying_between_the_transfer_and_the_record_does_not_make_the_next_try_send_again() throws Exception {
        String id = readyToSend();
        deliveries.route();
        Message message = deliveries.receive(1).get(0);
        DeliveryWiring dying = services.delivery(Channels.dyingAfterTheTransfer(sends), quiet());

        assertThat(deliveries.handle(dying, message)).isFalse(); // kept: its outcome is not known
        JsonNode unknown = Api.admin(services, "acme").record(id);
        assertThat(unknown.get("status").asText()).isEqualTo("READY_TO_SEND");
        assertThat(unknown.get("delivery").get("state").asText()).isEqualTo("SENDING");
        assertThat(landed(id)).exists();
        // while a try holds it, nobody cancels it, and another sandbox within the try's lease sends nothing
        assertThat(json(Api.admin(services, "acme").onRecord("api-cancel-remessa.json", id, "/cancel",
                Events.header("idempotency-key", null)), 409).get("detail").asText()).contains("em andamento");
        deliveries.showAgain(message);
        Message again = deliveries.receive(1).get(0);
        assertThat(deliveries.handle(sandbox(Clock.systemUTC()), again)).isFalse();
        assertThat(sends).hasValue(1);

        // after the lease, the next sandbox finds the file at the bank and only records it
        deliveries.showAgain(again);
        Clock later = Clock.offset(Clock.systemUTC(), HistoryEnvironment.QUICK_TRIES.lease().plus(Duration.ofSeconds(5)));
        assertThat(deliveries.handle(sandbox(later), deliveries.receive(1).get(0))).isTrue();

        assertThat(sends).hasValue(1);
        assertDeliveredOnce(id);
        assertThat(Api.admin(services, "acme").record(id).get("delivery").get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void a_cancel_racing_a_delivery_exactly_one_wins() throws Exception {
        for (int round = 0; round < 3; round++) {
            services = environment.freshServices();
            deliveries = new Deliveries(environment, services);
            sends.set(0);
            String id = readyToSend();
            deliveries.route();
            Message message = deliveries.receive(1).get(0);
            Services cancelling = environment.sameStorage(services);
            DeliveryWiring delivering = sandbox(Clock.systemUTC());

            List<Integer> answers = Race.together(2, i -> i == 0
                    ? Api.admin(cancelling, "acme").onRecord("api-cancel-remessa.json", id, "/cancel",
                            Events.header("idempotency-key", null)).getStatusCode()
                    : deliveries.handle(delivering, message) ? 1 : 0);

            deliveries.run(sandbox(Clock.systemUTC()));
            String status = Api.admin(services, "acme").record(id).get("status").asText();
            if (answers.get(0) == 200) {
                assertThat(status).isEqualTo("CANCELLED");
                assertThat(sends).hasValue(0);
                assertThat(landed(id)).doesNotExist();
            } else {
                assertThat(answers.get(0)).isEqualTo(409);
                assertThat(sends).hasValue(1);
                assertDeliveredOnce(id);
            }
        }
    }

    private void assertDeliveredOnce(String id) throws IOException {
        JsonNode record = Api.admin(services, "acme").record(id);
        assertThat(record.get("status").asText()).isEqualTo("SENT");
        assertThat(record.get("statusHistory")).filteredOn(h -> h.get("to").asText().equals("SENT")).hasSize(1);
        assertThat(Outbox.stored(services, "acme")).filteredOn(e -> e.get("type").asText().equals("remessa.delivered"))
                .hasSize(1);
        try (var files = Files.list(landed(id).getParent())) {
            assertThat(files).containsExactly(landed(id));
        }
    }

    private Path landed(String id) {
        return deliveries.bankFolder("acme", "237").resolve(Api.admin(services, "acme").record(id).get("fileName")
                .asText());
    }

    /** Another sandbox of the Delivery function: its own wiring and clients over the same storage, sends counted. */
    private DeliveryWiring sandbox(Clock clock) {
        return environment.sameStorage(services, null, clock).delivery(Channels.counting(sends), quiet());
    }

    private static Metrics quiet() {
        return Deliveries.quiet();
    }

    private String readyToSend() {
        return deliveries.readyToSend();
    }
}
