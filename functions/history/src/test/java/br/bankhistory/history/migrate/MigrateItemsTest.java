package br.bankhistory.history.migrate;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.CaixaCobranca;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.FormerLayout;
import br.bankhistory.history.support.HistoryEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static br.bankhistory.history.support.CaixaCobranca.number;
import static br.bankhistory.history.support.CaixaCobranca.numbers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records of the former layout (one DynamoDB item per title, nothing in the title index) are moved by
 * {@code MigrateItems}: they page as before, the search and reconciliation find them, the old items are gone,
 * a second run changes nothing and a dry run writes nothing.
 */
class MigrateItemsTest {

    /** More than one chunk: the remessa's items straddle chunks 0 and 1. */
    private static final int TITLES = 1_200;

    private static HistoryEnvironment environment;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @Test
    void records_of_the_former_layout_page_as_before_and_are_found_and_reconciled_after_migrating() {
        Services services = environment.freshServices();
        Api admin = Api.admin(services, "acme");
        String remessa = CaixaCobranca.remessa(services, numbers(1, TITLES));
        // the bank liquidated titles 1 to 3
        String retorno = CaixaCobranca.retorno(services, "RET-1622.ret", numbers(1, 3), 1622,
                "2026-11-25T12:00:00.000Z");
        int remessaItems = FormerLayout.rewrite(services, "acme", remessa);
        int retornoItems = FormerLayout.rewrite(services, "acme", retorno);
        assertThat(remessaItems).isGreaterThan(1_000);

        List<JsonNode> remessaBefore = allItems(admin, remessa);
        List<JsonNode> retornoBefore = allItems(admin, retorno);
        assertThat(remessaBefore).hasSize(remessaItems);
        assertThat(retornoBefore.get(0).get("reconciliation").get("status").asText()).isEqualTo("MATCHED");
        assertThat(searchHits(admin, number(2))).as("the former layout is not in the title index").isEmpty();

        ItemMigration.Summary dry = services.itemMigration().run(new ItemMigration.Options(true, List.of("acme")));
        assertThat(dry).isEqualTo(new ItemMigration.Summary(2, remessaItems + retornoItems, 0, 0));
        assertThat(FormerLayout.count(services, "acme", remessa)).isEqualTo(remessaItems);
        assertThat(FormerLayout.hasObjects(services, "acme", remessa)).isFalse();
        assertThat(FormerLayout.hasObjects(services, "acme", retorno)).isFalse();
        assertThat(searchHits(admin, number(2))).isEmpty();

        ItemMigration.Summary moved = services.itemMigration().run(new ItemMigration.Options(false,
                List.of("acme", "globex")));
        assertThat(moved).isEqualTo(new ItemMigration.Summary(2, remessaItems + retornoItems, 0, 0));
        assertThat(FormerLayout.count(services, "acme", remessa)).isZero();
        assertThat(FormerLayout.count(services, "acme", retorno)).isZero();
        assertThat(FormerLayout.hasObjects(services, "acme", remessa)).isTrue();
        assertSamePages(allItems(admin, remessa), remessaBefore);
        assertSamePages(allItems(admin, retorno), retornoBefore);
        assertThat(searchHits(admin, number(2))).extracting(hit -> hit.get("integration").get("id").asText())
                .containsExactlyInAnyOrder(remessa, retorno);
        assertThat(searchHits(admin, number(1_100))).extracting(hit -> hit.get("integration").get("id").asText())
                .containsExactly(remessa);

        // a second run finds nothing to move, and the records page the same
        List<JsonNode> remessaAfter = allItems(admin, remessa);
        assertThat(services.itemMigration().run(new ItemMigration.Options(false, List.of("acme"))))
                .isEqualTo(new ItemMigration.Summary(0, 0, 0, 0));
        assertThat(allItems(admin, remessa)).isEqualTo(remessaAfter);

        // a new retorno answering the migrated remessa: title 2 again (reported by the migrated retorno), 1,100
        String next = CaixaCobranca.retorno(services, "RET-1623.ret", List.of(number(2), number(1_100)), 1623,
                "2026-11-26T12:00:00.000Z");
        List<JsonNode> answered = allItems(admin, next);
        JsonNode repeated = answered.get(0).get("reconciliation");
        assertThat(repeated.get("status").asText()).isEqualTo("REPEATED");
        assertThat(repeated.get("integrationId").asText()).isEqualTo(retorno);
        JsonNode matched = answered.get(1).get("reconciliation");
        assertThat(matched.get("status").asText()).isEqualTo("MATCHED");
        assertThat(matched.get("integrationId").asText()).isEqualTo(remessa);
        JsonNode title = allItems(admin, remessa).stream().filter(i -> i.get("ourNumber").asText()
                .equals(number(1_100))).findFirst().orElseThrow();
        assertThat(title.get("answers").findValuesAsText("integrationId")).containsExactly(next);
    }

    @Test
    void arguments_name_the_dry_run_and_the_tenants() {
        assertThat(MigrateItems.parse(new String[] {"--dry-run", "--tenant", "acme", "--tenant", "globex"}))
                .isEqualTo(new ItemMigration.Options(true, List.of("acme", "globex")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MigrateItems.parse(new String[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tenant");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MigrateItems.parse(new String[] {"--tenant"}))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MigrateItems.parse(new String[] {"--all"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The same items, fields and links; a link of the former layout did not keep the other file's line (it
     * reads 0), which the migrated link names again.
     */
    private static void assertSamePages(List<JsonNode> after, List<JsonNode> before) {
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(withoutLinkLines(after.get(i))).as("item %d", i + 1).isEqualTo(withoutLinkLines(before.get(i)));
        }
    }

    private static JsonNode withoutLinkLines(JsonNode item) {
        ObjectNode copy = item.deepCopy();
        List<JsonNode> links = new ArrayList<>(copy.findValues("reconciliation"));
        copy.withArray("answers").forEach(links::add);
        for (JsonNode link : links) {
            if (link instanceof ObjectNode o) {
                o.remove("line");
            }
        }
        return copy;
    }

    /** Every item of the record, page by page through GET /integrations/{id}/items. */
    private static List<JsonNode> allItems(Api admin, String id) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            JsonNode page = json(admin.onRecord("api-list-items.json", id, "/items",
                    Events.query(after == null ? Map.of("limit", "500") : Map.of("limit", "500", "cursor", after))), 200);
            page.get("items").forEach(out::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return out;
    }

    private static List<JsonNode> searchHits(Api admin, String ourNumber) {
        List<JsonNode> hits = new ArrayList<>();
        json(admin.call("api-find-items.json", Events.query(Map.of("ourNumber", ourNumber))), 200).get("items")
                .forEach(hits::add);
        return hits;
    }
}
