package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Outbox;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.Samples;
import br.bankhistory.history.support.SyntheticRetorno;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox (docs/events/README.md): each change other modules act on writes exactly one event, in the same
 * DynamoDB transaction as the change, valid against its schema in docs/events/, with a sequence that rises per
 * record. Through the real path: S3 events and API requests through the handlers, on DynamoDB Local and s3proxy.
 */
class OutboxEventsTest {

    private static HistoryEnvironment environment;
    private Services services;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void freshTable() {
        services = environment.freshServices();
    }

    @Test
    void a_generated_remessa_then_its_cancel_write_one_event_each_in_sequence_with_the_titles_freed() {
        String remessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-22T12:00:00.000Z");

        json(Api.admin(services, "acme").onRecord("api-cancel-remessa.json", remessa, "/cancel",
                Events.bankNotified()), 200);

        List<JsonNode> events = Outbox.stored(services, "acme");
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("remessa.generated", "remessa.cancelled");
        events.forEach(Outbox::valid);
        assertThat(events).allSatisfy(e -> assertThat(e.get("recordId").asText()).isEqualTo(remessa));
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L);
        assertThat(events.get(0).get("id").asText()).isNotEqualTo(events.get(1).get("id").asText());
        JsonNode generated = events.get(0).get("data");
        assertThat(generated.get("status").asText()).isEqualTo("SENT");
        assertThat(generated.get("bankCode").asText()).isEqualTo("104");
        assertThat(generated.get("titlesIncluded").asBoolean()).isTrue();
        assertThat(generated.get("titles")).hasSize(1);
        JsonNode cancelled = events.get(1).get("data");
        assertThat(cancelled.get("fromStatus").asText()).isEqualTo("SENT");
        assertThat(cancelled.get("bankNotified").asBoolean()).isTrue();
        assertThat(cancelled.get("cancelledBy").get("userId").asText()).isEqualTo("admin-acme");
        assertThat(cancelled.get("reason").asText()).startsWith("Remessa gerada com vencimentos errados");
        assertThat(cancelled.get("releasedTitles").asLong()).isEqualTo(1);
        assertThat(cancelled.get("titles").get(0).get("ourNumber").asText())
                .isEqualTo(generated.get("titles").get(0).get("ourNumber").asText());
        assertThat(cancelled.get("itemsPath").asText()).isEqualTo("/integrations/" + remessa + "/items");
    }

    @Test
    void a_processed_retorno_tells_each_titles_outcome_with_amounts_and_credit_date() {
        String retorno = Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", Map.of(),
                "2026-11-20T12:00:00.000Z");

        List<JsonNode> events = Outbox.stored(services, "acme");

        assertThat(events).hasSize(1);
        JsonNode event = Outbox.valid(events.get(0));
        assertThat(event.get("type").asText()).isEqualTo("retorno.processed");
        assertThat(event.get("recordId").asText()).isEqualTo(retorno);
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        JsonNode data = event.get("data");
        // caixa.ret: nine titles, all movimento 06 (liquidação); valor pago summed with awk over U 78-92
        assertThat(data.get("outcomes").get("PAID").get("count").asLong()).isEqualTo(9);
        assertThat(data.get("outcomes").get("PAID").get("paidCents").asLong()).isEqualTo(101_000);
        assertThat(data.get("titlesIncluded").asBoolean()).isTrue();
        assertThat(data.get("titles")).hasSize(9).allSatisfy(t -> {
            assertThat(t.get("outcome").asText()).isEqualTo("PAID");
            assertThat(t.get("creditDate").isNull()).isFalse();
        });
        List<JsonNode> items = Api.admin(services, "acme").items(retorno);
        assertThat(data.get("titles").get(0).get("ourNumber").asText())
                .isEqualTo(items.get(0).get("ourNumber").asText());
        assertThat(data.get("titles").get(0).get("paidCents").asLong())
                .isEqualTo(items.get(0).get("paidCents").asLong());
    }

    @Test
    void a_large_retorno_keeps_its_event_small_counts_and_the_items_route() {
        List<String> numbers = IntStream.rangeClosed(1, 120).mapToObj(i -> String.format("24%015d", i)).toList();
        String retorno = Api.drop(services, "acme", "GRANDE.ret", SyntheticRetorno.caixa(numbers),
                "2026-11-20T12:00:00.000Z");

        JsonNode data = Outbox.valid(Outbox.stored(services, "acme").get(0)).get("data");

        assertThat(data.get("itemCount").asLong()).isEqualTo(120);
        assertThat(data.get("titlesIncluded").asBoolean()).isFalse();
        assertThat(data.get("titles")).isEmpty();
        assertThat(data.get("itemsPath").asText()).isEqualTo("/integrations/" + retorno + "/items");
        long counted = 0;
        for (JsonNode totals : data.get("outcomes")) {
            counted += totals.get("count").asLong();
        }
        assertThat(counted).isEqualTo(120);
    }

    @Test
    void a_renamed_copy_is_held_with_one_event_and_a_redelivery_writes_none() {
        Api.drop(services, "acme", "caixa.ret", Samples.bytes("laravel-boleto/caixa.ret"), "2026-11-20T12:00:00.000Z");
        String held = Api.drop(services, "acme", "caixa-renomeado.ret", Samples.bytes("laravel-boleto/caixa.ret"),
                "2026-11-20T12:05:00.000Z");
        // S3 delivers the same notification again: the record is there, nothing is written
        Api.deliverOnce(services, "s3-put-inbound.json", "inbound/acme/caixa-renomeado.ret", "2026-11-20T12:05:00.000Z");

        List<JsonNode> events = Outbox.stored(services, "acme");

        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactlyInAnyOrder("retorno.processed", "file.held");
        JsonNode event = events.stream().filter(e -> e.get("recordId").asText().equals(held)).findFirst().orElseThrow();
        Outbox.valid(event);
        assertThat(event.get("type").asText()).isEqualTo("file.held");
        assertThat(event.get("data").get("status").asText()).isEqualTo("POSSIBLE_DUPLICATE");
        assertThat(event.get("data").get("findings")).isNotEmpty();
    }

    @Test
    void files_that_tell_other_modules_nothing_write_no_event() {
        // a manual import of a remessa (not generated for the bank under outbound/), and a file that is not CNAB
        Api.ingest(services, "uploads/acme/ana/u1/cobranca.itau.rem", "kmee-cnab240/cobranca.itau.rem",
                Map.of("user-id", "ana", "user-name", "Ana%20Souza"), "2026-11-21T12:00:00.000Z");
        Api.drop(services, "acme", "leia-me.txt", "nada de CNAB aqui\r\n".getBytes(), "2026-11-21T12:01:00.000Z");

        assertThat(Outbox.stored(services, "acme")).isEmpty();
    }

    @Test
    void of_ten_concurrent_cancels_only_the_winner_writes_an_event() throws Exception {
        String remessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-22T12:00:00.000Z");

        List<Integer> statuses = Race.run(environment, services, 10, (wiring, i) -> Api.admin(wiring, "acme")
                .onRecord("api-cancel-remessa.json", remessa, "/cancel",
                        Events.header("idempotency-key", "race-key-" + i).andThen(Events.bankNotified()))
                .getStatusCode());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        assertThat(Outbox.stored(services, "acme")).extracting(e -> e.get("type").asText())
                .containsExactly("remessa.generated", "remessa.cancelled");
    }
}
