package br.bankhistory.history.handler;

import br.bankhistory.history.ingest.IngestOutcome;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.SyntheticExtrato;
import br.bankhistory.history.support.SyntheticRetorno;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An extrato's cobrança credits (category 202) are matched, by date and amount, to the retornos whose credited
 * totals they are, whichever arrives first, and both records show the link. The retornos are Caixa's (made from
 * laravel-boleto's caixa.ret: every title credits R$ 80,00 on 07/01/2014), the extratos are built at FEBRABAN
 * positions for bank 104. Through the Ingest handler, against DynamoDB Local, s3proxy and the SES emulator.
 */
class CobrancaCreditsTest {

    private static final LocalDate CREDITED = LocalDate.of(2014, 1, 7);
    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.emailingFinance();


    @Test
    void an_extrato_after_its_retorno_names_it_and_the_retorno_names_the_entry() throws Exception {
        String retorno = retorno("RET-A.ret", 1601, "2026-11-22T10:00:00.000Z", "A1", "A2"); // R$ 160,00 credited on 07/01/2014
        String extrato = Api.drop(acme.services(), "acme", "EXTRATO-A.ret", SyntheticExtrato.of("104", List.of(
                SyntheticExtrato.Entry.cobranca(CREDITED, 160_00),
                SyntheticExtrato.Entry.cobranca(CREDITED, 99_99),
                new SyntheticExtrato.Entry(CREDITED, 160_00, true, "201", "DEPOSITO"))), "2026-11-23T12:00:00.000Z");

        assertThat(acme.admin().record(extrato).get("status").asText()).isEqualTo("PROCESSED");
        List<JsonNode> entries = acme.admin().items(extrato);
        JsonNode matched = entries.get(0).get("credit");
        assertThat(matched.get("status").asText()).isEqualTo("MATCHED");
        assertThat(matched.get("date").asText()).isEqualTo("2014-01-07");
        assertThat(matched.get("with")).singleElement().satisfies(w -> {
            assertThat(w.get("integrationId").asText()).isEqualTo(retorno);
            assertThat(w.get("fileName").asText()).isEqualTo("RET-A.ret");
            assertThat(w.get("amountCents").asLong()).isEqualTo(160_00);
        });
        assertThat(entries.get(1).get("credit").get("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(entries.get(1).get("credit").get("with")).isEmpty();
        assertThat(entries.get(2).get("credit").isNull()).as("a deposit is not a cobrança credit").isTrue();
        assertThat(warnings(extrato)).singleElement().satisfies(m -> assertThat(m).contains("1 crédito(s) de cobrança")
                .contains("07/01/2014 R$ 99,99"));

        for (JsonNode title : acme.admin().items(retorno)) {
            JsonNode credit = title.get("credit");
            assertThat(credit.get("status").asText()).isEqualTo("CREDITED");
            assertThat(credit.get("amountCents").asLong()).isEqualTo(160_00);
            assertThat(credit.get("with")).singleElement().satisfies(e -> {
                assertThat(e.get("integrationId").asText()).isEqualTo(extrato);
                assertThat(e.get("fileName").asText()).isEqualTo("EXTRATO-A.ret");
                assertThat(e.get("seq").asInt()).isEqualTo(1);
                assertThat(e.get("line").asInt()).isEqualTo(3);
            });
        }

        assertThat(statementText(extrato)).contains("Créditos de cobrança conciliados com retornos: 1 de 2");
        assertThat(statementText(retorno)).contains("Crédito conferido no extrato bancário: 07/01/2014 (R$ 160,00)")
                .contains("EXTRATO-A.ret");
        JsonNode email = acme.environment().emails().stream()
                .filter(e -> e.get("subject").asText().contains("EXTRATO-A.ret")).findFirst().orElseThrow();
        assertThat(email.get("body").get("text").asText()).contains("Créditos de cobrança conciliados com retornos: 1 de 2");
    }

    @Test
    void retornos_after_the_extrato_find_it_and_one_credit_may_be_the_sum_of_two() {
        String extrato = Api.drop(acme.services(), "acme", "EXTRATO-B.ret", SyntheticExtrato.of("104", List.of(
                SyntheticExtrato.Entry.cobranca(CREDITED, 400_00))), "2026-11-22T12:00:00.000Z");
        assertThat(acme.admin().items(extrato).get(0).get("credit").get("status").asText()).isEqualTo("NOT_FOUND");

        String first = retorno("RET-B1.ret", 1602, "2026-11-23T10:00:00.000Z", "B1", "B2"); // R$ 160,00
        assertThat(acme.admin().items(extrato).get(0).get("credit").get("status").asText())
                .as("R$ 160,00 alone is not the R$ 400,00 credited").isEqualTo("NOT_FOUND");
        assertThat(acme.admin().items(first).get(0).get("credit").isNull()).isTrue();

        String second = retorno("RET-B2.ret", 1603, "2026-11-23T11:00:00.000Z", "B3", "B4", "B5"); // R$ 240,00
        JsonNode credit = acme.admin().items(extrato).get(0).get("credit");
        assertThat(credit.get("status").asText()).isEqualTo("MATCHED");
        assertThat(credit.get("with")).extracting(w -> w.get("integrationId").asText()).containsExactly(first, second);
        assertThat(credit.get("with")).extracting(w -> w.get("amountCents").asLong()).containsExactly(160_00L, 240_00L);
        assertThat(warnings(extrato)).as("the warning goes once the retornos came").isEmpty();
        for (String retorno : List.of(first, second)) {
            JsonNode link = acme.admin().items(retorno).get(0).get("credit");
            assertThat(link.get("status").asText()).isEqualTo("CREDITED");
            assertThat(link.get("with").get(0).get("integrationId").asText()).isEqualTo(extrato);
            assertThat(link.get("with").get(0).get("amountCents").asLong()).isEqualTo(400_00);
        }
    }

    @Test
    void delivering_or_reprocessing_the_files_again_does_not_double_the_links() {
        String retorno = retorno("RET-C.ret", 1604, "2026-11-22T10:00:00.000Z", "C1", "C2");
        String other = retorno("RET-C2.ret", 1605, "2026-11-22T11:00:00.000Z", "C3", "C4"); // another R$ 160,00: a candidate left free
        String extrato = Api.drop(acme.services(), "acme", "EXTRATO-C.ret", SyntheticExtrato.of("104", List.of(
                SyntheticExtrato.Entry.cobranca(CREDITED, 160_00))), "2026-11-23T12:00:00.000Z");
        JsonNode before = acme.admin().items(extrato).get(0).get("credit");

        for (int i = 0; i < 2; i++) {
            assertThat(Api.deliverOnce(acme.services(), "s3-put-inbound.json", "inbound/acme/EXTRATO-C.ret",
                    "2026-11-23T12:00:00.000Z")).isInstanceOf(IngestOutcome.AlreadyRecorded.class);
            assertThat(Api.deliverOnce(acme.services(), "s3-put-inbound.json", "inbound/acme/RET-C.ret",
                    "2026-11-22T10:00:00.000Z")).isInstanceOf(IngestOutcome.AlreadyRecorded.class);
        }

        // reprocessing either file, the follow-up run twice: the same links again
        for (String id : List.of(extrato, retorno)) {
            json(acme.admin().onRecord("api-reprocess-integration.json", id, "/reprocess", e -> { }), 200);
            acme.environment().runFollowUps(acme.services());
            acme.environment().runFollowUps(acme.services());
        }

        JsonNode after = acme.admin().items(extrato).get(0).get("credit");
        assertThat(after).isEqualTo(before);
        assertThat(after.get("with")).singleElement()
                .satisfies(w -> assertThat(w.get("integrationId").asText()).as("the earliest of two candidates")
                        .isEqualTo(retorno));
        assertThat(acme.admin().items(retorno).get(0).get("credit").get("with")).hasSize(1);
        assertThat(acme.admin().items(other).get(0).get("credit").isNull()).as("the other candidate stays free")
                .isTrue();
        assertThat(warnings(extrato)).isEmpty();
    }

    /** A Caixa retorno of R$ 80,00 per title credited on 07/01/2014, dropped by the bank; its record id. */
    private String retorno(String name, int nsa, String time, String... ourNumbers) {
        return Api.drop(acme.services(), "acme", name,
                SyntheticRetorno.caixa(List.of(ourNumbers), UnaryOperator.identity(), nsa), time);
    }

    private List<String> warnings(String id) {
        List<String> out = new ArrayList<>();
        acme.admin().record(id).get("findings").forEach(f -> {
            if (f.get("code").asText().equals("COBRANCA_CREDIT_NOT_MATCHED")) {
                assertThat(f.get("severity").asText()).isEqualTo("WARNING");
                out.add(f.get("message").asText());
            }
        });
        return out;
    }

    private String statementText(String id) throws Exception {
        JsonNode link = json(acme.admin().onRecord("api-get-statement.json", id, "/statement",
                Events.header("accept", "application/json")), 200);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(link.get("url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
