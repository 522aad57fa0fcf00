package br.bankhistory.history.handler;

import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admins' email says what matters first, read back from the SES emulator's store after the file went
 * through Ingest: the subject names the bank, the file's date and the outcome with its amounts; the body's
 * first lines (before the file's details) name what needs someone.
 *
 * <p>Samples (test resources, with their provenance): {@code laravel-boleto/caixa.ret}, a Caixa CNAB 240
 * retorno generated on 06/01/2014 (header 144-151) whose titles are all liquidated (T 16-17 = 06; the first,
 * line 3, nosso número 24000000011136997 at T 40-56); {@code eduardordm-cnab240/SB22112AIT.RET}, an Itaú
 * SISPAG retorno generated on 22/11/2012 with one A segment (line 3): occurrence BD at 231-232, R$ 262,35
 * at 120-134, date 22112012 at 94-101 (read with awk).
 */
class AdminEmailFirstLinesTest {

    @RegisterExtension
    static final AcmeFixture acme = AcmeFixture.emailingFinance();

    @Test
    void a_cobranca_retorno_with_a_rejection_names_it_first() {
        // the first title's occurrence (T 16-17) made 03, FEBRABAN's "entrada rejeitada"
        List<String> lines = caixaLines();
        lines.set(2, lines.get(2).substring(0, 15) + "03" + lines.get(2).substring(17));
        drop("caixa.ret", String.join("\r\n", lines));

        JsonNode email = onlyEmail();
        assertThat(subject(email)).startsWith("Retorno Caixa 06/01: ").contains("pagos R$ ").contains("1 rejeitado")
                .endsWith(" — caixa.ret");
        assertThat(firstLines(email)).contains("1 título rejeitado:").contains("- 24000000011136997")
                .contains("títulos não foram localizados em nenhuma remessa")
                .contains("#/integrations/");
    }

    @Test
    void a_pagamento_retorno_says_whether_its_payments_were_scheduled_effected_or_rejected() {
        byte[] aceite = Samples.bytes("eduardordm-cnab240/SB22112AIT.RET");
        drop("SB22112AIT.RET", aceite);
        drop("SB22112AIT-CONF.RET", nextFile(withPaymentOccurrence(aceite, "00"), 1));
        drop("SB22112AIT-REJ.RET", nextFile(withPaymentOccurrence(aceite, "01"), 2));

        List<JsonNode> emails = emails();
        assertThat(emails).hasSize(3);
        assertThat(subject(emails.get(0)))
                .isEqualTo("Retorno de Pagamento Itaú 22/11: 1 pagamento agendado R$ 262,35 — SB22112AIT.RET");
        assertThat(firstLines(emails.get(0))).contains("Aceite do banco: 1 pagamento foi agendado (R$ 262,35) e ainda "
                + "não foi efetivado").contains("1 pagamento não foi localizado em nenhuma remessa: seu número 1.");
        assertThat(subject(emails.get(1)))
                .isEqualTo("Retorno de Pagamento Itaú 22/11: 1 pagamento efetivado R$ 262,35 — SB22112AIT-CONF.RET");
        assertThat(firstLines(emails.get(1))).contains("Confirmação do banco: 1 pagamento foi efetivado (R$ 262,35)");
        assertThat(subject(emails.get(2)))
                .isEqualTo("Retorno de Pagamento Itaú 22/11: 1 rejeitado — SB22112AIT-REJ.RET");
        assertThat(firstLines(emails.get(2))).contains("1 pagamento rejeitado:")
                .contains("- seu número 1 — R$ 262,35 — pagamento em 22/11/2012 — R C DE M ALMEIDA")
                .contains("01 - Insuficiência de fundos");
    }

    @Test
    void a_file_of_an_unregistered_account_says_so_and_what_to_do() {
        json(acme.admin().call("api-put-account-settings.json", Events.body(
                "{\"accounts\":[{\"bankCode\":\"341\",\"agency\":\"4459\",\"account\":\"17600\"}]}")), 200);
        String id = drop("caixa.ret", String.join("\r\n", caixaLines()));

        JsonNode email = onlyEmail();
        assertThat(subject(email)).isEqualTo("Retorno Caixa 06/01 não processado: conta não cadastrada (cadastre-a e "
                + "reprocesse o arquivo) — caixa.ret");
        assertThat(firstLines(email)).contains("não está entre as contas cadastradas da empresa: banco Caixa (104)")
                .contains("Configurações > Contas bancárias").contains("a ação \"Reprocessar\" no detalhe deste arquivo")
                .doesNotContain("/settings/accounts").doesNotContain("/integrations/" + id + "/reprocess");
    }

    @Test
    void a_possible_duplicate_says_it_is_held_and_why() {
        String text = String.join("\r\n", caixaLines());
        drop("caixa.ret", text);
        drop("caixa-reenvio.ret", text);

        List<JsonNode> emails = emails();
        assertThat(emails).hasSize(2);
        assertThat(subject(emails.get(1))).isEqualTo("Retorno Caixa 06/01 retido: possível duplicado de caixa.ret · "
                + "libere ou descarte — caixa-reenvio.ret");
        assertThat(firstLines(emails.get(1))).contains("- Possível duplicado do arquivo caixa.ret")
                .contains("os bytes são idênticos, com outro nome").contains("Liberar").contains("Descartar")
                .doesNotContain("campo ");
    }

    @Test
    void a_retorno_paying_a_cancelled_remessas_title_says_so_first_and_repeated_events_are_counted_apart() {
        String remessa = acme.recordCaixaRemessa();
        json(acme.admin().onRecord("api-cancel-remessa.json", remessa, "/cancel", Events.bankNotified()), 200);
        // caixa.ret's first title made the cancelled remessa's only one (nosso número 14000000000000123)
        List<String> lines = caixaLines();
        lines.set(2, lines.get(2).replace("24000000011136997", "14000000000000123"));
        String paying = String.join("\r\n", lines);
        drop("caixa.ret", paying);
        // the bank sends the same events again in its next file (NSA, header 158-163, 001623)
        drop("caixa-2.ret", paying.substring(0, 157) + "001623" + paying.substring(163));

        List<JsonNode> emails = emails();
        assertThat(emails).hasSize(2);
        JsonNode first = emails.get(0);
        assertThat(subject(first)).startsWith("Retorno Caixa 06/01: 1 título de remessa cancelada · ");
        assertThat(text(first).lines().toList().get(3)).isEqualTo("Atenção: o título 14000000000000123 de uma remessa "
                + "cancelada (arquivo remessa-caixa.rem) foi pago.");
        JsonNode again = emails.get(1);
        assertThat(subject(again)).contains("já informados").endsWith(" — caixa-2.ret");
        assertThat(firstLines(again)).contains("ocorrências já tinham sido informadas por retornos anteriores");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static List<String> caixaLines() {
        return new ArrayList<>(List.of(new String(Samples.bytes("laravel-boleto/caixa.ret"), StandardCharsets.ISO_8859_1)
                .split("\r?\n")));
    }

    /** The A segment's occurrence (line 3, 231-232) replaced. */
    private static byte[] withPaymentOccurrence(byte[] file, String code) {
        byte[] copy = file.clone();
        int a = lineStart(copy, 3);
        copy[a + 230] = (byte) code.charAt(0);
        copy[a + 231] = (byte) code.charAt(1);
        return copy;
    }

    /** The bank's next file: the NSA (header 158-163) moved on. */
    private static byte[] nextFile(byte[] file, int by) {
        byte[] copy = file.clone();
        copy[157 + 5] = (byte) (copy[157 + 5] + by);
        return copy;
    }

    private static int lineStart(byte[] bytes, int n) {
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++line == n) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line " + n);
    }

    private int minute;

    private String drop(String name, String text) {
        return drop(name, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String drop(String name, byte[] bytes) {
        HistoryEnvironment.put(acme.services(), "inbound/acme/" + name, bytes, Map.of());
        return Api.deliver(acme.services(), "s3-put-inbound.json", "inbound/acme/" + name,
                String.format("2026-11-22T12:%02d:00.000Z", minute++));
    }

    private JsonNode onlyEmail() {
        List<JsonNode> emails = emails();
        assertThat(emails).hasSize(1);
        return emails.get(0);
    }

    private static String subject(JsonNode email) {
        return email.get("subject").asText();
    }

    private static String text(JsonNode email) {
        return email.get("body").get("text").asText();
    }

    /** The body before the file's details. */
    private static String firstLines(JsonNode email) {
        String text = text(email);
        int details = text.indexOf("Detalhes do arquivo");
        assertThat(details).as("the details section of " + text).isPositive();
        return text.substring(0, details);
    }

    private List<JsonNode> emails() {
        return acme.environment().emails();
    }
}
