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
                .isEqualTo("Retorno Caixa 05/01: 2 pagos R$ 1.230,00 · 2 rejeitados · 5 entradas confirmadas — RETORNO.RET");
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
                .isEqualTo("Retorno Caixa 05/01: 1 entrada confirmada — CB0601.RET");

        Map<String, Totals> payments = Map.of("SCHEDULED", new Totals(12, 987654321, 0, 0));
        IntegrationRecord pag = TestRecords.record("PAG.RET", RecordStatus.PROCESSED, FileKind.RETORNO_PAGAMENTO, 12,
                payments, List.of(), Map.of());
        AdminEmail email = composer.processed(pag, ADMINS, List.of(), null, null);
        assertThat(email.subject())
                .isEqualTo("Retorno de Pagamento Caixa 05/01: 12 pagamentos agendados R$ 9.876.543,21 — PAG.RET");
        assertThat(email.textBody()).contains("Agendado").contains("R$ 9.876.543,21").contains("Pagamentos: 12")
                .contains("Aceite do banco: 12 pagamentos foram agendados (R$ 9.876.543,21)");
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
            assertThat(subject).hasSizeLessThan(120).startsWith("Retorno ")
                    .contains(": 2 pagos R$ 1.230,00 · 2 rejeitados").contains(" — RETORNO_").endsWith(".RET");
        }
        assertThat(composer.failed(TestRecords.rejected(longName, 1), ADMINS, null, null).subject())
                .hasSizeLessThan(120).startsWith("Arquivo do banco não processado: Linha com 201 caracteres")
                .contains(" — RETORNO_").endsWith(".RET");
    }

    @Test
    void aLongFirstReasonGivesWayToTheFileName() {
        IntegrationRecord record = TestRecords.rejected("x.rem", 0).withFindings(List.of(new StoredFinding("ERROR", 1, 1,
                "UTF16", "", "O arquivo está codificado em UTF-16 (começa com FF FE / FE FF); arquivos CNAB são "
                + "ISO-8859-1, uma letra por byte: peça ao banco o arquivo no formato certo.", "")));
        assertThat(composer.failed(record, ADMINS, null, null).subject()).hasSizeLessThan(120)
                .startsWith("Arquivo do banco não processado: O arquivo está codificado em UTF-16").endsWith("… — x.rem");
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
        String text = email.textBody().substring(email.textBody().indexOf("Resumo por ocorrência"));
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
                .startsWith("Retorno Caixa 05/01: 2 pagos R$ 1.230,00 · 2 rejeitados").contains(" — <script>alert(")
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

        assertThat(email.subject()).contains(": 2 pagos R$ 1.230,00 · 60 rejeitados");
        assertThat(email.textBody()).contains("Títulos rejeitados (60)").contains("PAGADOR 50")
                .doesNotContain("PAGADOR 51").contains("E mais 10 títulos rejeitados; veja a lista completa no registro.");
        assertThat(email.htmlBody()).contains("E mais 10 títulos rejeitados");
    }

    @Test
    void rejectedCountFromTheRecordWhenNoLinesAreGiven() {
        AdminEmail email = composer.processed(TestRecords.processedCobranca("RETORNO.RET"), ADMINS, (List<RejectedItemLine>) null, null, null);
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
        assertThat(email.subject())
                .isEqualTo("Arquivo do banco não processado: Linha com 201 caracteres; esperado 240 — LIXO.RET");
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

        assertThat(email.subject())
                .isEqualTo("Arquivo do banco que não é CNAB: comprovante ou relatório, nada a processar — TRANSMISSAO.TXT");
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

    @Test
    void aCobrancaRetornoSaysTheOutcomeAndTheRejectedTitlesFirstThenTheLink() {
        AdminEmail email = composer.processed(TestRecords.processedCobranca("RETORNO.RET"), ADMINS,
                TestRecords.rejectedLines(2), TXT, PDF);

        String text = email.textBody();
        int details = text.indexOf("Empresa: ");
        assertThat(text.lines().findFirst()).hasValue("Retorno de Cobrança processado");
        assertThat(text.indexOf("Resumo: 2 pagos R$ 1.230,00, 2 rejeitados, 5 entradas confirmadas."))
                .isBetween(0, details);
        assertThat(text.indexOf("2 títulos rejeitados:")).isBetween(0, details);
        assertThat(text.indexOf("- 00000000001 — PAGADOR 1 — 03 - Entrada rejeitada: 08 - Nosso número inválido; "
                + "48 - CEP inválido")).isBetween(0, details);
        assertThat(text.indexOf("https://historico.example.com/#/integrations/" + ID)).isBetween(0, details);
        assertThat(email.htmlBody().indexOf("href=\"https://historico.example.com/#/integrations/" + ID))
                .isBetween(0, email.htmlBody().indexOf(">Empresa<"));
    }

    @Test
    void aPagamentoRetornoSaysWhetherItsPaymentsWereEffectedOrScheduled() {
        RejectedItemLine refused = new RejectedItemLine("BANCO-77", "NF-2024-17", "FORNECEDOR LTDA",
                "AG - Agência ou conta inválida", List.of("AG - Número da agência inválido"), 5_000,
                java.time.LocalDate.of(2024, 1, 8));
        Map<String, Totals> confirmed = new LinkedHashMap<>();
        confirmed.put("EFFECTED", new Totals(3, 123_400, 0, 0));
        confirmed.put("PAYMENT_REJECTED", new Totals(1, 5_000, 0, 0));
        Map<String, Totals> accepted = new LinkedHashMap<>();
        accepted.put("SCHEDULED", new Totals(3, 123_400, 0, 0));
        accepted.put("PAYMENT_REJECTED", new Totals(1, 5_000, 0, 0));

        AdminEmail effected = composer.processed(TestRecords.record("PAG.RET", RecordStatus.PROCESSED,
                FileKind.RETORNO_PAGAMENTO, 4, confirmed, List.of(), Map.of()), ADMINS, List.of(refused), null, null);
        AdminEmail scheduled = composer.processed(TestRecords.record("PAG.RET", RecordStatus.PROCESSED,
                FileKind.RETORNO_PAGAMENTO, 4, accepted, List.of(), Map.of()), ADMINS, List.of(refused), null, null);

        assertThat(effected.subject())
                .isEqualTo("Retorno de Pagamento Caixa 05/01: 3 pagamentos efetivados R$ 1.234,00 · 1 rejeitado — PAG.RET");
        assertThat(scheduled.subject())
                .isEqualTo("Retorno de Pagamento Caixa 05/01: 3 pagamentos agendados R$ 1.234,00 · 1 rejeitado — PAG.RET");
        String text = effected.textBody();
        int details = text.indexOf("Empresa: ");
        assertThat(text.indexOf("Confirmação do banco: 3 pagamentos foram efetivados (R$ 1.234,00).")).isBetween(0, details);
        assertThat(text.indexOf("- seu número NF-2024-17 — R$ 50,00 — pagamento em 08/01/2024 — FORNECEDOR LTDA — "
                + "nosso número BANCO-77 — AG - Agência ou conta inválida: AG - Número da agência inválido"))
                .isBetween(0, details);
        assertThat(text).contains("Seu número").contains("Data do pagamento").doesNotContain("Aceite do banco");
        assertThat(scheduled.textBody()).contains("Aceite do banco: 3 pagamentos foram agendados (R$ 1.234,00)")
                .doesNotContain("Confirmação do banco");
    }

    @Test
    void aTitleOfACancelledRemessaIsTheFirstLineAndTitlesNotFoundAndRepeatedEventsAreCountedApart() {
        Map<String, Totals> totals = new LinkedHashMap<>(TestRecords.processedCobranca("R.RET").byCategory());
        totals.put("REPEATED", new Totals(2, 2_000, 2_000, 0));
        IntegrationRecord record = TestRecords.processedCobranca("RETORNO.RET").withTotals(totals)
                .withFindings(List.of(new StoredFinding("ERROR", 3, 0, "TITLE_OF_CANCELLED_REMESSA", "",
                        "1 título(s) de remessas canceladas tiveram movimento no banco.", "acted on")));
        RetornoHighlights highlights = new RetornoHighlights(List.of(), List.of(
                new RetornoHighlights.CancelledRemessaTitle("14000000000000123", "PAID", "remessa-caixa.rem", 1_000)),
                List.of("24000000011136997", "24000000011136998"), 8, true);

        AdminEmail email = composer.processed(record, ADMINS, highlights, null, null);

        assertThat(email.subject()).startsWith("Retorno Caixa 05/01: 1 título de remessa cancelada · 2 pagos R$ 1.230,00")
                .contains("2 já informados").hasSizeLessThan(120);
        List<String> lines = email.textBody().lines().toList();
        assertThat(lines.get(3)).isEqualTo("Atenção: o título 14000000000000123 de uma remessa cancelada (arquivo "
                + "remessa-caixa.rem) foi pago.");
        int details = email.textBody().indexOf("Empresa: ");
        assertThat(email.textBody().indexOf("8 títulos não foram localizados em nenhuma remessa: 24000000011136997, "
                + "24000000011136998 e mais 6.")).isBetween(0, details);
        assertThat(email.textBody().indexOf("2 ocorrências já tinham sido informadas por retornos anteriores"))
                .isBetween(0, details);
        assertThat(email.textBody()).contains("Já informado por retorno anterior");
        assertThat(email.htmlBody()).contains("<h1 style=\"font-size:20px;margin:0 0 16px 0;color:#b42318;\">");

        // without the items read, the record's finding says it
        AdminEmail fromFinding = composer.processed(record, ADMINS, RetornoHighlights.none(), null, null);
        assertThat(fromFinding.textBody().lines().toList().get(3))
                .isEqualTo("Atenção: 1 título(s) de remessas canceladas tiveram movimento no banco.");
    }

    @Test
    void aSuspectFileSaysTheAccountIsNotRegisteredAndWhatToDo() {
        IntegrationRecord suspect = TestRecords.record("SICOOB.RET", RecordStatus.SUSPECT, FileKind.RETORNO_COBRANCA, 0,
                Map.of(), List.of(new StoredFinding("ERROR", 1, 0, "ACCOUNT_NOT_REGISTERED", "",
                        "O arquivo é do banco 104, agência 4321, conta ****11, convênio 123456, que não está entre as "
                                + "contas cadastradas da empresa; não foi processado.", "not registered")),
                Map.of("ERROR", 1L));

        AdminEmail email = composer.automatic(suspect, ADMINS, RetornoHighlights.none(), TXT, null);

        assertThat(email.subject()).isEqualTo("Retorno Caixa 05/01 não processado: conta não cadastrada (cadastre-a e "
                + "reprocesse o arquivo) — SICOOB.RET");
        String text = email.textBody();
        int details = text.indexOf("Empresa: ");
        assertThat(text.indexOf("não está entre as contas cadastradas da empresa: banco Caixa (104), agência 4321, "
                + "conta 00000000111, convênio 123456.")).isBetween(0, details);
        assertThat(text.indexOf("Configurações > Contas bancárias")).isBetween(0, details);
        assertThat(text.indexOf("a ação \"Reprocessar\" no detalhe deste arquivo")).isBetween(0, details);
        assertThat(text).doesNotContain("/settings/accounts").doesNotContain("/reprocess");
        assertThat(text).contains("Suspeito (conta não cadastrada)").doesNotContain("Valor total");
    }

    @Test
    void heldFilesSayWhyInTheSubjectAndTheFirstLines() {
        IntegrationRecord first = TestRecords.processedCobranca("RETORNO.RET");
        IntegrationRecord again = TestRecords.record("RETORNO-reenvio.RET", RecordStatus.POSSIBLE_DUPLICATE,
                FileKind.RETORNO_COBRANCA, 9, first.byCategory(), List.of(
                        new StoredFinding("WARNING", 0, 0, "POSSIBLE_DUPLICATE", ID, "Possível duplicado do arquivo "
                                + "RETORNO.RET: o banco 104, a conta, o NSA 162 e a data de geração são os mesmos.", ""),
                        new StoredFinding("WARNING", 0, 0, "DIFFERENCES", "", "Diferenças em relação ao arquivo "
                                + "anterior: 1 título(s) a mais, 0 a menos, 0 alterado(s).", "")), Map.of("WARNING", 2L));
        AdminEmail held = composer.held(again, first, ADMINS, null, null);

        assertThat(held.subject()).isEqualTo("Retorno Caixa 05/01 retido: possível duplicado de RETORNO.RET · libere ou "
                + "descarte — RETORNO-reenvio.RET");
        int details = held.textBody().indexOf("Empresa: ");
        assertThat(held.textBody().indexOf("o banco 104, a conta, o NSA 162 e a data de geração são os mesmos"))
                .isBetween(0, details);
        assertThat(held.textBody().indexOf("1 título(s) a mais")).isBetween(0, details);
        assertThat(held.textBody().indexOf("Liberar")).isBetween(0, details);

        IntegrationRecord cut = TestRecords.record("CORTADO.RET", RecordStatus.INCOMPLETE, FileKind.RETORNO_COBRANCA, 1,
                Map.of(), List.of(new StoredFinding("ERROR", 5, 0, "MISSING_FILE_TRAILER", "",
                        "Falta o trailer do arquivo (registro tipo 9).", "")), Map.of("ERROR", 1L));
        AdminEmail incomplete = composer.incomplete(cut, ADMINS, null, null);
        assertThat(incomplete.subject()).isEqualTo("Retorno Caixa 05/01 retido: arquivo incompleto · peça ao banco que o "
                + "reenvie — CORTADO.RET");
        assertThat(incomplete.textBody().indexOf("Falta o trailer do arquivo"))
                .isBetween(0, incomplete.textBody().indexOf("Empresa: "));
    }
}
