package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CNAB 400 layouts of banks without a public sample (Bradesco, Sicoob, Banrisul, Sicredi with reasons)
 * and the 400 checks, on files built field by field from the positions in the banks' documentation.
 */
class Cnab400SyntheticTest {

    static String header(String bank, char direction) {
        return FixedLine.of400().put(1, "0").put(2, String.valueOf(direction))
                .put(3, direction == '2' ? "RETORNO" : "REMESSA").put(10, "01").put(12, "COBRANCA")
                .put(27, "00000000000001234567").put(47, "EMPRESA TESTE LTDA").put(77, bank).put(80, "BANCO")
                .put(95, "150324").number(395, 400, 1).toString();
    }

    static FixedLine retornoDetail(int sequence, String occurrence, long amount, long paid) {
        return FixedLine.of400().put(1, "1").put(2, "02").put(4, "12345678000199").put(109, occurrence)
                .put(111, "150324").put(117, "DOC-" + sequence).put(147, "200324").number(153, 165, amount)
                .number(176, 188, 195).number(254, 266, paid).put(296, "180324").number(395, 400, sequence);
    }

    static String trailer(int sequence) {
        return FixedLine.of400().put(1, "9").put(2, "201").number(395, 400, sequence).toString();
    }

    @Test
    void bradescoRetornoNossoNumeroAndReasons() {
        String detail = retornoDetail(2, "03", 12_345, 0).put(71, "000000012345").put(319, "0809      ").toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\r\n", header("237", '2'), detail, trailer(3)));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "237", "Bradesco", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("000000012345");
            assertThat(item.category()).isEqualTo(Category.ENTRY_REJECTED);
            assertThat(item.reasons()).containsExactly("08 - Nosso número inválido", "09 - Nosso número duplicado");
            assertThat(item.yourNumber()).isEqualTo("DOC-2");
            assertThat(item.feeCents()).isEqualTo(195);
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2024, 3, 18));
        });
        assertThat(read.summary().header().companyDocument()).isEqualTo("12345678000199");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void sicoobRetornoCreditDateAndFeeAtTheirOwnPositions() {
        String detail = retornoDetail(2, "06", 10_000, 10_000).put(63, "00000012345").put(176, "190324")
                .number(182, 188, 250).toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", header("756", '2'), detail, trailer(3)));

        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("00000012345");
            assertThat(item.category()).isEqualTo(Category.PAID);
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2024, 3, 19));
            assertThat(item.feeCents()).isEqualTo(250);
        });
    }

    @Test
    void banrisulRetornoAndTrailerTotals() {
        String detail = retornoDetail(2, "06", 10_000, 10_000).put(63, "0000054321").toString();
        // 18-39: the bank's whole portfolio (never checked); the occurrence-06 block (87-103) says 2 titles
        String badTrailer = FixedLine.of400().put(1, trailer(3)).number(18, 25, 2).number(26, 39, 10_000)
                .number(87, 91, 2).number(92, 103, 10_000).toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", header("041", '2'), detail, badTrailer));

        assertThat(read.classification().bankName()).isEqualTo("Banrisul");
        assertThat(read.items().get(0).ourNumber()).isEqualTo("0000054321");
        assertThat(read.findingCodes()).containsExactly(FindingCodes.FILE_TRAILER_SUM);
        Finding sum = read.first(FindingCodes.FILE_TRAILER_SUM);
        assertThat(sum.line()).isEqualTo(3);
        assertThat(sum.column()).isEqualTo(87);
        assertThat(sum.field()).isEqualTo("occurrence_count_06");
    }

    @Test
    void sicrediRetornoWithYearFirstDates() {
        String head = FixedLine.of400().put(1, header("748", '2')).put(95, "20240315").toString();
        String detail = retornoDetail(2, "06", 5_000, 5_000).put(48, "241000123").put(329, "20240319")
                .put(319, "A8").toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", head, detail, trailer(3)));

        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("241000123");
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2024, 3, 19));
            assertThat(item.reasons()).singleElement().asString().startsWith("A8 - Recebimento da liquidação");
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void santanderRejectionReasonsHaveThreeDigits() {
        String detail = retornoDetail(2, "03", 5_000, 0).put(137, "092101000").toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", header("033", '2'), detail, trailer(3)));

        assertThat(read.items().get(0).reasons()).containsExactly("092 - Nosso número já cadastrado",
                "101 - Nome do pagador não informado");
    }

    @Test
    void bradescoRemessaInstructions() {
        String entry = FixedLine.of400().put(1, "1").put(22, "009").put(71, "000000000123").put(109, "01")
                .put(111, "NF-1234").put(121, "300424").number(127, 139, 45_678).put(219, "02")
                .put(221, "98765432000110").put(235, "CLIENTE PAGADOR SA").number(395, 400, 2).toString();
        String writeOff = FixedLine.of400().put(1, entry).put(109, "02").number(395, 400, 3).toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\r\n", header("237", '1'), entry, writeOff,
                FixedLine.of400().put(1, "9").number(395, 400, 4).toString()));

        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        assertThat(read.items()).extracting(Item::category).containsExactly(Category.INSTRUCTION_ENTRY,
                Category.INSTRUCTION_WRITE_OFF);
        Item first = read.items().get(0);
        assertThat(first.ourNumber()).isEqualTo("000000000123");
        assertThat(first.yourNumber()).isEqualTo("NF-1234");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(first.amountCents()).isEqualTo(45_678);
        assertThat(first.counterpartName()).isEqualTo("CLIENTE PAGADOR SA");
        assertThat(first.counterpartDocument()).isEqualTo("98765432000110");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void sequenceNumbersComplementsAndRecordTypesAreChecked() {
        String detail = retornoDetail(5, "06", 1_000, 1_000).toString();
        String orphanComplement = FixedLine.of400().put(1, "2").number(395, 400, 2).toString();
        String unknownType = FixedLine.of400().put(1, "X").number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", header("237", '2'), orphanComplement, detail,
                unknownType, trailer(5)));

        assertThat(read.findingCodes()).containsExactly(FindingCodes.SEGMENT_ORDER, FindingCodes.SEQUENCE_NUMBER,
                FindingCodes.RECORD_TYPE);
        assertThat(read.first(FindingCodes.SEQUENCE_NUMBER).line()).isEqualTo(3);
        assertThat(read.first(FindingCodes.SEQUENCE_NUMBER).column()).isEqualTo(395);
        assertThat(read.items()).hasSize(1);
    }

    @Test
    void lineLengthsOf400Family() {
        String detail = retornoDetail(2, "06", 1_000, 1_000).toString();
        ReadResult read = ReadResult.ofLatin1(header("341", '2') + " \n" + detail.substring(0, 290) + "\n"
                + trailer(3) + "\n");

        // 401 characters, then a detail cut at 290 (so its sequence number at 395-400 is blank too)
        assertThat(read.findingCodes()).containsExactly(FindingCodes.LINE_LONG, FindingCodes.LINE_SHORT,
                FindingCodes.SEQUENCE_NUMBER);
        assertThat(read.first(FindingCodes.LINE_LONG).column()).isEqualTo(401);
        assertThat(read.first(FindingCodes.LINE_SHORT).column()).isEqualTo(291);
        assertThat(read.items()).hasSize(1);
    }

    @Test
    void missingTrailerAndUnknownDirection() {
        String head = FixedLine.of400().put(1, header("237", '2')).put(2, "X").put(3, "ARQUIVO").toString();
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", head,
                retornoDetail(2, "06", 1_000, 1_000).toString()));

        assertThat(read.classification().direction()).isEqualTo(Direction.UNKNOWN);
        assertThat(read.findingCodes()).containsExactlyInAnyOrder(FindingCodes.MISSING_FILE_TRAILER,
                FindingCodes.UNKNOWN_DIRECTION);
        assertThat(read.items()).hasSize(1);
    }
}
