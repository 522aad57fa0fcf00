package br.bankhistory.history.handler;

import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retorno that arrives incomplete (cut in the middle, without its trailers, or with counts its trailers
 * contradict) is kept as "Incompleto": not processed, not reconciled, the admins told; an admin discards it or
 * releases it, and then it is processed once, without the cut record.
 */
class IncompleteRetornoTest {

    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.emailingFinanceAfterCaixaRemessa();

    @Test
    void a_retorno_cut_in_its_fifth_line_is_held_told_and_processed_once_released() {
        // lines 1-4: file header, lote header, the first title's T and U; line 5 (the second title's T) is cut
        List<String> lines = retorno();
        String cut = String.join("\r\n", lines.subList(0, 4)) + "\r\n" + lines.get(4).substring(0, 100);
        String id = drop("caixa-cortado.ret", cut.getBytes(StandardCharsets.ISO_8859_1));

        JsonNode held = record(id);
        assertThat(held.get("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(held.get("statusLabel").asText()).isEqualTo("Incompleto");
        assertThat(codes(held)).contains("TRUNCATED_RECORD", "MISSING_LOTE_TRAILER", "MISSING_FILE_TRAILER");
        assertThat(items(id)).hasSize(2).allSatisfy(i -> assertThat(i.get("reconciliation").isNull()).isTrue());
        assertThat(record(acme.caixaRemessa()).get("status").asText()).as("nothing answered yet").isEqualTo("SENT");
        assertThat(emails()).singleElement().satisfies(e -> {
            assertThat(e.get("subject").asText()).contains(" retido: arquivo incompleto · peça ao banco que o reenvie")
                    .endsWith(" — caixa-cortado.ret");
            assertThat(e.get("body").get("text").asText()).contains("não foi processado nem conciliado")
                    .contains("Liberar").contains("Descartar");
        });

        // released: processed once, the complete title answers the remessa, the cut one is not applied
        assertThat(json(acme.admin().onRecord("api-release-integration.json", id, "/release", e -> { }), 200)
                .get("status").asText()).isEqualTo("PROCESSED");
        acme.environment().runFollowUps(acme.services());
        JsonNode released = record(id);
        assertThat(released.get("status").asText()).isEqualTo("PROCESSED");
        List<JsonNode> titles = items(id);
        assertThat(titles.get(0).get("reconciliation").get("status").asText()).isEqualTo("MATCHED");
        assertThat(titles.get(0).get("reconciliation").get("integrationId").asText()).isEqualTo(acme.caixaRemessa());
        assertThat(titles.get(1).get("reconciliation").get("status").asText()).isEqualTo("PARTIAL");
        assertThat(record(acme.caixaRemessa()).get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
        assertThat(emails()).hasSize(2);
        assertThat(emails().get(1).get("subject").asText()).doesNotContain("retido").doesNotContain("incompleto");
    }

    @Test
    void a_retorno_whose_trailers_count_other_records_is_incomplete_and_a_discard_keeps_it_out() {
        // the file trailer (last line) counts its records at 24-29; one more than the file has
        List<String> lines = retorno();
        String trailer = lines.get(lines.size() - 1);
        int counted = Integer.parseInt(trailer.substring(23, 29));
        lines.set(lines.size() - 1, trailer.substring(0, 23) + String.format("%06d", counted + 2) + trailer.substring(29));
        String id = drop("caixa-contagem.ret", (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));

        JsonNode held = record(id);
        assertThat(held.get("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(codes(held)).contains("FILE_TRAILER_COUNT");

        JsonNode discarded = json(acme.admin().onRecord("api-discard-integration.json", id, "/discard", e -> { }), 200);
        assertThat(discarded.get("status").asText()).isEqualTo("DISCARDED");
        acme.environment().runFollowUps(acme.services());
        assertThat(record(id).get("status").asText()).isEqualTo("DISCARDED");
        assertThat(items(id)).allSatisfy(i -> assertThat(i.get("reconciliation").isNull()).isTrue());
        assertThat(record(acme.caixaRemessa()).get("status").asText()).isEqualTo("SENT");
        assertThat(emails()).as("only the hold was told").hasSize(1);
    }

    @Test
    void a_whole_retorno_is_processed_at_once() {
        String id = drop("caixa.ret", (String.join("\r\n", retorno()) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(record(id).get("status").asText()).isEqualTo("PROCESSED");
        assertThat(record(acme.caixaRemessa()).get("status").asText()).isEqualTo("PROCESSED_BY_BANK");
    }

    private static List<String> retorno() {
        return new ArrayList<>(new String(Samples.bytes("laravel-boleto/caixa.ret"), StandardCharsets.ISO_8859_1)
                .replaceFirst("24000000011136997", "14000000000000123").lines().toList());
    }

    private String drop(String name, byte[] bytes) {
        return Api.drop(acme.services(), "acme", name, bytes, "2026-11-22T12:00:00.000Z");
    }

    private JsonNode record(String id) {
        return acme.admin().record(id);
    }

    private static List<String> codes(JsonNode record) {
        List<String> codes = new ArrayList<>();
        record.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    private List<JsonNode> items(String id) {
        return acme.admin().items(id);
    }

    private List<JsonNode> emails() {
        return acme.environment().emails();
    }
}
