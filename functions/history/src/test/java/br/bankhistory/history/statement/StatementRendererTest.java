package br.bankhistory.history.statement;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static br.bankhistory.history.statement.StatementFixtures.items;
import static br.bankhistory.history.statement.StatementFixtures.pageText;
import static br.bankhistory.history.statement.StatementFixtures.record;
import static br.bankhistory.history.statement.StatementFixtures.render;
import static br.bankhistory.history.statement.StatementFixtures.retorno;
import static br.bankhistory.history.statement.StatementFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class StatementRendererTest {

    @Test
    void statementShowsTheFileItsItemsTotalsAndFindingsInPtBr() throws IOException {
        byte[] pdf = render(retorno(), items());

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text)
                .contains("Extrato do Retorno de Cobrança")
                .contains("ACME INDÚSTRIA E COMÉRCIO DE PEÇAS LTDA")
                .contains("12.345.678/0001-95")
                .contains("104 - Caixa Econômica Federal")
                .contains("1234 / 000567890")
                .contains("654321")
                .contains("RET_CAIXA_20250314_0042.RET")
                .contains("NSA 42")
                .contains("13/03/2025")          // generation date
                .contains("14/03/2025 10:05")    // received 13:05Z, shown in America/Sao_Paulo
                .contains("Integração")
                .contains("Processado");
        // items
        assertThat(text)
                .contains("14000000000012345", "14000000000012346", "14000000000012347")
                .contains("NF 4512/1")
                .contains("JOSÉ DA CONCEIÇÃO ARAÚJO")
                .contains("10/03/2025")
                .contains("R$ 1.234,56")
                .contains("R$ 980,00")
                .contains("R$ 5.000,00")
                .contains("06 - Liquidação")
                .contains("03 - Entrada rejeitada")
                .contains("08 - Nosso número inválido");
        // totals by outcome, in pt-BR
        assertThat(text)
                .contains("Resumo por ocorrência")
                .contains("Liquidado", "Entrada confirmada", "Entrada rejeitada")
                .contains("R$ 2,50")                       // fees
                // valor, juros/multa, desconto/abatimento, valor pago, tarifas, líquido (the fixtures carry no net)
                .containsPattern("Total\\s+3\\s+R\\$ 7\\.214,56\\s+R\\$ 0,00\\s+R\\$ 0,00\\s+R\\$ 1\\.234,56\\s+R\\$ 2,50"
                        + "\\s+R\\$ 0,00");
        // findings with line and column
        assertThat(text)
                .containsPattern("Aviso\\s+7\\s+18\\s+data_vencimento\\s+Data de vencimento inválida: 31/02/2025")
                .containsPattern("Erro\\s+12\\s+215\\s+valor_total\\s+Soma dos valores")
                .doesNotContain("mostrando");
        assertThat(text).contains("Página 1 de 1");
    }

    @Test
    void theDueDateOfAnItemWithoutOneIsADash() throws IOException {
        String text = text(render(retorno(), items()));

        // the rejected title has no due date nor credit date
        assertThat(text).containsPattern(
                "14000000000012347\\s+NF 4514/1\\s+PADARIA SÃO JOÃO ME\\s+\u2014\\s+\u2014\\s+R\\$ 5\\.000,00");
    }

    @Test
    void tenThousandTitlesStreamOnceAndNumberEveryPage() throws IOException {
        int n = 10_000;
        IntegrationRecord record = record(FileKind.RETORNO_COBRANCA, List.of(), Map.of(),
                Map.of("PAID", new Totals(n, 1, 1, 1)), n);

        byte[] pdf = render(record, StatementFixtures.generated(n)); // a third iteration would throw

        // every seventh title has a reason, on a second line
        double rows = n + Math.ceil(n / 7.0) * ItemTable.DETAIL_H / StatementStyle.ROW_H;
        int minimum = (int) Math.ceil(rows / StatementComposer.ROWS_PER_PAGE);
        // the first pages also list the first 100 of the 1,667 rejected titles (every sixth is a rejection)
        int listed = (StatementTally.LISTED + StatementComposer.ROWS_PER_PAGE - 1) / StatementComposer.ROWS_PER_PAGE;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isBetween(minimum + listed, minimum + listed + 4); // first page, partly filled pages
            assertThat(pageText(doc, 1)).contains("Títulos rejeitados (1.667) \u2014 mostrando 100 de 1.667");
            String last = pageText(doc, pages);
            assertThat(last).contains("Página " + pages + " de " + pages)
                    .contains(StatementFixtures.ourNumber(n - 1));
            String second = pageText(doc, pages - 1);
            assertThat(second).contains("Página " + (pages - 1) + " de " + pages)
                    .contains("Nosso número", "Vencimento", "Valor pago")   // headings repeat
                    .contains("Extrato do Retorno de Cobrança");             // running head
            assertThat(pageText(doc, pages / 2)).contains("Página " + pages / 2 + " de " + pages);
            // only the embedded, subset DejaVu fonts
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.getName()).contains("DejaVuSans");
                assertThat(font.isEmbedded()).isTrue();
            }
        }
    }

    @Test
    void weirdCharactersNeverThrowAndAccentsSurvive() throws IOException {
        String weird = "AÇÃO\u0000 JOSÉ\u0007 \uD83D\uDCA9 emoji 東京 \u0085 Ñandú ÂÊÎÔÛ àèìòù \t\r\n \uDC00 \uFEFF \u202E fim";
        Item item = new Item(3, "T", "NN\u0001123", weird, "06", "Liquidação\u0000", Category.PAID,
                List.of(weird), LocalDate.of(2025, 3, 10), 100, 100, 0, null, null, weird, weird);
        IntegrationRecord record = withCompany(retorno(), weird);

        byte[][] out = new byte[1][];
        assertThatCode(() -> out[0] = render(record, List.of(item))).doesNotThrowAnyException();

        String text = text(out[0]);
        assertThat(text).contains("AÇÃO? JOSÉ?").contains("Ñandú").contains("ÂÊÎÔÛ").contains("àèìòù");
        assertThat(text).doesNotContain("\u0000").doesNotContain("東京").doesNotContain("\uD83D\uDCA9");
        assertThat(text).contains("NN?123");
    }

    @Test
    void everyBmpCharacterRendersOrIsReplaced() {
        // all 65,536 UTF-16 units (including lone surrogates) in chunks, in every text column
        List<Item> items = new ArrayList<>();
        for (int start = 0; start < 0x10000; start += 48) {
            StringBuilder sb = new StringBuilder();
            for (int c = start; c < Math.min(0x10000, start + 48); c++) {
                sb.append((char) c);
            }
            String s = sb.toString();
            items.add(new Item(1, "T", s, s, s, s, Category.OTHER, List.of(s), null, 1, 0, 0, null, null, s, s));
        }
        IntStream.of(0x1F600, 0x1D400, 0x10FFFF, 0x20000).forEach(cp -> {
            String s = new String(Character.toChars(cp)) + "x";
            items.add(new Item(1, "T", s, s, s, s, Category.OTHER, List.of(s), null, 1, 0, 0, null, null, s, s));
        });

        assertThatCode(() -> render(retorno(), items)).doesNotThrowAnyException();
    }

    @Test
    void anEmptyFileSaysNenhumItem() throws IOException {
        IntegrationRecord record = record(FileKind.RETORNO_PAGAMENTO, List.of(), Map.of(), Map.of(), 0);

        String text = text(render(record, List.of()));

        assertThat(text).contains("Extrato do Retorno de Pagamento").contains("Nenhum item")
                .contains("Pagamentos (0)").contains("Página 1 de 1");
    }

    @Test
    void aRecordWithNothingInItStillRenders() throws IOException {
        IntegrationRecord empty = new IntegrationRecord("acme", "01X", null, null, null, 0, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, 0, null, 0, 0, 0,
                null, null, null);

        String text = text(render(empty, java.util.Arrays.asList((Item) null)));  // null items are skipped

        assertThat(text).contains("Extrato do Arquivo").contains("Nenhum item").contains("Página 1 de 1");
    }

    @Test
    void truncatedFindingsSayHowManyAreShown() throws IOException {
        List<StoredFinding> findings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            findings.add(new StoredFinding("ERROR", 10 + i, 1 + i % 240, "LINE_LENGTH", "",
                    "Linha com 239 caracteres; esperado 240. Este texto é longo o bastante para quebrar em mais de uma "
                            + "linha na coluna de mensagem, e continua, e continua, e continua até precisar ser "
                            + "cortado com reticências porque passou de três linhas inteiras de texto na tabela, "
                            + "o que é exatamente o que este teste quer ver acontecer sem que nada transborde, "
                            + "nem mesmo quando a coluna da mensagem é larga e a frase continua por mais uma linha.",
                    "Line has 239 characters"));
        }
        IntegrationRecord record = record(FileKind.REMESSA_COBRANCA, findings, Map.of("ERROR", 250L, "WARNING", 30L),
                Map.of("INSTRUCTION_ENTRY", new Totals(3, 300, 0, 0)), 3);

        byte[] pdf = render(record, items());

        String text = text(pdf);
        assertThat(text).contains("Extrato da Remessa de Cobrança").contains("mostrando 200 de 280")
                .contains("Instrução").contains("\u2026")
                .contains("Linha com 239 caracteres; esperado 240.");
        assertThat(text).containsPattern("Erro\\s+209\\s+200\\s+Linha com 239");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            int pages = doc.getNumberOfPages();
            for (int p = 1; p <= pages; p++) {
                assertThat(pageText(doc, p)).contains("Página " + p + " de " + pages);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FileKind.class)
    void everyKindHasItsTitle(FileKind kind) throws IOException {
        IntegrationRecord record = record(kind, List.of(), Map.of(), Map.of(), 3);

        String text = text(render(record, items()));

        assertThat(text).contains(PtBrFormat.statementTitle(kind));
    }

    @Test
    void aManualFileShowsThePersonsNameAndAnotherStatus() throws IOException {
        IntegrationRecord r = retorno();
        IntegrationRecord manual = new IntegrationRecord(r.tenant(), r.id(), r.receivedAt(), r.fileName(), r.objectKey(),
                r.sizeBytes(), r.sha256(), Origin.MANUAL, "u-1", "Maria Antônia Souza", RecordStatus.REJECTED, r.kind(),
                r.layout(), r.direction(), r.service(), r.bankCode(), r.bankName(), r.layoutVersion(), r.companyName(),
                r.companyDocument(), r.agency(), r.account(), r.agreement(), r.sequenceNumber(), r.generatedOn(),
                r.itemCount(), r.totalAmountCents(), r.totalPaidCents(), r.byCategory(), r.findings(), r.findingCounts());

        String text = text(render(manual, items()));

        assertThat(text).contains("Manual · Maria Antônia Souza").contains("Rejeitado").doesNotContain("Integração");
    }

    @Test
    void longTextsAreCutWithAnEllipsisInsideTheirColumn() throws IOException {
        String longName = "COMPANHIA BRASILEIRA DE DISTRIBUIÇÃO E LOGÍSTICA INTEGRADA DO NORDESTE SETENTRIONAL S.A.";
        Item item = new Item(3, "T", "1", "2", "06", "Liquidação", Category.PAID, List.of(), null, 1, 1, 0, null,
                null, longName, "");

        String text = text(render(retorno(), List.of(item)));

        assertThat(text).doesNotContain(longName).contains("COMPANHIA BRASILEIRA DE").contains("\u2026");
    }

    @Test
    void reasonsThatDoNotFitSayHowManyAreLeftOut() throws IOException {
        Item item = new Item(3, "T", "1", "2", "03", "Entrada rejeitada", Category.ENTRY_REJECTED,
                List.of("08 - Nosso número inválido", "16 - Data de vencimento inválida", "48 - CEP inválido",
                        "45 - Nome do pagador não informado"), null, 1, 0, 0, null, null, "X", "");
        Item two = new Item(5, "T", "3", "4", "03", "Entrada rejeitada", Category.ENTRY_REJECTED,
                List.of("08 - Nosso número", "48 - CEP"), null, 1, 0, 0, null, null, "Y", "");

        IntegrationRecord other = record(FileKind.OTHER, List.of(), Map.of(), Map.of(), 2);

        String text = text(render(other, List.of(item, two)));

        assertThat(text).contains("08 - Nosso número inválido (+3)").contains("08 - Nosso número; 48 - CEP");
    }

    @Test
    void aRetornosReasonsAreWrittenInFullOnASecondLine() throws IOException {
        Item item = new Item(3, "T", "1", "2", "03", "Entrada rejeitada", Category.ENTRY_REJECTED,
                List.of("08 - Nosso número inválido", "16 - Data de vencimento inválida", "48 - CEP inválido",
                        "45 - Nome do pagador não informado"), null, 1, 0, 0, null, null, "X", "");

        String text = text(render(retorno(), List.of(item)));

        assertThat(text).contains("Motivo(s): 08 - Nosso número inválido; 16 - Data de vencimento inválida; "
                + "48 - CEP inválido; 45 - Nome do pagador não informado");
    }

    @Test
    void aTitlesPixIsWrittenOnItsSecondLineWithTheCopiaECola() throws IOException {
        String emv = "00020101021226580014br.gov.bcb.pix2536qr.banco.com.br/cobv/9b6e2f4a8c1d5204000053039865802BR"
                + "6304ABCD";
        Item withPix = new Item(3, "T", "1", "2", "02", "Entrada confirmada", Category.ENTRY_CONFIRMED, List.of(),
                null, 1, 0, 0, null, null, "X", "", null, null,
                new br.bankhistory.cnab.Pix("TxId0001abc", "2", "12345678000199", emv), null, false);
        Item onlyEmv = new Item(5, "", "3", "4", "02", "Entrada confirmada", Category.ENTRY_CONFIRMED, List.of(),
                null, 1, 0, 0, null, null, "Y", "", null, null, new br.bankhistory.cnab.Pix("", "", "", emv), null,
                false);

        String text = text(render(retorno(), List.of(withPix, onlyEmv)));

        assertThat(text).contains("Pix: txid TxId0001abc; chave (tipo 2) 12345678000199; copia e cola " + emv)
                .contains("Pix: copia e cola " + emv);
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new StatementRenderer().render(retorno(), items(), out);

        assertThat(closed[0]).isFalse();
        assertThat(text(bytes.toByteArray())).contains("Página 1 de 1");
    }

    @Test
    void versionAndFileName() {
        assertThat(StatementRenderer.VERSION).isNotBlank();
        assertThat(StatementRenderer.fileName(retorno())).isEqualTo("extrato-RET_CAIXA_20250314_0042.pdf");
    }

    private static IntegrationRecord withCompany(IntegrationRecord r, String company) {
        return new IntegrationRecord(r.tenant(), r.id(), r.receivedAt(), company, r.objectKey(), r.sizeBytes(),
                r.sha256(), r.origin(), r.userId(), company, r.status(), r.kind(), r.layout(), r.direction(),
                r.service(), r.bankCode(), company, r.layoutVersion(), company, r.companyDocument(), company, company,
                company, r.sequenceNumber(), r.generatedOn(), r.itemCount(), r.totalAmountCents(), r.totalPaidCents(),
                r.byCategory(), List.of(new StoredFinding("INFO", 1, 1, company, company, company, company)),
                r.findingCounts());
    }
}
