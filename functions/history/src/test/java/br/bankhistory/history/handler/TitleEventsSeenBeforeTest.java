package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.ingest.IngestOutcome;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.CaixaCobranca;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.SyntheticRetorno;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static br.bankhistory.history.support.CaixaCobranca.number;
import static br.bankhistory.history.support.CaixaCobranca.numbers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Title events seen before (docs/remessa-lifecycle.md, "Reconciliation"): a title event (bank, nosso número,
 * occurrence, date, amounts) an earlier retorno already reported is marked "já informado", counted apart and
 * not applied again, even when the two retornos arrive at once; and reconciliation holds at size: a retorno of
 * 30,000 titles is linked in full to the three remessas of 10,000 that sent them. Against DynamoDB Local and
 * s3proxy, through the Api and Ingest handlers.
 */
class TitleEventsSeenBeforeTest {

    private static HistoryEnvironment environment;
    private Services services;
    private Api admin;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void freshStorage() {
        services = environment.freshServices();
        admin = Api.admin(services, "acme");
    }

    @Test
    void an_event_an_earlier_retorno_reported_is_marked_counted_apart_and_not_applied_again() {
        String remessa = CaixaCobranca.remessa(services, numbers(1, 3));
        String first = CaixaCobranca.retorno(services, "RET-1622.ret", numbers(1, 3), 1622,
                "2026-11-25T12:00:00.000Z");
        // the next day's retorno repeats title 2's liquidation and brings a new title 4
        String second = CaixaCobranca.retorno(services, "RET-1623.ret", List.of(number(2), number(4)), 1623,
                "2026-11-26T12:00:00.000Z");

        List<JsonNode> secondItems = items(second);
        JsonNode repeated = secondItems.get(0).get("reconciliation");
        assertThat(repeated.get("status").asText()).isEqualTo("REPEATED");
        assertThat(repeated.get("integrationId").asText()).isEqualTo(first);
        assertThat(repeated.get("fileName").asText()).isEqualTo("RET-1622.ret");
        assertThat(repeated.get("line").asInt()).isEqualTo(5); // title 2's T segment in the first retorno
        assertThat(secondItems.get(1).get("reconciliation").get("status").asText()).isEqualTo("NOT_FOUND");
        JsonNode record = json(admin.onRecord("api-get-integration.json", second, "", e -> { }), 200);
        assertThat(record.get("totals").get("REPEATED").get("count").asLong()).isEqualTo(1);
        assertThat(record.get("totals").get("PAID").get("count").asLong()).isEqualTo(1);
        assertThat(record.get("findings").toString()).contains("EVENTS_REPEATED");
        // the remessa's title 2 was answered once, by the first retorno
        JsonNode title2 = items(remessa).get(1);
        assertThat(title2.get("answers")).hasSize(1);
        assertThat(title2.get("answers").get(0).get("integrationId").asText()).isEqualTo(first);
    }

    @Test
    void two_retornos_reporting_the_same_events_at_once_apply_them_once() throws Exception {
        CaixaCobranca.remessa(services, numbers(1, 5));
        put("RET-A.ret", SyntheticRetorno.caixa(numbers(1, 5), h -> h, 1701));
        put("RET-B.ret", SyntheticRetorno.caixa(numbers(1, 5), h -> h, 1702));

        // both notifications at once, from two wirings; one applies, the other waits its turn (it is retried,
        // as Lambda retries a failed asynchronous invocation)
        List<Object> outcomes = Race.run(environment, services, 2, (wiring, i) -> {
            try {
                return Api.deliverOnce(wiring, "s3-put-inbound.json", "inbound/acme/RET-" + (i == 0 ? "A" : "B")
                        + ".ret", "2026-11-25T12:0" + i + ":00.000Z");
            } catch (RuntimeException retryLater) {
                return retryLater;
            }
        });
        for (int i = 0; i < 2; i++) {
            if (!(outcomes.get(i) instanceof IngestOutcome)) {
                Api.deliverOnce(services, "s3-put-inbound.json", "inbound/acme/RET-" + (i == 0 ? "A" : "B") + ".ret",
                        "2026-11-25T12:0" + i + ":00.000Z");
            }
        }

        List<JsonNode> rows = new ArrayList<>();
        json(admin.call("api-list-integrations.json", Events.query(Map.of("kind", "RETORNO_COBRANCA"))), 200)
                .get("items").forEach(rows::add);
        assertThat(rows).hasSize(2);
        long repeated = 0;
        long matched = 0;
        for (JsonNode row : rows) {
            for (JsonNode item : items(row.get("id").asText())) {
                String status = item.get("reconciliation").get("status").asText();
                repeated += status.equals("REPEATED") ? 1 : 0;
                matched += status.equals("MATCHED") ? 1 : 0;
            }
        }
        assertThat(matched).isEqualTo(5);
        assertThat(repeated).isEqualTo(5);
    }

    @Test
    void a_retorno_of_thirty_thousand_titles_is_linked_in_full_to_the_remessas_that_sent_them() {
        List<String> remessas = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            remessas.add(CaixaCobranca.remessa(services, numbers(part * 10_000 + 1, part * 10_000 + 10_000)));
        }
        String retorno = CaixaCobranca.retorno(services, "RET-GRANDE.ret", numbers(1, 30_000), 1800,
                "2026-11-27T12:00:00.000Z");

        int matched = 0;
        int pages = 0;
        String cursor = null;
        do {
            String after = cursor;
            JsonNode page = json(admin.onRecord("api-list-items.json", retorno, "/items",
                    Events.query(after == null ? Map.of("limit", "500") : Map.of("limit", "500", "cursor", after))), 200);
            for (JsonNode item : page.get("items")) {
                assertThat(item.get("reconciliation").get("status").asText()).isEqualTo("MATCHED");
                int seq = item.get("seq").asInt();
                assertThat(item.get("reconciliation").get("integrationId").asText())
                        .isEqualTo(remessas.get((seq - 1) / 10_000));
                matched++;
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(matched).isEqualTo(30_000);
        assertThat(pages).isEqualTo(60);
        for (String remessa : remessas) {
            assertThat(json(admin.onRecord("api-get-integration.json", remessa, "", e -> { }), 200)
                    .get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
        }
        // the search finds a title in its remessa and in the retorno
        JsonNode hits = json(admin.call("api-find-items.json", Events.query(Map.of("ourNumber", number(25_000)))), 200);
        assertThat(hits.get("items").findValuesAsText("id")).contains(retorno, remessas.get(2));
    }

    // ---- helpers ----

    private void put(String name, byte[] bytes) {
        HistoryEnvironment.put(services, "inbound/acme/" + name, bytes, Map.of());
    }

    private List<JsonNode> items(String id) {
        List<JsonNode> out = new ArrayList<>();
        json(admin.onRecord("api-list-items.json", id, "/items", Events.query(Map.of("limit", "500"))), 200)
                .get("items").forEach(out::add);
        return out;
    }
}
