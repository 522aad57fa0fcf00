package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Banestes (021) CNAB 240 cobrança, from the bank's manual (kivanio/brcobranca, MIT,
 * docs/banestes/layout_cobranca_cnab240.pdf): no public Banestes file exists, so each file is built here at
 * the manual's positions. What differs from the FEBRABAN base: a 10-digit nosso número at 38-47, the carnê in
 * Q, the lote trailer's totals each followed by an aviso, and a file trailer that states no counts (zeros).
 */
class Cnab240BanestesTest {

    private static final Classification RETORNO = new Classification(Layout.CNAB240, Direction.RETORNO,
            Service.COBRANCA, "021", "Banestes", "040");

    @Test
    void retornoOfAnEntryALiquidationARejectionAndAFeeWithEveryAmountAndReasonInWords() {
        String entry = t(1, "02", "0000012345", "NF-1", 50_000, 0).put(214, "00").toString();
        String entryU = u(2, "02").put(138, "01062024").toString();
        String paid = t(3, "06", "0000012346", "NF-2", 80_000, 250).put(214, "04").toString();
        // juros 18-32, desconto 33-47, abatimento 48-62, pago 78-92, líquido 93-107 (zeros here), ocorrência
        // 138-145; the credit date (146-153) is zeros in the manual
        String paidU = u(4, "06").number(18, 32, 400).number(33, 47, 500).number(48, 62, 1_000)
                .number(78, 92, 78_900).put(138, "03062024").put(146, "00000000").toString();
        String rejected = t(5, "03", "0000012347", "NF-3", 9_000, 0).put(214, "0848").toString();
        String rejectedU = u(6, "03").put(138, "01062024").toString();
        String fee = t(7, "28", "0000012345", "NF-1", 50_000, 350).put(214, "04").toString();
        String feeU = u(8, "28").put(138, "03062024").toString();
        List<String> details = List.of(entry, entryU, paid, paidU, rejected, rejectedU, fee, feeU);
        String loteTrailer = FixedLine.of240().put(1, "021").put(4, "0001").put(8, "5").number(18, 23, 10)
                .number(24, 29, 4).number(30, 46, 189_000).put(47, "001").toString();
        ReadResult read = ReadResult.ofLatin1(file('2', 'T', details, loteTrailer));

        assertThat(read.classification()).isEqualTo(RETORNO);
        assertThat(read.items()).extracting(Item::ourNumber)
                .containsExactly("0000012345", "0000012346", "0000012347", "0000012345");
        assertThat(read.items()).extracting(Item::category).containsExactly(Category.ENTRY_CONFIRMED,
                Category.PAID, Category.ENTRY_REJECTED, Category.FEE);
        Item liquidation = read.items().get(1);
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação");
        assertThat(liquidation.yourNumber()).isEqualTo("NF-2");
        assertThat(liquidation.dueDate()).isEqualTo(LocalDate.of(2024, 6, 10));
        assertThat(liquidation.occurrenceDate()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(liquidation.creditDate()).isNull();
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(80_000, 78_900, 0, 250, 400, 0, 500, 1_000, 0, 0, 0));
        // Tabela C for a liquidation, A for a rejection, B for a fee
        assertThat(liquidation.reasons()).containsExactly("04 - Compensação eletrônica");
        assertThat(read.items().get(2).reasons()).containsExactly("08 - Nosso número inválido", "48 - CEP inválido");
        assertThat(read.items().get(3).reasons()).containsExactly("04 - Tarifa de protesto");
        assertThat(read.items().get(3).amounts().feeCents()).isEqualTo(350);
        // the file trailer's zero counts state nothing; the lote trailer's simples block agrees with the items
        assertThat(read.summary().findings()).isEmpty();
        assertThat(read.summary().completeness().complete()).isTrue();
    }

    @Test
    void aLoteTrailerThatDisagreesIsStillReported() {
        String entry = t(1, "02", "0000012345", "NF-1", 50_000, 0).toString();
        String loteTrailer = FixedLine.of240().put(1, "021").put(4, "0001").put(8, "5").number(18, 23, 4)
                .number(24, 29, 1).number(30, 46, 60_000).put(47, "001").toString();
        ReadResult read = ReadResult.ofLatin1(file('2', 'T', List.of(entry, u(2, "02").toString()), loteTrailer));

        assertThat(read.findingCodes()).containsExactly(FindingCodes.LOTE_TRAILER_SUM);
    }

