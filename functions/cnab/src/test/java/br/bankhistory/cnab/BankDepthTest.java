package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defects seen on real files: BRB's own retorno positions, Bradesco-style trailers and header, the
 * occurrences no table decoded, banks without a name, reasons shown without words.
 */
class BankDepthTest {

    @Test
    void brbRetornoIsReadWithBrbsOwnPositions() {
        // values read by hand from the file: 157-169 = 0000000026492, 258-270 = 0000000026492, 109-110 = 05,
        // dates at 111-118, 149-156 and 300-307 in ddMMyyyy (26072012)
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB400BANCOBRASILIA.RET");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "070", "BRB", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("107851907015");
            assertThat(item.occurrenceCode()).isEqualTo("05");
            assertThat(item.occurrenceText()).isEqualTo("Liquidado sem registro");
            assertThat(item.category()).isEqualTo(Category.PAID);
            assertThat(item.amountCents()).isEqualTo(26_492);
            assertThat(item.paidCents()).isEqualTo(26_492);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2012, 7, 26));
            assertThat(item.occurrenceDate()).isEqualTo(LocalDate.of(2012, 7, 26));
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2012, 7, 26));
        });
        assertThat(read.summary().totalAmountCents()).isEqualTo(26_492);
        assertThat(read.summary().totalPaidCents()).isEqualTo(26_492);
        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2012, 7, 26));
        assertThat(read.summary().header().companyName()).isEqualTo("CONDOMINIO TESTE");
        // the sample's trailer numbers itself 000030 (a quirk of the file): the only finding
        assertThat(read.findingCodes()).containsExactly(FindingCodes.SEQUENCE_NUMBER);
        assertThat(read.summary().completeness().complete()).isTrue();
    }

    @Test
    void bradescoTrailerIsCheckedPerOccurrenceNotAgainstThePortfolio() {
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB400BRADESCO.RET");

        assertThat(read.summary().itemCount()).isEqualTo(6);
        // trailer 18-25 / 26-39: 18 titles, R$ 8.645,00 in the bank's portfolio: never compared;
        // 58-62 says 5 entries (02) and 104-120 one write-off of R$ 200,00 (10): both agree with the details;
        // 63-74 says R$ 2.020,00 for the entries, the details hold R$ 2.730,00: the one disagreement
        assertThat(read.findingCodes()).containsExactly(FindingCodes.FILE_TRAILER_SUM);
        Finding sum = read.first(FindingCodes.FILE_TRAILER_SUM);
        assertThat(sum.field()).isEqualTo("occurrence_total_02");
        assertThat(sum.column()).isEqualTo(63);
        // header 109-113 is the notice number (00405), not a sequence number: no NOT_NUMERIC
        assertThat(read.summary().header().sequenceNumber()).isZero();
        assertThat(read.summary().byOccurrence().get("02").amounts().feeCents()).isEqualTo(800);
    }

    @Test
    void banrisulTrailerHasBradescosBlocks() {
        // the sample's trailer was copied from the Bradesco one (it names bank 237 at 5-7): its blocks count
        // entries and a write-off the body does not have, and every disagreement is reported by block
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB400BANRISUL.RET");

        assertThat(read.classification().bankName()).isEqualTo("Banrisul");
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.category()).isEqualTo(Category.PAID);
            assertThat(item.paidCents()).isEqualTo(145_000);
        });
        assertThat(read.summary().findings()).extracting(Finding::field).containsExactly("occurrence_count_02",
                "occurrence_total_02", "occurrence_count_06", "occurrence_total_06", "occurrence_count_09_10",
                "occurrence_total_09_10");
    }

    @Test
    void fibraAndDelbankHaveNamesAndFibraOccurrencesAreDecoded() {
        assertThat(Banks.shortName("224")).isEqualTo("Fibra");
        assertThat(Banks.shortName("435")).isEqualTo("Delbank");
        String header = FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(77, "224FIBRA").put(95, "010424")
                .number(395, 400, 1).toString();
        String detail = FixedLine.of400().put(1, "1").put(63, "00000001234").put(109, "01").put(111, "020424")
                .put(147, "300424").number(153, 165, 5_000).put(378, "03").number(395, 400, 2).toString();
        String rejected = FixedLine.of400().put(1, "1").put(63, "00000001235").put(109, "03").put(111, "020424")
                .number(153, 165, 7_000).put(378, "0821").number(395, 400, 3).toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\r\n", header, detail, rejected, trailer));

        assertThat(read.classification().bankName()).isEqualTo("Fibra");
        Item entry = read.items().get(0);
        assertThat(entry.occurrenceText()).isEqualTo("Confirma entrada do título na CIP");
        assertThat(entry.category()).isEqualTo(Category.ENTRY_CONFIRMED);
        assertThat(entry.ourNumber()).isEqualTo("00000001234");
        Item error = read.items().get(1);
        assertThat(error.category()).isEqualTo(Category.ENTRY_REJECTED);
        // every reason of the list in words, from Fibra's own table for occurrence 03
        assertThat(error.reasons()).containsExactly("08 - Nome do sacado não informado",
                "21 - Movimento para título não cadastrado no sistema");
        assertThat(read.findingCodes()).doesNotContain(FindingCodes.UNKNOWN_OCCURRENCE, FindingCodes.UNKNOWN_BANK);
    }

    @Test
    void itauSispagNaAndSantanderB1AreDecoded() {
        ReadResult itau = ReadResult.ofLatin1(pagamento("341", 'A', "NA"));
        assertThat(itau.items()).singleElement().satisfies(item -> {
            assertThat(item.occurrenceText()).isEqualTo("Pagamento cancelado por falta de autorização");
            assertThat(item.category()).isEqualTo(Category.PAYMENT_REJECTED);
        });
        ReadResult santander = ReadResult.ofLatin1(pagamento("033", 'O', "B1"));
        assertThat(santander.items()).singleElement().satisfies(item -> {
            assertThat(item.segment()).isEqualTo("O");
            assertThat(item.occurrenceText()).isEqualTo("Bloqueado pendente de autorização");
            // neither paid nor rejected: waiting for the company's approval at the bank
            assertThat(item.category()).isEqualTo(Category.OTHER);
            assertThat(item.paidCents()).isZero();
            assertThat(item.amountCents()).isEqualTo(300_291);
        });
        assertThat(itau.findingCodes()).doesNotContain(FindingCodes.UNKNOWN_OCCURRENCE);
        assertThat(santander.findingCodes()).doesNotContain(FindingCodes.UNKNOWN_OCCURRENCE);
    }

    private static String pagamento(String bank, char segment, String occurrence) {
        String fileHeader = Synthetic240.fileHeader(bank, '2');
        String loteHeader = Synthetic240.pagamentoLoteHeader(bank, 1, "20", segment == 'O' ? "11" : "41");
        FixedLine detail = Synthetic240.paymentDetail(bank, 1, 1, segment);
        long amount = 300_291;
        if (segment == 'O') {
            detail.put(18, "83600000001234500000000000000000000000000000").put(62, "AGUA E ESGOTO")
                    .put(92, "20042024").put(100, "19042024").number(108, 122, amount).put(123, "PAG-0003");
        } else {
            detail.put(21, "237").put(44, "FORNECEDOR UM LTDA").put(74, "PAG-0001").put(94, "10042024")
                    .put(102, "BRL").number(120, 134, amount);
        }
        detail.put(231, occurrence);
        String loteTrailer = Synthetic240.pagamentoLoteTrailer(bank, 1, 3, amount);
        return Synthetic240.join("\n", fileHeader, loteHeader, detail.toString(), loteTrailer,
                Synthetic240.fileTrailer(bank, 1, 5));
    }

    @Test
    void everyBankTheEngineNamedBeforeIsStillNamed() {
        for (String code : List.of("001", "004", "021", "033", "037", "041", "047", "070", "077", "084", "085", "097",
                "099", "104", "133", "136", "208", "212", "218", "237", "246", "260", "290", "318", "336", "341", "389",
                "399", "422", "633", "643", "655", "707", "712", "745", "748", "756")) {
            assertThat(Banks.isKnown(code)).as(code).isTrue();
        }
        assertThat(Banks.shortName("341")).isEqualTo("Itaú");
    }
}
