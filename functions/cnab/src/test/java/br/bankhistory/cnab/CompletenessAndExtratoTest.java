package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a file is whole, and the bank statement (extrato) as a kind of file. */
class CompletenessAndExtratoTest {

    private static final String BANK = "237";

    @Test
    void aRetornoCutInItsFifthLineIsIncompleteAndItsHalfItemIsNotCounted() {
        String[] lines = {
                Synthetic240.fileHeader(BANK, '2'),
                Synthetic240.loteHeader(BANK, 'T', "01"),
                Synthetic240.segmentT(BANK, 1, "06", "12345678901", 10_000, "          "),
                Synthetic240.segmentU(BANK, 2, "06", 9_950),
                Synthetic240.segmentT(BANK, 3, "06", "12345678902", 20_000, "          ").substring(0, 90)};
        ReadResult read = ReadResult.ofLatin1(String.join("\n", lines));

        FileSummary summary = read.summary();
        assertThat(summary.itemCount()).isEqualTo(1);
        assertThat(summary.totalAmountCents()).isEqualTo(10_000);
        assertThat(read.items()).hasSize(2);
        assertThat(read.items().get(1).partial()).isTrue();
        assertThat(read.items().get(0).partial()).isFalse();
        Completeness completeness = summary.completeness();
        assertThat(completeness.complete()).isFalse();
        assertThat(completeness.reasons()).extracting(Finding::code).containsExactly(FindingCodes.TRUNCATED_RECORD,
                FindingCodes.MISSING_LOTE_TRAILER, FindingCodes.MISSING_FILE_TRAILER);
        assertThat(completeness.reasons()).allMatch(f -> f.severity() == Severity.ERROR);
        assertThat(read.first(FindingCodes.PARTIAL_ITEM).line()).isEqualTo(5);
        assertThat(summary.errorCount()).isPositive();
    }

    @Test
    void rightTrimmedLinesAreNotACutFile() {
        StringBuilder text = new StringBuilder();
        for (String line : Synthetic240.retornoLines()) {
            text.append(line.stripTrailing()).append('\n');
        }
        ReadResult read = ReadResult.ofLatin1(text.toString());

        assertThat(read.summary().completeness().complete()).isTrue();
        assertThat(read.summary().itemCount()).isEqualTo(1);
        assertThat(read.findingCodes()).doesNotContain(FindingCodes.TRUNCATED_RECORD, FindingCodes.PARTIAL_ITEM);
    }

    @Test
    void aCompleteFileSaysSo() {
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", Synthetic240.retornoLines()));

        assertThat(read.summary().completeness()).isEqualTo(Completeness.COMPLETE);
    }

    @Test
    void aModelRemessaWithoutLoteTrailerIsReadIncompleteWithWarnings() {
        // brcobranca's Ailos model file: no lote trailer, file trailer counts 40 records for 8 lines
        ReadResult read = ReadResult.ofSample("brcobranca/arquivo_modelo.txt");

        assertThat(read.summary().itemCount()).isPositive();
        Completeness completeness = read.summary().completeness();
        assertThat(completeness.complete()).isFalse();
        assertThat(completeness.reasons()).extracting(Finding::code).contains(FindingCodes.MISSING_LOTE_TRAILER,
                FindingCodes.FILE_TRAILER_COUNT);
        // a remessa (a model file, a draft) is judged with warnings: it is still read in full
        assertThat(completeness.reasons()).allMatch(f -> f.severity() == Severity.WARNING);
    }

    @Test
    void aTruncated400RetornoIsIncomplete() {
        String header = FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(77, "237BRADESCO").put(95, "010424")
                .number(395, 400, 1).toString();
        String detail = FixedLine.of400().put(1, "1").put(71, "000000000303").put(109, "06").put(111, "020424")
                .number(153, 165, 5_000).number(254, 266, 5_000).number(395, 400, 2).toString();
        ReadResult read = ReadResult.ofLatin1(header + "\r\n" + detail + "\r\n" + detail.substring(0, 200));

        assertThat(read.summary().itemCount()).isEqualTo(1);
        assertThat(read.items()).extracting(Item::partial).containsExactly(false, true);
        assertThat(read.summary().completeness().reasons()).extracting(Finding::code)
                .containsExactly(FindingCodes.TRUNCATED_RECORD, FindingCodes.MISSING_FILE_TRAILER);
    }

    // ---- extrato ------------------------------------------------------------------------------

