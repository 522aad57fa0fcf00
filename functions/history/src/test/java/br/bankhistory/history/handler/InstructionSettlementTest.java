package br.bankhistory.history.handler;

import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.CobrancaRetorno240;
import br.bankhistory.history.support.CobrancaRetorno240.Answer;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Outbox;
import br.bankhistory.history.support.Race;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static br.bankhistory.history.support.Instructions.created;
import static br.bankhistory.history.support.Instructions.ids;
import static br.bankhistory.history.support.Instructions.list;
import static br.bankhistory.history.support.Instructions.listed;
import static br.bankhistory.history.support.Instructions.runNow;
import static br.bankhistory.history.support.Instructions.title;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank's retorno settles the pending instructions its scheduled remessa carried (docs/remessa-lifecycle.md,
 * "Settled by the bank's retorno"): a retorno built from the remessa's titles (Itaú CNAB 240, T and U segments)
 * is dropped and recorded by Ingest, and {@code GET /instructions?status=SETTLED} shows each answer, with one
 * {@code instruction.settled} event per instruction per answer, whatever is delivered twice or at once.
 */
class InstructionSettlementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.withoutEmails();

    @Test
    void a_retorno_confirms_and_rejects_the_instructions_its_remessa_carried_and_a_liquidacao_settles_forward() {
        String confirmed = created(acme.ana(), title("17600", "90000001", 10_000));
        String rejected = created(acme.ana(), title("17600", "90000002", 20_000));
        String unanswered = created(acme.ana(), title("17600", "90000003", 30_000));
        Scheduled remessa = scheduled();

        String retorno = Api.drop(acme.services(), "acme", "RET-0001.ret", CobrancaRetorno240.answering(remessa.bytes(),
                Map.of(1, Answer.of("02"), 2, Answer.of("03", "08")), 501), "2026-11-24T12:00:00.000Z");

        assertThat(ids(list(acme.ana(), "SETTLED"))).containsExactlyInAnyOrder(confirmed, rejected);
        assertThat(ids(list(acme.ana(), "CARRIED"))).containsExactly(unanswered);
        JsonNode yes = listed(acme.ana(), "SETTLED", confirmed);
        assertThat(yes.get("settlement").get("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(yes.get("settlement").get("occurrence").get("code").asText()).isEqualTo("02");
        assertThat(yes.get("settlement").get("occurrence").get("description").asText()).isEqualTo("Entrada confirmada");
        assertThat(yes.get("settlement").get("reasons")).isEmpty();
        assertThat(yes.get("settlement").get("retornoId").asText()).isEqualTo(retorno);
        assertThat(yes.get("settlement").get("amountCents").isNull()).isTrue();
        assertThat(yes.get("carriedBy").get("recordId").asText()).isEqualTo(remessa.recordId());
        assertThat(yes.get("cancellable").asBoolean()).isFalse();
        JsonNode no = listed(acme.ana(), "SETTLED", rejected).get("settlement");
        assertThat(no.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(no.get("occurrence").get("code").asText()).isEqualTo("03");
        assertThat(no.get("reasons")).singleElement().satisfies(r -> {
            assertThat(r.get("code").asText()).isEqualTo("08");
            assertThat(r.get("description").asText()).isEqualTo("Nome do pagador não informado ou deslocado");
        });
        List<JsonNode> events = settledEvents();
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("sequence").asLong()).isEqualTo(1);
            assertThat(e.get("data").get("remessa").get("recordId").asText()).isEqualTo(remessa.recordId());
            assertThat(e.get("data").get("retorno").get("recordId").asText()).isEqualTo(retorno);
        });
        assertThat(events).extracting(e -> e.get("recordId").asText()).containsExactlyInAnyOrder(confirmed, rejected);

        // a cancel of a settled instruction is refused
        json(br.bankhistory.history.support.Instructions.cancel(acme.ana(), confirmed), 409);

        // the liquidação: a later retorno pays the first title; the settlement moves forward, the history keeps both
        String liquidacao = Api.drop(acme.services(), "acme", "RET-0002.ret",
                CobrancaRetorno240.answering(remessa.bytes(),
                        Map.of(1, Answer.paid("06", 10_000, LocalDate.of(2026, 12, 10))), 502),
                "2026-12-11T12:00:00.000Z");
        JsonNode paid = listed(acme.ana(), "SETTLED", confirmed);
        assertThat(paid.get("settlement").get("occurrence").get("code").asText()).isEqualTo("06");
        assertThat(paid.get("settlement").get("retornoId").asText()).isEqualTo(liquidacao);
        assertThat(paid.get("settlement").get("amountCents").asLong()).isEqualTo(10_000);
        assertThat(paid.get("settlement").get("paidOn").asText()).isEqualTo("2026-12-10");
        assertThat(paid.get("answers")).extracting(a -> a.get("occurrence").get("code").asText())
                .containsExactly("02", "06");
        assertThat(settledEvents()).hasSize(3).filteredOn(e -> e.get("sequence").asLong() == 2).singleElement()
                .satisfies(e -> assertThat(e.get("data").get("answer").get("occurrence").get("code").asText())
                        .isEqualTo("06"));

        // the first retorno again, delivered twice more and reprocessed: nothing is settled again, nothing moves back
        Api.deliverOnce(acme.services(), "s3-put-inbound.json", "inbound/acme/RET-0001.ret",
                "2026-11-24T12:00:00.000Z");
        json(acme.admin().onRecord("api-reprocess-integration.json", retorno, "/reprocess", e -> { }), 200);
        acme.environment().runFollowUps(acme.services());
        assertThat(listed(acme.ana(), "SETTLED", confirmed).get("settlement").get("occurrence").get("code").asText())
                .isEqualTo("06");
        assertThat(listed(acme.ana(), "SETTLED", confirmed).get("answers")).hasSize(2);
        assertThat(settledEvents()).hasSize(3);
    }

    @Test
    void copies_of_a_retorno_delivered_at_once_by_separate_sandboxes_settle_each_instruction_once() throws Exception {
        String first = created(acme.ana(), title("17600", "90000001", 10_000));
        String second = created(acme.ana(), title("17600", "90000002", 20_000));
        Scheduled remessa = scheduled();
        byte[] retorno = CobrancaRetorno240.answering(remessa.bytes(), Map.of(1, Answer.of("02"), 2,
                Answer.of("03", "08")), 503);
        HistoryEnvironment.put(acme.services(), "inbound/acme/RET.ret", retorno, Map.of());
        HistoryEnvironment.put(acme.services(), "inbound/acme/RET-copia.ret", retorno, Map.of());

        // two deliveries of the object and two of a copy, each in its own sandbox; one that finds the bank's
        // retornos being applied fails, as Lambda's would, and is delivered again
        List<String> failed = Race.run(acme.environment(), acme.services(), 4, (wiring, i) -> {
            try {
                Api.deliverOnce(wiring, "s3-put-inbound.json", i < 2 ? "inbound/acme/RET.ret"
                        : "inbound/acme/RET-copia.ret", "2026-11-24T12:00:0" + (i < 2 ? 0 : 1) + ".000Z");
                return "";
            } catch (RuntimeException retried) {
                return i < 2 ? "inbound/acme/RET.ret" : "inbound/acme/RET-copia.ret";
            }
        });
        for (int i = 0; i < failed.size(); i++) {
            if (!failed.get(i).isEmpty()) {
                Api.deliverOnce(acme.services(), "s3-put-inbound.json", failed.get(i),
                        "2026-11-24T12:00:0" + (i < 2 ? 0 : 1) + ".000Z");
            }
        }

        assertThat(ids(list(acme.ana(), "SETTLED"))).containsExactlyInAnyOrder(first, second);
        assertThat(listed(acme.ana(), "SETTLED", first).get("answers")).hasSize(1);
        assertThat(listed(acme.ana(), "SETTLED", second).get("answers")).hasSize(1);
        assertThat(settledEvents()).extracting(e -> e.get("recordId").asText() + "#" + e.get("sequence").asLong())
                .containsExactlyInAnyOrder(first + "#1", second + "#1");
    }

    @Test
    void a_payment_the_bank_effected_is_confirmed_with_what_it_paid_and_when() {
        JsonNode request = Outbox.read(PagamentoRetornos.remessa());
        ((ObjectNode) request.get("header")).remove("generatedAt");
        List<String> payments = new ArrayList<>();
        for (JsonNode payment : request.get("payments")) {
            ObjectNode instruction = JSON.createObjectNode();
            instruction.set("service", request.get("service"));
            instruction.set("layout", request.get("layout"));
            instruction.set("bankCode", request.get("bankCode"));
            instruction.set("header", request.get("header"));
            instruction.set("payment", payment);
            payments.add(created(acme.ana(), instruction));
        }
        Scheduled remessa = scheduled();

        String retorno = Api.drop(acme.services(), "acme", "PAG-RET.ret", PagamentoRetornos.effected(remessa.bytes()),
                "2026-11-25T18:00:00.000Z");

        JsonNode ted = listed(acme.ana(), "SETTLED", payments.get(0)).get("settlement");
        assertThat(ted.get("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(ted.get("retornoId").asText()).isEqualTo(retorno);
        assertThat(ted.get("amountCents").asLong()).isEqualTo(150_000);
        assertThat(ted.get("paidOn").asText()).isEqualTo("2026-11-25");
        JsonNode boleto = listed(acme.ana(), "SETTLED", payments.get(1)).get("settlement");
        assertThat(boleto.get("amountCents").asLong()).isEqualTo(99_490);
        assertThat(settledEvents()).hasSize(2);
    }

    /** The one remessa a run makes of the pending instructions, recorded by Ingest. */
    private record Scheduled(String key, String recordId, byte[] bytes) {
    }

    private Scheduled scheduled() {
        JsonNode report = runNow(acme.services());
        assertThat(report.get("remessas")).hasSize(1);
        String key = report.get("remessas").get(0).get("key").asText();
        String recordId = Api.deliver(acme.services(), "s3-put-outbound.json", key, "2026-11-23T19:30:05.000Z");
        return new Scheduled(key, recordId, HistoryEnvironment.get(acme.services(), key));
    }

    /** The tenant's {@code instruction.settled} events, each valid against its schema. */
    private List<JsonNode> settledEvents() {
        return Outbox.stored(acme.services(), "acme").stream()
                .filter(e -> e.get("type").asText().equals("instruction.settled"))
                .map(Outbox::valid).toList();
    }
}
