package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Instructions;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.Remessas;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval of generated remessas (alçadas): the tenant's rules ({@code PUT /settings/approvals}), a pagamento
 * remessa above the threshold recorded by Ingest as waiting, the approvers emailed once each, their decisions
 * ({@code POST /integrations/{id}/approve}, {@code /reject}) and what waits for each ({@code GET /approvals}),
 * with the races that must move the money once. Events from {@code events/} through the handlers, against
 * DynamoDB Local, s3proxy and aws-ses-v2-local.
 */
class ApprovalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENERATE = "api-create-remittance.json";
    private static final String APPROVE = "api-approve-integration.json";
    private static final String REJECT = "api-reject-integration.json";

    private static HistoryEnvironment environment;
    private Services services;
    private Api admin;
    private Api ana;
    private Api bia;
    private Api caio;
    private Api dora;
    private Api eva;

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
        admin = Api.admin(services, "acme");
        ana = Api.user(services, "acme", "ana", "Ana Souza");
        bia = Api.user(services, "acme", "bia", "Beatriz Lima");
        caio = Api.user(services, "acme", "caio", "Caio Prado");
        dora = Api.user(services, "acme", "dora", "Dora Reis");
        eva = Api.user(services, "acme", "eva", "Eva Campos");
        // up to R$ 1.000,00 no approval; up to R$ 10.000,00 one; above, two
        json(admin.call("api-put-approval-settings.json", Events.body(rules("[]").toString())), 200);
    }

    @Test
    void the_instructions_of_a_scheduled_remessa_rejected_in_its_approval_are_cancelled_saying_so() {
        // every cobrança remessa needs one approval
        json(admin.call("api-put-approval-settings.json", Events.body(rules(
                "[{\"upToCents\": null, \"approvals\": 1}]").toString())), 200);
        String a1 = Instructions.created(ana, Instructions.title("17600", "90000001", 10_000));
        JsonNode remessa = Instructions.runNow(services).get("remessas").get(0);
        String recordId = Api.deliver(services, "s3-put-outbound.json", remessa.get("key").asText(),
                "2026-11-23T19:30:05.000Z");
        assertThat(admin.record(recordId).get("status").asText()).isEqualTo("AWAITING_APPROVAL");

        json(bia.onRecord(REJECT, recordId, "/reject", e -> { }), 200);

        assertThat(Instructions.list(ana, "CANCELLED").get("items")).singleElement().satisfies(i -> {
            assertThat(i.get("id").asText()).isEqualTo(a1);
            assertThat(i.get("cancellation").get("reason").asText()).contains(remessa.get("fileName").asText())
                    .contains("reprovada na aprovação");
            assertThat(i.get("cancellation").get("byUserId").asText()).isEqualTo("bia");
        });
        assertThat(Instructions.runNow(services).get("remessas")).isEmpty(); // nothing left to carry
    }

    @Test
    void a_payment_above_the_threshold_waits_for_two_approvers_other_than_its_creator() {
        JsonNode generated = json(bia.call(GENERATE, Events.body(pagamento(1_500_000).toString())), 202);
        assertThat(generated.get("recordStatus").asText()).isEqualTo("AWAITING_APPROVAL");
        String id = Api.deliver(services, "s3-put-outbound.json", generated.get("key").asText(),
                "2026-11-23T13:10:05.000Z");

        JsonNode waiting = bia.record(id);
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(waiting.get("statusLabel").asText()).isEqualTo("Aguardando aprovação");
        assertThat(waiting.get("approval").get("required").asInt()).isEqualTo(2);
        assertThat(waiting.get("approval").get("rule").asText()).contains("acima de R$ 10.000,00").contains("2 aprovações");
        // the approvers but its creator are emailed, once each, however often the object is delivered
        Api.deliverOnce(services, "s3-put-outbound.json", generated.get("key").asText(), "2026-11-23T13:10:05.000Z");
        assertThat(emailsOf(id)).hasSize(3);
        assertThat(emailsTo(id)).contains("caio@acme.com.br").contains("dora@acme.com.br")
                .contains("eva@acme.com.br").doesNotContain("bia@acme.com.br");
        assertThat(emailsOf(id).get(0).get("subject").asText()).startsWith("Remessa de Pagamento").contains("aguarda sua aprovação");

        // the creator may not approve it, nor anyone outside the approver group
        assertThat(json(approve(bia, id), 403).get("detail").asText()).contains("Quem criou a remessa").contains("2 aprovações");
        assertThat(json(approve(ana, id), 403).get("detail").asText()).contains("aprovadores cadastrados");
        assertThat(json(approve(admin, id), 403).get("detail").asText()).contains("aprovadores cadastrados");
        assertThat(ids(caio)).containsExactly(id);
        assertThat(ids(bia)).isEmpty();

        JsonNode first = json(approve(caio, id), 200);
        assertThat(first.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(first.get("approval").get("approvals")).hasSize(1);
        // the same approver again counts once (idempotent, 200)
        assertThat(json(approve(caio, id), 200).get("approval").get("approvals")).hasSize(1);
        assertThat(ids(caio)).isEmpty();
        assertThat(ids(dora)).containsExactly(id);

        JsonNode released = json(approve(dora, id), 200);
        assertThat(released.get("status").asText()).isEqualTo("APPROVED");
        assertThat(released.get("statusLabel").asText()).isEqualTo("Aprovada");
        assertThat(released.get("approval").get("approvals")).extracting(a -> a.get("userId").asText())
                .containsExactly("caio", "dora");
        // after the release: the approvers who decided get the same answer, anyone else 409
        assertThat(json(approve(caio, id), 200).get("status").asText()).isEqualTo("APPROVED");
        assertThat(json(approve(eva, id), 409).get("detail").asText()).contains("já foi aprovada");
        assertThat(json(reject(eva, id, "tarde demais"), 409).get("detail").asText()).contains("já foi aprovada");

        JsonNode history = bia.record(id).get("statusHistory");
        assertThat(history).extracting(h -> h.get("to").asText() + ":" + h.get("byUserId").asText())
                .containsExactly("AWAITING_APPROVAL:bia", "AWAITING_APPROVAL:caio", "APPROVED:dora");
        assertThat(history.get(2).get("reason").asText()).contains("Aprovação 2 de 2");
        assertThat(emailsOf(id)).hasSize(3);
    }

    @Test
    void the_detail_tells_each_caller_whether_they_may_decide_and_why_not_in_the_rules_words() {
        String id = waiting(bia, 1_500_000);

        JsonNode creator = bia.record(id).get("approval");
        assertThat(creator.get("canDecide").asBoolean()).isFalse();
        assertThat(creator.get("cannotDecideReason").asText())
                .startsWith("Quem criou a remessa não pode aprová-la nem reprová-la").contains("2 aprovações");
        JsonNode outsider = ana.record(id).get("approval");
        assertThat(outsider.get("canDecide").asBoolean()).isFalse();
        assertThat(outsider.get("cannotDecideReason").asText()).contains("aprovadores cadastrados");
        JsonNode approver = caio.record(id).get("approval");
        assertThat(approver.get("canDecide").asBoolean()).isTrue();
        assertThat(approver.get("cannotDecideReason").isNull()).isTrue();
        // the same checks refuse the decision itself, in its own words
        assertThat(json(approve(bia, id), 403).get("detail").asText()).startsWith("Quem criou a remessa não pode aprová-la:");
        assertThat(json(reject(ana, id, "sem alçada"), 403).get("detail").asText())
                .isEqualTo(outsider.get("cannotDecideReason").asText());

        // one approval in: caio may still reject while it waits (approving again counts once); released, nobody decides
        json(approve(caio, id), 200);
        assertThat(caio.record(id).get("approval").get("canDecide").asBoolean()).isTrue();
        json(approve(dora, id), 200);
        JsonNode released = eva.record(id).get("approval");
        assertThat(released.get("canDecide").asBoolean()).isFalse();
        assertThat(released.get("cannotDecideReason").asText()).startsWith("Esta remessa já foi aprovada (2 de 2")
                .contains("não pode mais ser aprovada nem reprovada");
        assertThat(json(reject(eva, id, "tarde demais"), 409).get("detail").asText())
                .contains("não pode mais ser reprovada.");
        // the list rows carry the approval without the caller's view of it
        assertThat(json(caio.call("api-list-integrations.json", e -> { }), 200).get("items"))
                .filteredOn(i -> i.get("id").asText().equals(id))
                .allSatisfy(i -> assertThat(i.get("approval").has("canDecide")).isFalse());
    }

    @Test
    void a_payment_below_the_threshold_is_released_as_today_and_has_nothing_to_approve() {
        JsonNode generated = json(bia.call(GENERATE, Events.body(pagamento(50_000).toString())), 202);
        assertThat(generated.get("recordStatus").asText()).isEqualTo("GENERATED");
        String id = Api.deliver(services, "s3-put-outbound.json", generated.get("key").asText(),
                "2026-11-23T13:10:05.000Z");
        JsonNode record = bia.record(id);
        assertThat(record.get("status").asText()).isEqualTo("GENERATED");
        assertThat(record.get("approval").isNull()).isTrue();
        assertThat(json(approve(caio, id), 409).get("detail").asText()).contains("não aguarda aprovação");
        assertThat(emailsOf(id)).isEmpty();
    }

    @Test
    void one_rejection_with_its_reason_ends_it_and_an_approval_after_it_is_409() {
        String id = waiting(bia, 500_000); // one approval needed
        String bad = json(reject(caio, id, ""), 400).get("detail").asText();
        assertThat(bad).startsWith("reason:");
        assertThat(json(reject(bia, id, "desisti"), 403).get("detail").asText()).contains("Quem criou a remessa");
        assertThat(bia.record(id).get("status").asText()).isEqualTo("AWAITING_APPROVAL");

        JsonNode rejected = json(reject(caio, id, "Fornecedor ainda não entregou"), 200);
        assertThat(rejected.get("status").asText()).isEqualTo("APPROVAL_REJECTED");
        assertThat(rejected.get("statusLabel").asText()).isEqualTo("Reprovada");
        assertThat(rejected.get("approval").get("rejection").get("reason").asText())
                .isEqualTo("Fornecedor ainda não entregou");
        assertThat(json(approve(dora, id), 409).get("detail").asText()).contains("foi reprovada por Caio Prado");
        assertThat(json(reject(dora, id, "também"), 409).get("detail").asText()).contains("foi reprovada");

        JsonNode record = bia.record(id);
        assertThat(record.get("titlesFreeForNewRemittance").asBoolean()).isTrue();
        assertThat(record.get("cancellable").asBoolean()).isFalse();
        assertThat(record.get("statusHistory").get(1).get("reason").asText()).contains("Fornecedor ainda não entregou");
        assertThat(record.get("statusHistory").get(1).get("byUserId").asText()).isEqualTo("caio");
        // its payments may go in a new remessa at once: the rejected one no longer holds them
        json(bia.call(GENERATE, Events.body(pagamento(500_000).toString())), 202);
    }

    @Test
    void a_remessa_awaiting_approval_may_be_cancelled_by_its_creator_and_then_nobody_approves_it() {
        String id = waiting(bia, 1_500_000);
        JsonNode cancelled = json(bia.onRecord("api-cancel-remessa.json", id, "/cancel",
                Events.body("{\"reason\": \"valores errados\"}").andThen(Events.header("idempotency-key", null))), 200);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("effect").asText()).contains("antes de ser aprovada");
        assertThat(json(approve(caio, id), 409).get("detail").asText()).contains("não aguarda aprovação");
        assertThat(ids(caio)).isEmpty();
    }

    @Test
    void two_approvers_at_once_each_count_once_and_release_it_once() throws Exception {
        String id = waiting(bia, 1_500_000);
        List<Integer> answers = Race.run(environment, services, 2, (wiring, index) -> Api.user(wiring, "acme",
                index == 0 ? "caio" : "dora", index == 0 ? "Caio Prado" : "Dora Reis")
                .onRecord(APPROVE, id, "/approve", e -> { }).getStatusCode());
        assertThat(answers).containsExactly(200, 200);
        JsonNode record = bia.record(id);
        assertThat(record.get("status").asText()).isEqualTo("APPROVED");
        assertThat(record.get("approval").get("approvals")).extracting(a -> a.get("userId").asText())
                .containsExactlyInAnyOrder("caio", "dora");
        assertThat(record.get("statusHistory")).filteredOn(h -> h.get("to").asText().equals("APPROVED")).hasSize(1);
    }

    @Test
    void an_approval_and_a_rejection_at_once_exactly_one_wins() throws Exception {
        String id = waiting(bia, 500_000); // one approval releases it
        List<Integer> answers = Race.run(environment, services, 2, (wiring, index) -> index == 0
                ? Api.user(wiring, "acme", "caio", "Caio Prado").onRecord(APPROVE, id, "/approve", e -> { })
                        .getStatusCode()
                : Api.user(wiring, "acme", "dora", "Dora Reis").onRecord(REJECT, id, "/reject", e -> { })
                        .getStatusCode());
        assertThat(answers).containsExactlyInAnyOrder(200, 409);
        JsonNode record = bia.record(id);
        assertThat(record.get("status").asText()).isEqualTo(answers.get(0) == 200 ? "APPROVED" : "APPROVAL_REJECTED");
        assertThat(record.get("statusHistory")).hasSize(2);
    }

    @Test
    void the_same_approver_from_two_sandboxes_at_once_counts_once() throws Exception {
        String id = waiting(bia, 1_500_000);
        List<Integer> answers = Race.run(environment, services, 2, (wiring, index) ->
                Api.user(wiring, "acme", "caio", "Caio Prado").onRecord(APPROVE, id, "/approve", e -> { })
                        .getStatusCode());
        assertThat(answers).containsExactly(200, 200);
        JsonNode record = bia.record(id);
        assertThat(record.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(record.get("approval").get("approvals")).hasSize(1);
        assertThat(record.get("statusHistory")).hasSize(2);
    }

    @Test
    void a_scheduled_cobranca_remessa_waits_when_the_tenant_opted_in_and_its_instructions_creator_may_not_approve() {
        json(admin.call("api-put-approval-settings.json",
                Events.body(rules("[{\"approvals\": 1}]").toString())), 200);
        json(bia.call("api-create-instruction.json", Events.header("idempotency-key", UUID.randomUUID().toString())),
                201);
        JsonNode run = JSON.valueToTree(new ScheduleHandler(services.schedule()).handleRequest(
                Events.plain("schedule-run.json", e -> { }), null));
        String key = run.get("remessas").get(0).get("key").asText();
        String id = Api.deliver(services, "s3-put-outbound.json", key, "2026-11-23T19:30:05.000Z");

        JsonNode record = admin.record(id);
        assertThat(record.get("userName").asText()).isEqualTo("Integração");
        assertThat(record.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(record.get("approval").get("rule").asText()).startsWith("Remessa de cobrança de qualquer valor");
        json(approve(bia, id), 403);
        assertThat(json(approve(caio, id), 200).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void approval_settings_are_for_admins_and_a_bad_rule_is_refused_naming_its_field() {
        assertThat(json(bia.call("api-get-approval-settings.json", e -> { }), 403).get("detail").asText())
                .contains("administradores");
        json(bia.call("api-put-approval-settings.json", Events.body(rules("[]").toString())), 403);
        assertThat(problem(b -> ((ObjectNode) b.withArray("pagamento").get(2)).put("upToCents", 9)))
                .startsWith("pagamento[2].upToCents:");
        assertThat(problem(b -> ((ObjectNode) b.withArray("pagamento").get(1)).put("upToCents", 100_000)))
                .startsWith("pagamento[1].upToCents:").contains("maior");
        assertThat(problem(b -> ((ObjectNode) b.withArray("pagamento").get(1)).remove("upToCents")))
                .startsWith("pagamento[1].upToCents:").contains("obrigatório");
        assertThat(problem(b -> ((ObjectNode) b.withArray("pagamento").get(2)).put("approvals", 5)))
                .startsWith("pagamento[2].approvals:").contains("aprovador");
        assertThat(problem(b -> ((ObjectNode) b.withArray("pagamento").get(2)).put("approvals", "dois")))
                .startsWith("pagamento[2].approvals:");
        assertThat(problem(b -> ((ObjectNode) b.withArray("approvers").get(1)).put("email", "caio@")))
                .startsWith("approvers[1].email:");
        assertThat(problem(b -> ((ObjectNode) b.withArray("approvers").get(1)).put("userId", "bia")))
                .startsWith("approvers[1].userId:").contains("já está");
        assertThat(problem(b -> ((ObjectNode) b.withArray("approvers").get(0)).put("role", "x")))
                .contains("approvers[0]").contains("role");
        assertThat(problem(b -> b.put("pagamentos", "[]"))).contains("pagamentos");
        // nothing of a refused body was kept
        JsonNode kept = json(admin.call("api-get-approval-settings.json", e -> { }), 200);
        assertThat(kept.get("approvers")).hasSize(4);
        assertThat(kept.get("pagamento")).extracting(t -> t.get("approvals").asInt()).containsExactly(0, 1, 2);
        assertThat(kept.get("pagamento").get(2).get("upToCents").isNull()).isTrue();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static ObjectNode rules(String cobranca) {
        return Remessas.approvalRules(cobranca);
    }

    private String problem(java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode body = rules("[]");
        edit.accept(body);
        return json(admin.call("api-put-approval-settings.json", Events.body(body.toString())), 400)
                .get("detail").asText();
    }

    private static ObjectNode pagamento(long cents) {
        return Remessas.pagamento(cents);
    }

    /** A pagamento remessa of {@code cents} generated by {@code who} and recorded, waiting for approval. */
    private String waiting(Api who, long cents) {
        JsonNode generated = json(who.call(GENERATE, Events.body(pagamento(cents).toString())), 202);
        String id = Api.deliver(services, "s3-put-outbound.json", generated.get("key").asText(),
                "2026-11-23T13:10:05.000Z");
        assertThat(who.record(id).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        return id;
    }

    private static APIGatewayV2HTTPResponse approve(Api who, String id) {
        return who.onRecord(APPROVE, id, "/approve", e -> { });
    }

    private static APIGatewayV2HTTPResponse reject(Api who, String id, String reason) {
        return who.onRecord(REJECT, id, "/reject", Events.body(JSON.createObjectNode().put("reason", reason)
                .toString()));
    }

    private static List<String> ids(Api who) {
        List<String> ids = new ArrayList<>();
        json(who.call("api-list-approvals.json", e -> { }), 200).get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static List<JsonNode> emailsOf(String recordId) {
        return environment.emails().stream()
                .filter(e -> e.get("body").get("text").asText().contains(recordId)).toList();
    }

    private static String emailsTo(String recordId) {
        StringBuilder to = new StringBuilder();
        emailsOf(recordId).forEach(e -> to.append(e.get("destination").get("to")).append(' '));
        return to.toString();
    }
}
