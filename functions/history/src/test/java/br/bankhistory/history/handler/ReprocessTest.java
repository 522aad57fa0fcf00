package br.bankhistory.history.handler;

import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reprocessing a retorno rebuilds its reconciliation instead of wiping it: the same links in the same order of
 * application, the remessa's side answered once, and every step a first processing runs (the email of an
 * automatic file included), once; a retorno that no longer counts gives its remessas their status back.
 */
class ReprocessTest {

    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.emailingFinanceAfterCaixaRemessa();

    @Test
    void a_reconciled_retorno_reprocessed_keeps_its_links_and_its_place_before_later_retornos() {
        String first = drop("caixa.ret", retorno(1622), "2026-11-22T12:00:00.000Z");
        // the same events again under another NSA: a later retorno that only repeats them
        String later = drop("caixa-1623.ret", retorno(1623), "2026-11-22T13:00:00.000Z");
        assertThat(items(later)).allSatisfy(i -> assertThat(i.get("reconciliation").get("status").asText())
                .isEqualTo("REPEATED"));
        int emailsBefore = emails().size();

        json(acme.admin().onRecord("api-reprocess-integration.json", first, "/reprocess", e -> { }), 200);
        acme.environment().runFollowUps(acme.services());
        acme.environment().runFollowUps(acme.services()); // a repeated follow-up changes nothing

        List<JsonNode> titles = items(first);
        assertThat(titles.get(0).get("reconciliation").get("status").asText()).isEqualTo("MATCHED");
        assertThat(titles.get(0).get("reconciliation").get("integrationId").asText()).isEqualTo(acme.caixaRemessa());
        assertThat(titles.subList(1, titles.size())).allSatisfy(i -> assertThat(i.get("reconciliation").get("status")
                .asText()).isEqualTo("NOT_FOUND"));
        assertThat(items(later)).allSatisfy(i -> assertThat(i.get("reconciliation").get("integrationId").asText())
                .isEqualTo(first));
        JsonNode sent = items(acme.caixaRemessa()).get(0);
        assertThat(sent.get("answers")).singleElement().satisfies(a ->
                assertThat(a.get("integrationId").asText()).isEqualTo(first));
        assertThat(record(acme.caixaRemessa()).get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
        assertThat(record(first).get("findings").toString()).doesNotContain("EVENTS_REPEATED");
        // the reprocessing told the admins once, as a processed retorno
        assertThat(emails()).hasSize(emailsBefore + 1);
        assertThat(emails().get(emailsBefore).get("subject").asText()).contains("caixa.ret");
    }

    @Test
    void a_suspect_retorno_reprocessed_into_processed_is_reconciled_and_emailed_once() {
        // only another account is registered: caixa.ret (its header names bank 104, convênio 043210) is suspect
        json(acme.admin().call("api-put-account-settings.json", Events.body(
                "{\"accounts\":[{\"bankCode\":\"341\",\"agency\":\"4459\",\"account\":\"17600\"}]}")), 200);
        String id = drop("caixa.ret", retorno(1622), "2026-11-22T12:00:00.000Z");
        assertThat(record(id).get("status").asText()).isEqualTo("SUSPECT");
        assertThat(items(id)).allSatisfy(i -> assertThat(i.get("reconciliation").isNull()).isTrue());
        assertThat(emails()).hasSize(1);

        json(acme.admin().call("api-put-account-settings.json", Events.body(
                "{\"accounts\":[{\"bankCode\":\"104\",\"agreement\":\"043210\"}]}")), 200);
        JsonNode after = json(acme.admin().onRecord("api-reprocess-integration.json", id, "/reprocess", e -> { }), 200);
        assertThat(after.get("status").asText()).isEqualTo("PROCESSED");
        acme.environment().runFollowUps(acme.services());
        acme.environment().runFollowUps(acme.services());

        assertThat(items(id).get(0).get("reconciliation").get("integrationId").asText()).isEqualTo(acme.caixaRemessa());
        assertThat(record(acme.caixaRemessa()).get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
        assertThat(emails()).hasSize(2);
        assertThat(emails().get(1).get("subject").asText()).doesNotContain("não processado");
    }

    @Test
    void a_retorno_reprocessed_into_suspect_gives_its_remessa_back_its_status() {
        String id = drop("caixa.ret", retorno(1622), "2026-11-22T12:00:00.000Z");
        assertThat(record(acme.caixaRemessa()).get("status").asText()).isEqualTo("PROCESSED_BY_BANK");

        // the company now registers only another account: the file is not its own any more
        json(acme.admin().call("api-put-account-settings.json", Events.body(
                "{\"accounts\":[{\"bankCode\":\"341\",\"agency\":\"4459\",\"account\":\"17600\"}]}")), 200);
        JsonNode after = json(acme.admin().onRecord("api-reprocess-integration.json", id, "/reprocess", e -> { }), 200);
        assertThat(after.get("status").asText()).isEqualTo("SUSPECT");
        acme.environment().runFollowUps(acme.services());

        JsonNode back = record(acme.caixaRemessa());
        assertThat(back.get("status").asText()).isEqualTo("SENT");
        assertThat(back.get("statusHistory").get(back.get("statusHistory").size() - 1).get("reason").asText())
                .contains("caixa.ret").contains("reprocessado");
        assertThat(items(acme.caixaRemessa()).get(0).get("answers")).isEmpty();
        assertThat(items(id)).allSatisfy(i -> assertThat(i.get("reconciliation").isNull()).isTrue());
    }

    @Test
    void six_admins_reprocessing_one_retorno_at_once_leave_it_answering_its_remessa_once() throws Exception {
        String id = drop("caixa.ret", retorno(1622), "2026-11-22T12:00:00.000Z");
        int emailsBefore = emails().size();

        // six sandboxes, each with its own wiring, all starting together
        List<Integer> statuses = Race.run(acme.environment(), acme.services(), 6,
                (wiring, i) -> Api.admin(wiring, "acme")
                        .onRecord("api-reprocess-integration.json", id, "/reprocess", e -> { }).getStatusCode());
        acme.environment().runFollowUps(acme.services());
        acme.environment().runFollowUps(acme.services());

        // each one either reprocessed it or was told another retorno of the bank was being applied
        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 409)).contains(200);
        long reprocessed = statuses.stream().filter(status -> status == 200).count();
        JsonNode history = record(id).get("statusHistory");
        long entries = 0;
        for (JsonNode change : history) {
            entries += change.get("reason").asText().startsWith("Reprocessado") ? 1 : 0;
        }
        assertThat(entries).isEqualTo(reprocessed);
        // whatever the interleaving, the title is linked once and answers the remessa once
        assertThat(items(id).get(0).get("reconciliation").get("integrationId").asText()).isEqualTo(acme.caixaRemessa());
        assertThat(items(acme.caixaRemessa()).get(0).get("answers")).singleElement().satisfies(a ->
                assertThat(a.get("integrationId").asText()).isEqualTo(id));
        assertThat(record(acme.caixaRemessa()).get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
        // one email per reprocessing result at most, and at least the last one's
        assertThat(emails().size() - emailsBefore).isBetween(1, (int) reprocessed);
    }

    private static byte[] retorno(int nsa) {
        String text = new String(Samples.bytes("laravel-boleto/caixa.ret"), StandardCharsets.ISO_8859_1)
                .replaceFirst("24000000011136997", "14000000000000123");
        return (text.substring(0, 157) + String.format("%06d", nsa) + text.substring(163))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private String drop(String name, byte[] bytes, String eventTime) {
        return Api.drop(acme.services(), "acme", name, bytes, eventTime);
    }

    private JsonNode record(String id) {
        return acme.admin().record(id);
    }

    private List<JsonNode> items(String id) {
        return acme.admin().items(id);
    }

    private List<JsonNode> emails() {
        return acme.environment().emails();
    }
}
