package br.bankhistory.history.handler;

import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.Instructions;
import br.bankhistory.history.support.Race;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static br.bankhistory.history.support.Api.json;
import static br.bankhistory.history.support.Instructions.created;
import static br.bankhistory.history.support.Instructions.ids;
import static br.bankhistory.history.support.Instructions.list;
import static br.bankhistory.history.support.Instructions.title;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-tenant schedule ({@code GET}/{@code PUT /settings/schedule}, admins only) and the scheduled invocation
 * ({@code events/schedule-run.json} at its {@code scheduledTime}), which runs an account only when its day and time
 * have come and its slot has not run; "run now" ({@code events/schedule-run-now.json}) runs whatever the time.
 */
class ScheduleSlotsTest {

    private static final String GET = "api-get-schedule-settings.json";
    private static final String PUT = "api-put-schedule-settings.json";
    private static final String A = "341/4459/17600/REMESSA";
    private static final String B = "341/4459/22222/REMESSA";
    /** The event's own schedule: weekdays at 16:30, account 22222 Mondays, Wednesdays and Fridays at 10:00. */
    private static final String MONDAY_0945 = "2026-11-23T12:45:00Z";
    private static final String MONDAY_1000 = "2026-11-23T13:00:00Z";
    private static final String MONDAY_1015 = "2026-11-23T13:15:00Z";
    private static final String MONDAY_1630 = "2026-11-23T19:30:00Z";
    private static final String TUESDAY_1000 = "2026-11-24T13:00:00Z";
    private static final String WEDNESDAY_1000 = "2026-11-25T13:00:00Z";
    private static final String SUNDAY_0300 = "2026-11-29T06:00:00Z";

    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.withoutEmails();

    @Test
    void an_admin_reads_the_default_and_replaces_it_per_account() {
        JsonNode standard = json(acme.admin().call(GET, e -> { }), 200);
        assertThat(standard.get("timeZone").asText()).isEqualTo("America/Sao_Paulo");
        assertThat(standard.get("days").toString()).isEqualTo("[1,2,3,4,5]");
        assertThat(standard.get("time").asText()).isEqualTo("16:30");
        assertThat(standard.get("accounts")).isEmpty();

        JsonNode saved = json(acme.admin().call(PUT, e -> { }), 200);
        assertThat(saved.get("accounts")).singleElement().satisfies(a -> {
            assertThat(a.get("account").asText()).isEqualTo("22222");
            assertThat(a.get("days").toString()).isEqualTo("[1,3,5]");
            assertThat(a.get("time").asText()).isEqualTo("10:00");
        });
        assertThat(json(acme.admin().call(GET, e -> { }), 200)).isEqualTo(saved);
    }

    @Test
    void only_admins_see_or_change_it() {
        json(acme.admin().call(PUT, e -> { }), 200);
        JsonNode before = json(acme.admin().call(GET, e -> { }), 200);

        assertThat(json(acme.ana().call(GET, e -> { }), 403).get("detail").asText()).contains("administradores");
        json(acme.ana().call(PUT, Events.body("{\"days\": [7], \"time\": \"08:00\"}")), 403);

        assertThat(json(acme.admin().call(GET, e -> { }), 200)).isEqualTo(before);
    }

    @Test
    void a_schedule_that_could_not_run_is_refused_naming_its_field_and_nothing_changes() {
        json(acme.admin().call(PUT, e -> { }), 200);
        JsonNode before = json(acme.admin().call(GET, e -> { }), 200);
        String account = "\"accounts\": [{\"bankCode\": \"341\", \"agency\": \"4459\", \"account\": \"22222\", ";
        String[][] refused = {
                {"{\"days\": [1, 2], \"time\": \"16:40\"}", "time: "},
                {"{\"days\": [1, 2], \"time\": \"25:00\"}", "time: "},
                {"{\"days\": [1, 2], \"time\": 1630}", "time: "},
                {"{\"days\": [1, 2]}", "time: "},
                {"{\"days\": [0, 2], \"time\": \"16:30\"}", "days[0]: "},
                {"{\"days\": [1, 8], \"time\": \"16:30\"}", "days[1]: "},
                {"{\"days\": [1, 1], \"time\": \"16:30\"}", "days[1]: "},
                {"{\"days\": [], \"time\": \"16:30\"}", "days: "},
                {"{\"days\": [\"seg\"], \"time\": \"16:30\"}", "days[0]: "},
                {"{\"time\": \"16:30\"}", "days: "},
                {"{\"days\": [1], \"time\": \"16:30\", \"hour\": 16}", "Campo desconhecido: hour"},
                {"{\"days\": [1], \"time\": \"16:30\", \"timeZone\": \"UTC\"}", "timeZone: "},
                {"{\"days\": [1], \"time\": \"16:30\", " + account + "\"days\": [9], \"time\": \"10:00\"}]}",
                        "accounts[0].days[0]: "},
                {"{\"days\": [1], \"time\": \"16:30\", " + account + "\"days\": [1], \"time\": \"10:05\"}]}",
                        "accounts[0].time: "},
                {"{\"days\": [1], \"time\": \"16:30\", " + account + "\"days\": [1], \"time\": \"10:00\", \"x\": 1}]}",
                        "Campo desconhecido em accounts[0]: x"},
                {"{\"days\": [1], \"time\": \"16:30\", \"accounts\": [{\"bankCode\": \"34\", \"account\": \"1\", "
                        + "\"agency\": \"1\", \"days\": [1], \"time\": \"10:00\"}]}", "accounts[0].bankCode: "},
                {"{\"days\": [1], \"time\": \"16:30\", \"accounts\": [{\"bankCode\": \"341\", \"days\": [1], "
                        + "\"time\": \"10:00\"}]}", "accounts[0].account: "},
                {"{\"days\": [1], \"time\": \"16:30\", " + account + "\"days\": [1], \"time\": \"10:00\"}, "
                        + "{\"bankCode\": \"341\", \"agency\": \"04459\", \"account\": \"22222\", \"days\": [2], "
                        + "\"time\": \"11:00\"}]}", "accounts[1]: "},
        };
        for (String[] bad : refused) {
            JsonNode problem = json(acme.admin().call(PUT, Events.body(bad[0])), 400);
            assertThat(problem.get("detail").asText()).as(bad[0]).startsWith(bad[1]);
        }
        assertThat(json(acme.admin().call(GET, e -> { }), 200)).isEqualTo(before);
    }

