package br.bankhistory.history.handler;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Item;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Instructions;
import br.bankhistory.history.support.Race;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static br.bankhistory.history.support.Instructions.cancel;
import static br.bankhistory.history.support.Instructions.created;
import static br.bankhistory.history.support.Instructions.ids;
import static br.bankhistory.history.support.Instructions.list;
import static br.bankhistory.history.support.Instructions.post;
import static br.bankhistory.history.support.Instructions.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pending instructions ({@code POST /instructions}, list, cancel) and the scheduled run that gathers them into
 * one remessa per account ({@link ScheduleHandler}, run now from {@code events/schedule-run-now.json}), each remessa then
 * recorded by Ingest through its S3 notification. Against DynamoDB Local and s3proxy.
 */
class InstructionScheduleTest {

    private static final String CREATE = Instructions.CREATE;
    private static final String LIST = Instructions.LIST;

    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.withoutEmails();

    @Test
    void a_run_gives_one_remessa_per_account_with_consecutive_nsas_and_carries_every_instruction() throws Exception {
        String a1 = created(acme.ana(), instruction("17600", "90000001", 10_000));
        String a2 = created(acme.ana(), instruction("17600", "90000002", 20_000));
        String b1 = created(acme.admin(), instruction("22222", "90000003", 30_000));
        assertThat(ids(list(acme.ana(), "PENDING"))).containsExactly(b1, a2, a1);

        JsonNode report = run(acme.services());

        assertThat(report.get("remessas")).hasSize(2);
        assertThat(acme.outbound()).hasSize(2);
        Map<String, JsonNode> byAccount = new HashMap<>();
        report.get("remessas").forEach(r -> byAccount.put(r.get("account").asText(), r));
        JsonNode first = byAccount.get("341/4459/17600/REMESSA/COBRANCA/CNAB240");
        JsonNode other = byAccount.get("341/4459/22222/REMESSA/COBRANCA/CNAB240");
        assertThat(first.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(other.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(texts(first.get("instructions"))).containsExactly(a1, a2);
        assertThat(texts(other.get("instructions"))).containsExactly(b1);

        // the file holds both titles of the account, oldest first, and Ingest records it as the integration's
        String key = first.get("key").asText();
        assertThat(key).startsWith("outbound/acme/COB240-341-");
        List<Item> items = new ArrayList<>();
        FileSummary summary = CnabReader.standard().read(new ByteArrayInputStream(object(key)), items::add,
                ReadOptions.defaults());
        assertThat(summary.header().account()).contains("17600");
        assertThat(items).extracting(Item::ourNumber).containsExactly("90000001", "90000002");
        String recordId = Api.deliver(acme.services(), "s3-put-outbound.json", key, "2026-11-23T19:30:05.000Z");
        JsonNode record = json(acme.ana().onRecord("api-get-integration.json", recordId, "", e -> { }), 200);
        assertThat(record.get("userName").asText()).isEqualTo("Integração");
        assertThat(record.get("status").asText()).isEqualTo("READY_TO_SEND");
        assertThat(record.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(record.get("itemCount").asLong()).isEqualTo(2);

        // the instructions are carried, naming their remessa (and its record, once recorded)
        assertThat(list(acme.ana(), "PENDING").get("items")).isEmpty();
        JsonNode carried = list(acme.ana(), "CARRIED");
        assertThat(ids(carried)).containsExactlyInAnyOrder(a1, a2, b1);
        for (JsonNode i : carried.get("items")) {
            JsonNode by = i.get("carriedBy");
            String expected = i.get("id").asText().equals(b1) ? other.get("fileName").asText()
                    : first.get("fileName").asText();
            assertThat(by.get("fileName").asText()).isEqualTo(expected);
            assertThat(by.get("recordId").isNull()).isEqualTo(i.get("id").asText().equals(b1));
            if (!i.get("id").asText().equals(b1)) {
                assertThat(by.get("recordId").asText()).isEqualTo(recordId);
            }
            assertThat(i.get("cancellable").asBoolean()).isFalse();
        }

        // a carried instruction is no longer cancelled: 409
        assertThat(cancel(acme.ana(), a1).getStatusCode()).isEqualTo(409);

        // the account's next remessa takes the next NSA
        String a3 = created(acme.ana(), instruction("17600", "90000004", 40_000));
        JsonNode second = run(acme.services());
        assertThat(second.get("remessas")).singleElement().satisfies(r -> {
            assertThat(r.get("sequenceNumber").asLong()).isEqualTo(2);
            assertThat(texts(r.get("instructions"))).containsExactly(a3);
        });
        assertThat(acme.outbound()).hasSize(3);
    }

    @Test
    void the_instructions_of_a_cancelled_remessa_are_cancelled_saying_so_and_no_run_carries_them_again() {
        String a1 = created(acme.ana(), instruction("17600", "90000001", 10_000));
        String a2 = created(acme.ana(), instruction("17600", "90000002", 20_000));
        JsonNode remessa = run(acme.services()).get("remessas").get(0);
        String recordId = Api.deliver(acme.services(), "s3-put-outbound.json", remessa.get("key").asText(),
                "2026-11-23T19:30:05.000Z");
        assertThat(ids(list(acme.ana(), "CARRIED"))).containsExactlyInAnyOrder(a1, a2);

        // an administrator cancels the remessa before it is sent: its instructions were not sent either
        json(acme.admin().onRecord("api-cancel-remessa.json", recordId, "/cancel",
                Events.header("idempotency-key", null)), 200);

        assertThat(list(acme.ana(), "CARRIED").get("items")).isEmpty();
        JsonNode cancelled = list(acme.ana(), "CANCELLED");
        assertThat(ids(cancelled)).containsExactlyInAnyOrder(a1, a2);
        for (JsonNode i : cancelled.get("items")) {
            assertThat(i.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(i.get("cancellation").get("reason").asText())
                    .contains(remessa.get("fileName").asText()).contains("foi cancelada")
                    .contains("Crie a instrução de novo");
            assertThat(i.get("cancellation").get("byUserId").asText()).isEqualTo("admin-acme");
        }
        // nothing pending: the next run writes no file, and a repeated cancel (409) changes none of them again
        assertThat(run(acme.services()).get("remessas")).isEmpty();
        assertThat(json(acme.admin().onRecord("api-cancel-remessa.json", recordId, "/cancel",
                Events.header("idempotency-key", null)), 409).get("detail").asText()).contains("já está cancelada");
        assertThat(list(acme.ana(), "CANCELLED")).isEqualTo(cancelled);
    }

    @Test
    void a_run_with_nothing_pending_writes_no_file() {
        String cancelled = created(acme.ana(), instruction("17600", "90000001", 10_000));
        JsonNode answer = json(cancel(acme.ana(), cancelled), 200);
        assertThat(answer.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(answer.get("cancellation").get("byUserId").asText()).isEqualTo("ana");
        assertThat(ids(list(acme.ana(), "CANCELLED"))).containsExactly(cancelled);

        JsonNode report = run(acme.services());

        assertThat(report.get("remessas")).isEmpty();
        assertThat(acme.outbound()).isEmpty();
        assertThat(json(cancel(acme.ana(), cancelled), 409).get("detail").asText()).contains("cancelada");
    }

    @Test
    void two_runs_at_once_give_one_remessa_per_account_and_carry_every_instruction_once() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(created(acme.ana(), instruction(i % 2 == 0 ? "17600" : "22222", String.format("91%06d", i),
                    1_000 + i)));
        }

        List<JsonNode> reports = Race.run(acme.environment(), acme.services(), 2, (wiring, index) -> run(wiring));

        List<String> carriedByRuns = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (JsonNode report : reports) {
            report.get("remessas").forEach(r -> {
                accounts.add(r.get("account").asText());
                carriedByRuns.addAll(texts(r.get("instructions")));
            });
        }
        assertThat(accounts).containsExactlyInAnyOrder("341/4459/17600/REMESSA/COBRANCA/CNAB240",
                "341/4459/22222/REMESSA/COBRANCA/CNAB240");
        assertThat(acme.outbound()).hasSize(2);
        assertThat(carriedByRuns).containsExactlyInAnyOrderElementsOf(all);
        assertThat(ids(list(acme.ana(), "CARRIED"))).containsExactlyInAnyOrderElementsOf(all);
        assertThat(list(acme.ana(), "PENDING").get("items")).isEmpty();
    }

    @Test
    void the_same_idempotency_key_creates_one_instruction() {
        String body = instruction("17600", "90000001", 10_000).toString();
        APIGatewayV2HTTPResponse once = acme.ana().call(CREATE, Events.body(body));
        APIGatewayV2HTTPResponse again = acme.ana().call(CREATE, Events.body(body));
        assertThat(json(again, 201).get("id").asText()).isEqualTo(json(once, 201).get("id").asText());
        assertThat(list(acme.ana(), "PENDING").get("items")).hasSize(1);
    }

    @Test
    void bad_input_is_refused_and_another_companys_instruction_is_not_found() {
        ObjectNode unknownBank = instruction("17600", "90000001", 10_000).put("bankCode", "999");
        assertThat(json(post(acme.ana(), unknownBank), 400).get("detail").asText()).contains("bankCode");
        ObjectNode noTitle = instruction("17600", "90000001", 10_000);
        noTitle.remove("title");
        assertThat(json(post(acme.ana(), noTitle), 400).get("detail").asText()).contains("title: obrigatório");
        ObjectNode withNsa = instruction("17600", "90000001", 10_000);
        ((ObjectNode) withNsa.get("header")).put("sequenceNumber", 5);
        assertThat(json(post(acme.ana(), withNsa), 400).get("detail").asText()).contains("header.sequenceNumber");
        ObjectNode badDue = instruction("17600", "90000001", 10_000);
        ((ObjectNode) badDue.get("title")).put("dueDate", "10/12/2026");
        assertThat(json(post(acme.ana(), badDue), 400).get("detail").asText()).contains("title.dueDate");
        json(acme.ana().call(LIST, Events.query(Map.of("status", "WAITING"))), 400);
        // wider than Itaú 240's seu número (10): refused now, not by every scheduled run of the account
        ObjectNode tooWide = instruction("17600", "90000001", 10_000);
        ((ObjectNode) tooWide.get("title")).put("yourNumber", "NF-00000001");
        assertThat(json(post(acme.ana(), tooWide), 400).get("detail").asText()).contains("title.yourNumber")
                .contains("10");
        assertThat(list(acme.ana(), "PENDING").get("items")).isEmpty();

        String mine = created(acme.ana(), instruction("17600", "90000001", 10_000));
        Api globex = Api.admin(acme.services(), "globex");
        json(cancel(globex, mine), 404);
        assertThat(json(globex.call(LIST, e -> { }), 200).get("items")).isEmpty();
        json(cancel(acme.ana(), "not-an-id"), 404);
        // another user of the company who is not an administrator may not cancel it
        json(cancel(Api.user(acme.services(), "acme", "bob", "Bob Lima"), mine), 403);
        assertThat(list(acme.ana(), "PENDING").get("items")).singleElement()
                .satisfies(i -> assertThat(i.get("cancellable").asBoolean()).isTrue());
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static ObjectNode instruction(String account, String ourNumber, long amountCents) {
        return Instructions.title(account, ourNumber, amountCents);
    }

    private static JsonNode run(Services wiring) {
        return Instructions.runNow(wiring);
    }

    private byte[] object(String key) {
        return HistoryEnvironment.get(acme.services(), key);
    }
}