    @Test
    void remessaWithItsTenDigitNossoNumeroAndTheCarneInQ() {
        String p = FixedLine.of240().put(1, "021").put(4, "0001").put(8, "3").number(9, 13, 1).put(14, "P")
                .put(16, "01").put(18, "00000").put(24, "000012345678").put(36, "0").put(38, "0000012345")
                .put(58, "1").put(59, "1").put(61, "2").put(62, "2").put(63, "CARNE-1/3").put(78, "10072024")
                .number(86, 100, 12_500).put(101, "000000").put(107, "02").put(109, "N").put(110, "10062024")
                .put(118, "1").put(221, "3").put(228, "09").toString();
        String q = FixedLine.of240().put(1, "021").put(4, "0001").put(8, "3").number(9, 13, 2).put(14, "Q")
                .put(16, "01").put(18, "1").put(19, "000012345678909").put(34, "MARIA DA SILVA").put(74, "RUA A 1")
                .put(114, "CENTRO").put(129, "29000000").put(137, "VITORIA").put(152, "ES").put(154, "0")
                .put(213, "A1    ").put(219, "01").put(221, "03").toString();
        String loteTrailer = FixedLine.of240().put(1, "021").put(4, "0001").put(8, "5").number(18, 23, 4).toString();
        ReadResult read = ReadResult.ofLatin1(file('1', 'R', List.of(p, q), loteTrailer));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.REMESSA,
                Service.COBRANCA, "021", "Banestes", "040"));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("0000012345");
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
            assertThat(item.yourNumber()).isEqualTo("CARNE-1/3");
            assertThat(item.amountCents()).isEqualTo(12_500);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2024, 7, 10));
            assertThat(item.counterpartName()).isEqualTo("MARIA DA SILVA");
        });
        assertThat(read.summary().header().account()).isEqualTo("000012345678");
        assertThat(read.summary().findings()).isEmpty();
    }

    private static FixedLine t(int sequence, String occurrence, String ourNumber, String document, long amount,
                               long fee) {
        return FixedLine.of240().put(1, "021").put(4, "0001").put(8, "3").number(9, 13, sequence).put(14, "T")
                .put(16, occurrence).put(18, "00000").put(24, "000012345678").put(36, "0").put(38, ourNumber)
                .put(58, "1").put(59, document).put(74, "10062024").number(82, 96, amount).put(97, "021")
                .put(100, "00000").put(105, "0").put(131, "09").put(133, "2").put(134, "098765432000155")
                .put(149, "CLIENTE DE TAL").number(199, 213, fee).put(224, "000042").put(230, "01062024");
    }

    private static FixedLine u(int sequence, String occurrence) {
        return FixedLine.of240().put(1, "021").put(4, "0001").put(8, "3").number(9, 13, sequence).put(14, "U")
                .put(16, occurrence).put(18, "0".repeat(136));
    }

    /** Header (with its direction), lote header, the details, the lote trailer given, file trailer of zeros. */
    private static String file(char direction, char operation, List<String> details, String loteTrailer) {
        String header = FixedLine.of240().put(1, "0210000").put(8, "0").put(18, "2").put(19, "12345678000199")
                .put(53, "00000").put(59, "000012345678").put(71, "00").put(73, "EMPRESA SA").put(103, "BANESTES")
                .put(143, String.valueOf(direction)).put(144, "01062024").put(152, "101010").put(158, "000042")
                .put(164, "040").put(167, "00000").put(172, direction == '1' ? "REMESSA" : "RETORNO").toString();
        String loteHeader = FixedLine.of240().put(1, "0210001").put(8, "1").put(9, String.valueOf(operation))
                .put(10, "01").put(14, "040").put(18, "2").put(19, "012345678000199").put(54, "00000")
                .put(60, "000012345678").put(72, "0").put(74, "EMPRESA SA").number(184, 191, 42)
                .put(192, "01062024").put(200, "00000000").toString();
        String fileTrailer = FixedLine.of240().put(1, "0219999").put(8, "9").put(18, "0".repeat(18)).toString();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(header);
        lines.add(loteHeader);
        lines.addAll(details);
        lines.add(loteTrailer);
        lines.add(fileTrailer);
        return String.join("\r\n", lines) + "\r\n";
    }
}