    @Test
    void extratoEntriesAreReadAndItsTrailerIsChecked() {
        ReadResult read = ReadResult.ofLatin1(extrato(1_000_00, 205_40, 50_00, 1_155_40));

        assertThat(read.classification().service()).isEqualTo(Service.EXTRATO);
        assertThat(read.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(read.items()).hasSize(3);
        Item first = read.items().get(0);
        assertThat(first.segment()).isEqualTo("E");
        assertThat(first.category()).isEqualTo(Category.CREDIT);
        assertThat(first.amountCents()).isEqualTo(150_40);
        StatementEntry entry = first.entry();
        assertThat(entry.credit()).isTrue();
        assertThat(entry.date()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(entry.accountingDate()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(entry.categoryCode()).isEqualTo("202");
        assertThat(entry.categoryText()).isEqualTo("Líquido de cobrança");
        assertThat(entry.historyCode()).isEqualTo("0123");
        assertThat(entry.historyText()).isEqualTo("LIQUIDO COBRANCA");
        assertThat(entry.documentNumber()).isEqualTo("DOC-001");
        assertThat(read.items().get(2).category()).isEqualTo(Category.DEBIT);
        assertThat(read.summary().byCategory().get(Category.CREDIT).amountCents()).isEqualTo(205_40);
        assertThat(read.summary().byCategory().get(Category.DEBIT).amountCents()).isEqualTo(50_00);
        // the trailer's record count is at 171-176 (not the cobrança 18-23, where the CNPJ is)
        assertThat(read.summary().findings()).isEmpty();
        assertThat(read.summary().completeness().complete()).isTrue();
    }

    @Test
    void extratoTotalsThatDisagreeAreReported() {
        ReadResult read = ReadResult.ofLatin1(extrato(1_000_00, 999_99, 50_00, 2_000_00));

        assertThat(read.summary().findings()).extracting(Finding::field)
                .containsExactly("total_credits", "closing_balance");
        assertThat(read.summary().findings()).extracting(Finding::code).containsOnly(FindingCodes.LOTE_TRAILER_SUM);
    }

    private static String extrato(long opening, long declaredCredits, long declaredDebits, long closing) {
        String header = Synthetic240.fileHeader(BANK, '2');
        String loteHeader = FixedLine.of240().put(1, BANK).number(4, 7, 1).put(8, "1").put(9, "E").put(10, "04")
                .put(12, "40").put(14, "050").put(18, "2").put(19, "21292400000190").put(73, "EMPRESA TESTE LTDA")
                .put(143, "01042024").number(151, 168, opening).put(169, "C").put(170, "F").put(171, "BRL")
                .number(174, 178, 1).toString();
        String e1 = entry(1, "C", "202", 150_40, "0123", "LIQUIDO COBRANCA", "DOC-001");
        String e2 = entry(2, "C", "201", 55_00, "0001", "DEPOSITO", "DOC-002");
        String e3 = entry(3, "D", "105", 50_00, "0777", "TARIFA", "DOC-003");
        String trailer = FixedLine.of240().put(1, BANK).number(4, 7, 1).put(8, "5").put(18, "2")
                .put(19, "21292400000190").put(143, "02042024").number(151, 168, closing).put(169, "C")
                .put(170, "F").number(171, 176, 5).number(177, 194, declaredDebits).number(195, 212, declaredCredits)
                .toString();
        return Synthetic240.join("\n", header, loteHeader, e1, e2, e3, trailer, Synthetic240.fileTrailer(BANK, 1, 7));
    }

    private static String entry(int sequence, String type, String category, long cents, String history,
                                String historyText, String document) {
        return FixedLine.of240().put(1, BANK).number(4, 7, 1).put(8, "3").number(9, 13, sequence).put(14, "E")
                .put(18, "2").put(19, "21292400000190").put(73, "EMPRESA TESTE LTDA").put(109, "DPV")
                .put(135, "02042024").put(143, "02042024").number(151, 168, cents).put(169, type)
                .put(170, category).put(173, history).put(177, historyText).put(202, document).toString();
    }

    @Test
    void theExtratoFixtureReadsCleanly() {
        ReadResult read = ReadResult.ofSample("synthetic/extrato-237.ret");

        assertThat(read.classification().service()).isEqualTo(Service.EXTRATO);
        assertThat(read.items()).extracting(Item::category).containsExactly(Category.CREDIT, Category.CREDIT,
                Category.DEBIT);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void anExtratoFromAZeroBalanceAgrees() {
        byte[] bytes = extrato(0, 205_40, 50_00, 155_40).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ReadResult.of(bytes).summary().findings()).isEmpty();
    }
}
