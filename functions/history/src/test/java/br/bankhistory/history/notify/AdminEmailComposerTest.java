package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static br.bankhistory.history.notify.TestRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminEmailComposerTest {

    private static final String WEB = "https://historico.example.com/";
    private static final List<String> ADMINS = List.of("admin@acme.example", "financeiro@acme.example");
    private static final FileBytes TXT = FileBytes.of("02RETORNO\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    private static final FileBytes PDF = FileBytes.of("%PDF-1.7 tiny".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final AdminEmailComposer composer = new AdminEmailComposer(WEB);

    @Test
    void processedSubjectNamesKindBankFileAndCounts() {
        IntegrationRecord record = TestRecords.processedCobranca("RETORNO.RET");
        AdminEmail email = composer.processed(record, ADMINS, List.of(), TXT, PDF);

        assertThat(email.subject())
                .isEqualTo("Retorno de Cobrança processado — Caixa (104) — RETORNO.RET — 9 títulos, 2 rejeitados");
        assertThat(email.purpose()).isEqualTo(AdminEmail.Purpose.FILE_PROCESSED);
        assertThat(email.tenant()).isEqualTo("acme");
        assertThat(email.recordId()).isEqualTo(ID);
        assertThat(email.recipients()).containsExactlyElementsOf(ADMINS);
    }

    @Test
    void subjectWithoutRejectionsAndForPayments() {
        Map<String, Totals> totals = Map.of("ENTRY_CONFIRMED", new Totals(1, 100, 0, 0));
        IntegrationRecord one = TestRecords.record("CB0601.RET", RecordStatus.PROCESSED, FileKind.RETORNO_COBRANCA,
                1, totals, List.of(), Map.of());
        assertThat(composer.processed(one, ADMINS, List.of(), null, null).subject())
                .isEqualTo("Retorno de Cobrança processado — Caixa (104) — CB0601.RET — 1 título");

        Map<String, Totals> payments = Map.of("SCHEDULED", new Totals(12, 987654321, 0, 0));
        IntegrationRecord pag = TestRecords.record("PAG.RET", RecordStatus.PROCESSED, FileKind.RETORNO_PAGAMENTO, 12,
                payments, List.of(), Map.of());
        AdminEmail email = composer.processed(pag, ADMINS, List.of(), null, null);
        assertThat(email.subject()).isEqualTo("Retorno de Pagamento processado — Caixa (104) — PAG.RET — 12 pagamentos");
        assertThat(email.textBody()).contains("Agendado").contains("R$ 9.876.543,21").contains("Pagamentos: 12");
    }

    @Test
    void subjectStaysUnder120CharactersWithHugeNames() {
        String longName = "RETORNO_" + "X".repeat(300) + ".RET";
        IntegrationRecord record = TestRecords.processedCobranca(longName);
        IntegrationRecord longBank = new IntegrationRecord(record.tenant(), record.id(), record.receivedAt(),
                record.fileName(), record.objectKey(), record.sizeBytes(), record.sha256(), record.origin(),
                record.userId(), record.userName(), record.status(), record.kind(), record.layout(),
                record.direction(), record.service(), record.bankCode(), "Banco Cooperativo Muito Comprido De Nome "
                + "Extenso Do Brasil S.A.", record.layoutVersion(), record.companyName(), record.companyDocument(),
                record.agency(), record.account(), record.agreement(), record.sequenceNumber(), record.generatedOn(),
                record.itemCount(), record.totalAmountCents(), record.totalPaidCents(), record.byCategory(),
                record.findings(), record.findingCounts());

        for (IntegrationRecord r : List.of(record, longBank)) {
            String subject = composer.processed(r, ADMINS, List.of(), null, null).subject();
            assertThat(subject).hasSizeLessThan(120).startsWith("Retorno de Cobrança processado — ")
                    .contains("RETORNO_").contains(".RET — 9 títulos, 2 rejeitados");
        }
        assertThat(composer.failed(TestRecords.rejected(longName, 1), ADMINS, null, null).subject())
                .hasSizeLessThan(120).startsWith("Falha ao processar arquivo do banco — RETORNO_").endsWith(".RET");
    }

    @Test
    void bodiesSummariseTheFileInPortuguese() {
        IntegrationRecord record = TestRecords.processedCobranca("RETORNO.RET");
        AdminEmail email = composer.processed(record, ADMINS, TestRecords.rejectedLines(2), TXT, PDF);

        for (String body : List.of(email.textBody(), email.htmlBody())) {
            assertThat(body)
                    .contains("RETORNO.RET")
                    .contains("EMPRESA SÃO JOÃO (12.345.678/0001-90)")
                    .contains("Caixa (104)")
                    .contains("4321").contains("00000000111").contains("123456")
                    .contains("162")
                    .contains("05/01/2024")
                    .contains("06/01/2024 10:15")
                    .contains("Entrada confirmada").contains("Entrada rejeitada").contains("Liquidado")
                    .contains("R$ 5.000,00").contains("R$ 1.234,56").contains("R$ 1.230,00").contains("R$ 2,50")
                    .contains("R$ 6.254,56")
                    .contains("00000000001").contains("PAGADOR 2").contains("03 - Entrada rejeitada")
                    .contains("08 - Nosso número inválido; 48 - CEP inválido")
                    .contains("1 aviso")
                    .contains("Aviso, linha 3, coluna 120 (campo valorTotal): Soma do trailer diferente")
                    .contains("https://historico.example.com/#/integrations/" + ID)
                    .contains("extrato-RETORNO.pdf")
                    .doesNotContain("null");
        }
        // a category with no items (FEE here) is not listed; the fees of other categories are
        assertThat(email.textBody()).doesNotContain("\nTarifa ").contains("Tarifas");
        assertThat(email.htmlBody()).doesNotContain(">Tarifa<").contains(">Tarifas<");
        // categories in the fixed order, whatever the map order
        String text = email.textBody();
        assertThat(text.indexOf("Entrada confirmada")).isLessThan(text.indexOf("Entrada rejeitada"));
        assertThat(text.indexOf("Entrada rejeitada")).isLessThan(text.indexOf("Liquidado"));
        assertThat(email.htmlBody()).startsWith("<!DOCTYPE html>").contains("<html lang=\"pt-BR\">")
                .contains("<a href=\"https://historico.example.com/#/integrations/" + ID + "\"");
    }

    @Test
    void untrustedTextIsEscapedInHtmlAndFlattenedEverywhere() {
        String evil = "<script>alert(\"x\")</script>\r\nBcc: victim@example.com.ret";
        IntegrationRecord record = TestRecords.processedCobranca(evil);
        List<RejectedItemLine> lines = List.of(new RejectedItemLine("1<b>", "<img src=x onerror=alert(1)>",
                "A & B", List.of("\"quoted\" 'single'")));
        AdminEmail email = composer.processed(record, ADMINS, lines, TXT, PDF);

        assertThat(email.htmlBody())
                .doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;[U+000D][U+000A]Bcc: victim@example.com.ret")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("A &amp; B")
                .contains("&quot;quoted&quot; &#39;single&#39;");
        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n")
                .startsWith("Retorno de Cobrança processado — Caixa (104) — <script>alert(\"x\")</script>[U+000")
                .hasSizeLessThan(120);
        assertThat(email.textBody()).doesNotContain("\r\nBcc:").doesNotContain("\nBcc:");
        assertThat(email.attachments().get(0).fileName()).doesNotContain("\r").doesNotContain("\n")
                .doesNotContain("/").doesNotContain("\"");
        assertThat(email.attachments().get(1).fileName()).startsWith("extrato-").endsWith(".pdf").doesNotContain("/");
    }

    @Test
    void rejectedItemsAreBoundedWithACountOfTheRest() {
        IntegrationRecord record = TestRecords.processedCobranca("RETORNO.RET");
        AdminEmail email = composer.processed(record, ADMINS, TestRecords.rejectedLines(60), null, null);

        assertThat(email.subject()).endsWith("9 títulos, 60 rejeitados");
        assertThat(email.textBody()).contains("Títulos rejeitados (60)").contains("PAGADOR 50")
                .doesNotContain("PAGADOR 51").contains("E mais 10 títulos rejeitados; veja a lista completa no registro.");
        assertThat(email.htmlBody()).contains("E mais 10 títulos rejeitados");
    }

    @Test
    void rejectedCountFromTheRecordWhenNoLinesAreGiven() {
        AdminEmail email = composer.processed(TestRecords.processedCobranca("RETORNO.RET"), ADMINS, null, null, null);
        assertThat(email.textBody()).contains("Títulos rejeitados (2)")
                .contains("Os motivos de cada título rejeitado estão no registro.");
    }

    @Test
    void attachesTheOriginalAndTheStatementWithinTheLimit() {
        AdminEmail email = composer.processed(TestRecords.processedCobranca("RETORNO.RET"), ADMINS, List.of(), TXT, PDF);

        assertThat(email.attachments()).extracting(AdminEmail.Attachment::fileName, AdminEmail.Attachment::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RETORNO.RET", "text/plain; charset=ISO-8859-1"),
                        org.assertj.core.groups.Tuple.tuple("extrato-RETORNO.pdf", "application/pdf"));
        assertThat(email.attachments().get(0).content()).isSameAs(TXT);
        assertThat(email.textBody()).contains("RETORNO.RET (arquivo original, como o banco enviou, 11 bytes)")
                .contains("extrato-RETORNO.pdf (extrato em PDF, 13 bytes)");
    }

    @Test
    void attachesNothingOverTheLimitAndPointsAtTheRecord() {
        AdminEmailComposer small = new AdminEmailComposer(WEB, 20);
        AdminEmail email = small.processed(TestRecords.processedCobranca("RETORNO.RET"), ADMINS, List.of(), TXT, PDF);

        assertThat(email.attachments()).isEmpty();
        assertThat(email.textBody()).contains("Os arquivos não foram anexados porque juntos têm 24 bytes, mais que o "
                + "limite de 20 bytes por e-mail").contains("#/integrations/" + ID)
                .doesNotContain("X-Amz").doesNotContain("Signature");
        assertThat(email.htmlBody()).contains("não foram anexados");

        // the default limit is conservative: 25 MiB raw, about 34 MiB once base64-encoded
        FileBytes big = new FileBytes(26L * 1024 * 1024, () -> {
            throw new AssertionError("must not be read");
        });
        AdminEmail bigEmail = composer.processed(TestRecords.processedCobranca("BIG.RET"), ADMINS, List.of(), big, PDF);
        assertThat(bigEmail.attachments()).isEmpty();
        assertThat(bigEmail.textBody()).contains("26 MB").contains("25 MB");
    }

    @Test
    void failureEmailListsFindingsAndWhatToDo() {
        IntegrationRecord record = TestRecords.rejected("LIXO.RET", 25);
        AdminEmail email = composer.automatic(record, ADMINS, List.of(), TXT, null);

        assertThat(email.purpose()).isEqualTo(AdminEmail.Purpose.FILE_FAILED);
        assertThat(email.subject()).isEqualTo("Falha ao processar arquivo do banco — LIXO.RET");
        assertThat(email.textBody())
                .contains("Total: 25 erros.")
                .contains("Erro, linha 1, coluna 1: Linha com 201 caracteres; esperado 240")
                .contains("Erro, linha 20, coluna 1")
                .doesNotContain("linha 21,")
                .contains("E mais 5 ocorrências; veja todas no registro.")
                .contains("O arquivo foi guardado exatamente como chegou")
                .contains("“Rejeitado”")
                .contains("peça ao banco que o reenvie")
                .contains("https://historico.example.com/#/integrations/" + ID)
                .doesNotContain("null");
        assertThat(email.attachments()).extracting(AdminEmail.Attachment::fileName).containsExactly("LIXO.RET");
        assertThat(email.textBody()).contains("O extrato em PDF não está anexado");
    }

    @Test
    void otherBankFileFailureSaysItIsNotCnab() {
        IntegrationRecord rejected = TestRecords.rejected("TRANSMISSAO.TXT", 0);
        IntegrationRecord other = new IntegrationRecord(rejected.tenant(), rejected.id(), rejected.receivedAt(),
                rejected.fileName(), rejected.objectKey(), rejected.sizeBytes(), rejected.sha256(), rejected.origin(),
                rejected.userId(), rejected.userName(), RecordStatus.OTHER_BANK_FILE, rejected.kind(), rejected.layout(),
                rejected.direction(), rejected.service(), rejected.bankCode(), rejected.bankName(),
                rejected.layoutVersion(), rejected.companyName(), rejected.companyDocument(), rejected.agency(),
                rejected.account(), rejected.agreement(), 0, null, 0, 0, 0, Map.of(), List.of(), Map.of());
        AdminEmail email = composer.automatic(other, ADMINS, List.of(), null, null);

        assertThat(email.subject()).isEqualTo("Falha ao processar arquivo do banco — TRANSMISSAO.TXT");
        assertThat(email.textBody()).contains("não é um arquivo CNAB")
                .contains("Nenhuma ocorrência detalhada foi registrada.")
                .contains("Outro arquivo do banco (não CNAB)")
                .contains("não é preciso fazer nada");
    }

    @Test
    void automaticChoosesTheProcessedEmailForProcessedFiles() {
        AdminEmail email = composer.automatic(TestRecords.processedCobranca("RETORNO.RET"), ADMINS, List.of(), TXT, PDF);
        assertThat(email.purpose()).isEqualTo(AdminEmail.Purpose.FILE_PROCESSED);
    }

    @Test
    void duplicateNoticePointsAtTheFirstRecord() {
        IntegrationRecord first = TestRecords.processedCobranca("RETORNO.RET");
        IntegrationRecord again = new IntegrationRecord("acme", "20240107090000000-ffffffffffff",
                Instant.parse("2024-01-07T12:00:00Z"), "RETORNO (1).RET", "inbound/acme/RETORNO (1).RET", 1234,
                first.sha256(), first.origin(), "", "Integração", RecordStatus.PROCESSED, first.kind(), "", "", "", "",
                "", "", "", "", "", "", "", 0, null, 0, 0, 0, Map.of(), List.of(), Map.of());
        AdminEmail email = composer.duplicate(again, first, ADMINS);

        assertThat(email.purpose()).isEqualTo(AdminEmail.Purpose.DUPLICATE_NOTICE);
        assertThat(email.recordId()).isEqualTo("20240107090000000-ffffffffffff");
        assertThat(email.subject()).isEqualTo("Arquivo recebido em duplicidade — RETORNO (1).RET");
        assertThat(email.attachments()).isEmpty();
        assertThat(email.textBody()).contains("07/01/2024 09:00").contains("06/01/2024 10:15")
                .contains("“RETORNO.RET”").contains("não foi processado de novo")
                .contains("https://historico.example.com/#/integrations/" + ID);
    }

    @Test
    void recipientsAreCleanedAndAtLeastOneIsRequired() {
        AdminEmail email = composer.processed(TestRecords.processedCobranca("RETORNO.RET"),
                List.of(" admin@acme.example ", "ADMIN@acme.example", "", "not an address", "x@y.com\r\nBcc: z@z.com",
                        "Fulano <f@acme.example>", "ok@acme.example"), List.of(), null, null);
        assertThat(email.recipients()).containsExactly("admin@acme.example", "ok@acme.example");

        Recipients sorted = Recipients.of(List.of("a@b.com", "bad", "Fulano <f@acme.example>"));
        assertThat(sorted.valid()).containsExactly("a@b.com");
        assertThat(sorted.invalid()).containsExactly("bad", "Fulano <f@acme.example>");

        assertThatThrownBy(() -> composer.processed(TestRecords.processedCobranca("RETORNO.RET"),
                List.of("bad"), List.of(), null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no valid recipient");
        List<String> many = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "a" + i + "@acme.example").toList();
        assertThat(composer.processed(TestRecords.processedCobranca("R.RET"), many, List.of(), null, null)
                .recipients()).hasSize(AdminEmail.MAX_RECIPIENTS);
    }

    @Test
    void recordLinkAndStatementNames() {
        assertThat(new AdminEmailComposer("https://h.example/app///").recordLink("a b/c"))
                .isEqualTo("https://h.example/app/#/integrations/a%20b%2Fc");
        assertThat(AdminEmailComposer.statementFileName("RETORNO.RET")).isEqualTo("extrato-RETORNO.pdf");
        assertThat(AdminEmailComposer.statementFileName("cb.2024.01.ret")).isEqualTo("extrato-cb.2024.01.pdf");
        assertThat(AdminEmailComposer.statementFileName("SEMEXT")).isEqualTo("extrato-SEMEXT.pdf");
        assertThat(AdminEmailComposer.statementFileName("../../etc/passwd")).isEqualTo("extrato-passwd.pdf");
        assertThatThrownBy(() -> new AdminEmailComposer("javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdminEmailComposer("https://h.example/?q=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feesAndPaidColumnsAppearOnlyWhenUsed() {
        Map<String, Totals> totals = new LinkedHashMap<>();
        totals.put("WRITTEN_OFF", new Totals(1, 1000, 0, 0));
        totals.put("PROTESTED", new Totals(1, 2000, 0, 0));
        IntegrationRecord record = TestRecords.record("B.RET", RecordStatus.PROCESSED, FileKind.RETORNO_COBRANCA, 2,
                totals, List.of(new StoredFinding("INFO", 0, 0, "I_X", null, null, "Only english")), Map.of("INFO", 1L));
        AdminEmail email = composer.processed(record, ADMINS, List.of(), null, null);
        assertThat(email.textBody()).contains("Baixado").contains("Protestado").doesNotContain("Valor pago")
                .doesNotContain("Tarifas").contains("Informação: Only english").contains("1 informação")
                .contains("Nenhum arquivo anexado");
    }
}