    @Test
    void each_account_runs_when_its_slot_comes_once_per_slot_and_run_now_ignores_the_time() {
        json(acme.admin().call(PUT, e -> { }), 200);
        created(acme.ana(), title("17600", "90000001", 10_000));
        String b1 = created(acme.ana(), title("22222", "90000002", 20_000));

        assertThat(due(MONDAY_0945).get("remessas")).isEmpty();
        JsonNode ten = due(MONDAY_1000);
        assertThat(accounts(ten)).containsExactly(B + "/COBRANCA/CNAB240");
        assertThat(ids(list(acme.ana(), "CARRIED"))).containsExactly(b1);

        String b2 = created(acme.ana(), title("22222", "90000003", 30_000));
        JsonNode again = due(MONDAY_1015);
        assertThat(again.get("remessas")).isEmpty();
        assertThat(again.get("skipped")).singleElement().satisfies(s -> assertThat(s.get("reason").asText())
                .contains("already ran"));
        assertThat(accounts(due(MONDAY_1630))).containsExactly(A + "/COBRANCA/CNAB240");
        assertThat(due(TUESDAY_1000).get("remessas")).isEmpty();
        assertThat(accounts(due(WEDNESDAY_1000))).containsExactly(B + "/COBRANCA/CNAB240");
        assertThat(ids(list(acme.ana(), "CARRIED"))).contains(b2);

        created(acme.ana(), title("17600", "90000004", 40_000));
        assertThat(due(SUNDAY_0300).get("remessas")).isEmpty();
        JsonNode now = Instructions.run(acme.services().schedule(), Instructions.RUN_NOW, SUNDAY_0300);
        assertThat(accounts(now)).containsExactly(A + "/COBRANCA/CNAB240");
        assertThat(acme.outbound()).hasSize(4);
    }

    @Test
    void two_scheduled_invocations_at_once_run_each_slot_once() throws Exception {
        for (int i = 0; i < 10; i++) {
            created(acme.ana(), title(i % 2 == 0 ? "17600" : "22222", String.format("92%06d", i), 1_000 + i));
        }

        List<JsonNode> reports = Race.run(acme.environment(), acme.services(), 2, (wiring, index) ->
                Instructions.run(wiring.schedule(), Instructions.RUN_DUE, MONDAY_1630));

        List<String> written = new ArrayList<>();
        reports.forEach(r -> written.addAll(accounts(r)));
        assertThat(written).containsExactlyInAnyOrder(A + "/COBRANCA/CNAB240", B + "/COBRANCA/CNAB240");
        assertThat(acme.outbound()).hasSize(2);
        assertThat(list(acme.ana(), "PENDING").get("items")).isEmpty();
        assertThat(list(acme.ana(), "CARRIED").get("items")).hasSize(10);
        // the slot ran: a third invocation later that afternoon writes nothing
        created(acme.ana(), title("17600", "92000100", 5_000));
        assertThat(due("2026-11-23T20:00:00Z").get("remessas")).isEmpty();
    }

    @Test
    void an_invocation_whose_time_is_no_instant_is_refused_and_writes_nothing() {
        String pending = created(acme.ana(), title("17600", "90000001", 10_000));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> due("23/11/2026 16:30"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheduledTime");

        assertThat(acme.outbound()).isEmpty();
        assertThat(ids(list(acme.ana(), "PENDING"))).containsExactly(pending);
        assertThat(accounts(due(MONDAY_1630))).containsExactly(A + "/COBRANCA/CNAB240");
    }

    private JsonNode due(String at) {
        return Instructions.run(acme.services().schedule(), Instructions.RUN_DUE, at);
    }

    private static List<String> accounts(JsonNode report) {
        List<String> accounts = new ArrayList<>();
        report.get("remessas").forEach(r -> accounts.add(r.get("account").asText()));
        return accounts;
    }
}
