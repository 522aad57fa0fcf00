package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CNAB 240 cobrança of the banks described after the first nine: real MIT-licensed samples where one exists
 * (values below read by hand from the files, positions noted), else files built here field by field at the
 * positions of the bank's manual or MIT source (named in each bank's layout file).
 */
class Cnab240CobrancaBanksTest {

    @Test
    void btgRetornoWithByteOrderMarkTrimmedLinesAndItsOwnCounts() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/btg.ret");

        assertThat(read.classification().bankCode()).isEqualTo("208");
        assertThat(read.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(read.classification().service()).isEqualTo(Service.COBRANCA);
        assertThat(read.items()).hasSize(2);
        Item entry = read.items().get(0);
        // T 16-17 "02", 38-57 nosso número, 59-73 "196/1-1", 74-81 15062021, 82-96 R$ 800,00
        assertThat(entry.occurrenceCode()).isEqualTo("02");
        assertThat(entry.category()).isEqualTo(Category.ENTRY_CONFIRMED);
        assertThat(entry.occurrenceText()).isEqualTo("Entrada Confirmada");
        assertThat(entry.ourNumber()).isEqualTo("00000000000000000268");
        assertThat(entry.yourNumber()).isEqualTo("196/1-1");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2021, 6, 15));
        assertThat(entry.amountCents()).isEqualTo(80_000);
        assertThat(entry.paidCents()).isZero();
        assertThat(entry.counterpartName()).isEqualTo("EMPRESA SACADO EXEMPLO");
        Item paid = read.items().get(1);
        // U of line 6: abatimento 48-62, pago 78-92 and líquido 93-107 all R$ 800,00; ocorrência and crédito 15/06/2021
        assertThat(paid.category()).isEqualTo(Category.PAID);
        assertThat(paid.amounts().paidCents()).isEqualTo(80_000);
        assertThat(paid.amounts().netCreditedCents()).isEqualTo(80_000);
        assertThat(paid.amounts().rebateCents()).isEqualTo(80_000);
        assertThat(paid.amounts().feeCents()).isZero();
        assertThat(paid.occurrenceDate()).isEqualTo(LocalDate.of(2021, 6, 15));
        assertThat(paid.creditDate()).isEqualTo(LocalDate.of(2021, 6, 15));
        // the file as the bank sent it: a BOM, a 308-character header, trimmed lines, the lote header numbered
        // 0000, and trailers that count 1 record and 1 title; the 13-digit amounts followed by blanks read cleanly
        assertThat(read.findingCodes()).contains(FindingCodes.BYTE_ORDER_MARK, FindingCodes.LINE_LENGTH,
                FindingCodes.LINE_SHORT, FindingCodes.LOTE_NUMBER, FindingCodes.LOTE_TRAILER_COUNT,
                FindingCodes.FILE_TRAILER_COUNT).doesNotContain(FindingCodes.NOT_NUMERIC, FindingCodes.UNKNOWN_OCCURRENCE);
        assertThat(read.first(FindingCodes.LOTE_TRAILER_SUM).messagePt()).contains("1 títulos");
    }

    @Test
    void ailosRetornoOfThreeLiquidationsInRightTrimmedLines() {
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB240AILOS.RET");

        assertThat(read.classification().bankCode()).isEqualTo("085");
        assertThat(read.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(read.items()).hasSize(3).allSatisfy(item -> {
            // T 82-96 R$ 2,00, tarifa 199-213 R$ 1,70, motivo 214-215 "03"; U pago and líquido R$ 2,00, 10/08/2015
            assertThat(item.category()).isEqualTo(Category.PAID);
            assertThat(item.occurrenceText()).isEqualTo("Liquidação");
            assertThat(item.amountCents()).isEqualTo(200);
            assertThat(item.amounts().paidCents()).isEqualTo(200);
            assertThat(item.amounts().netCreditedCents()).isEqualTo(200);
            assertThat(item.amounts().feeCents()).isEqualTo(170);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2015, 8, 13));
            assertThat(item.occurrenceDate()).isEqualTo(LocalDate.of(2015, 8, 10));
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2015, 8, 10));
            assertThat(item.reasons()).containsExactly("03 - Liquidação no guichê de caixa em dinheiro");
            assertThat(item.counterpartDocument()).isEqualTo("003997783000118");
        });
        assertThat(read.items()).extracting(Item::ourNumber)
                .containsExactly("000000000000083", "000000000000116", "000000000000123");
        // the lote trailer's 8 records agree; its totals are zero-filled (not compared)
        assertThat(read.findingCodes()).doesNotContain(FindingCodes.LOTE_TRAILER_COUNT, FindingCodes.LOTE_TRAILER_SUM,
                FindingCodes.FILE_TRAILER_COUNT, FindingCodes.UNKNOWN_OCCURRENCE);
        assertThat(read.summary().completeness().complete()).isTrue();
    }

    @Test
    void cresolRetornoWithALiquidationAndARejection() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/cresol.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB240, Direction.RETORNO,
                Service.COBRANCA, "133", "Cresol", "084"));
        assertThat(read.items()).hasSize(2);
        Item paid = read.items().get(0);
        // T 82-96 R$ 150,00, tarifa 199-213 R$ 2,50, motivo "04"; U pago R$ 150,00, líquido R$ 147,50, crédito 12/03/2026
        assertThat(paid.category()).isEqualTo(Category.PAID);
        assertThat(paid.amountCents()).isEqualTo(15_000);
        assertThat(paid.amounts().paidCents()).isEqualTo(15_000);
        assertThat(paid.amounts().netCreditedCents()).isEqualTo(14_750);
        assertThat(paid.amounts().feeCents()).isEqualTo(250);
        assertThat(paid.creditDate()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(paid.yourNumber()).isEqualTo("000000000000001");
        Item rejected = read.items().get(1);
        // T 16-17 "03", motivos 214-223 "0803000000": nosso número inválido, código do segmento inválido
        assertThat(rejected.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(rejected.amountCents()).isEqualTo(30_000);
        assertThat(rejected.paidCents()).isZero();
        assertThat(rejected.reasons()).containsExactly("08 - Nosso número inválido", "03 - Código do segmento inválido");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void santanderRetornoCarriesThePixOfTheBoletoInY03() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/santander_pix_liquidacao_chave.ret");

        assertThat(read.items()).singleElement().satisfies(item -> {
            // Y-03: key type 81 "2", key 82-158, txid 159-193
            assertThat(item.pix()).isEqualTo(new Pix("YKP000550547000000000003509062026", "2", "34711996000165", ""));
            // Santander's T: nosso número 41-53, valor 78-92 R$ 10,00, tarifa 194-208 R$ 3,24, motivos 209-218
            assertThat(item.ourNumber()).isEqualTo("0000000001040");
            assertThat(item.amountCents()).isEqualTo(1_000);
            assertThat(item.amounts().feeCents()).isEqualTo(324);
            assertThat(item.amounts().paidCents()).isEqualTo(1_100);
            assertThat(item.amounts().otherCreditsCents()).isEqualTo(100);
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2014, 6, 5));
        });
        // the lote trailer's totals are Santander's portfolio (R$ 548,90 for a file of R$ 10,00): not compared
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void santanderRetornosReadWithSantandersOwnPositionsOfT() {
        ReadResult brcobranca = ReadResult.ofSample("brcobranca/CNAB240SANTANDER.RET");
        assertThat(brcobranca.items()).hasSize(2).allSatisfy(item -> {
            assertThat(item.ourNumber()).isEqualTo("0000000001406");
            assertThat(item.yourNumber()).isEqualTo("0000001406");
            assertThat(item.counterpartName()).isEqualTo("FULANO SANTOS");
            assertThat(item.amountCents()).isEqualTo(1_000);
        });
        // the entry confirmation's tarifa (194-208) is R$ 3,92
        assertThat(brcobranca.items().get(0).category()).isEqualTo(Category.ENTRY_CONFIRMED);
        assertThat(brcobranca.items().get(0).feeCents()).isEqualTo(392);
        assertThat(brcobranca.items().get(1).category()).isEqualTo(Category.PAID);
        assertThat(brcobranca.findingCodes()).doesNotContain(FindingCodes.LOTE_TRAILER_SUM, FindingCodes.NOT_NUMERIC);

        ReadResult laravel = ReadResult.ofSample("laravel-boleto/santander.ret");
        assertThat(laravel.items()).singleElement().satisfies(item -> {
            assertThat(item.occurrenceCode()).isEqualTo("17");
            assertThat(item.category()).isEqualTo(Category.PAID);
            assertThat(item.feeCents()).isEqualTo(324);
        });
    }

    // ---- files built from the manuals' positions -------------------------------------------------

    @Test
    void banrisulRetornoAtTheFebrabanPositionsWithBanrisulsOwnCodes() {
        ReadResult read = ReadResult.ofLatin1(retorno("041", "040", "020",
                t("041").put(16, "AA").put(38, "00009274000000000000").number(82, 96, 12_345),
                u("041").put(16, "AA").number(78, 92, 12_345).number(93, 107, 12_000)));

        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.occurrenceCode()).isEqualTo("AA");
            assertThat(item.occurrenceText()).startsWith("Devolução, liquidado anteriormente (CCB)");
            assertThat(item.category()).isEqualTo(Category.OTHER);
            assertThat(item.ourNumber()).isEqualTo("00009274000000000000");
            assertThat(item.amounts().netCreditedCents()).isEqualTo(12_000);
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void unicredRetornoWithItsElevenDigitNossoNumeroAndOneMotivo() {
        ReadResult read = ReadResult.ofLatin1(retorno("136", "085", "044",
                t("136").put(16, "03").put(38, "12345678901").put(57, "21").number(82, 96, 5_000).put(214, "08"),
                u("136").put(16, "03").number(18, 32, 777)));

        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("12345678901");
            assertThat(item.category()).isEqualTo(Category.ENTRY_REJECTED);
            assertThat(item.reasons()).containsExactly("08 - Nosso número inválido");
            // U 18-32 is a filler at Unicred: no juros read from it
            assertThat(item.amounts().interestCents()).isZero();
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void abcRetornoWithTheCodigoDoBeneficiarioInTheAccountBlock() {
        ReadResult read = ReadResult.ofLatin1(retorno("246", "040", "030",
                t("246").put(16, "06").put(18, "00000000000000012345").put(38, "5").put(39, "000").put(44, "110")
                        .put(47, "00000012345").number(82, 96, 9_990).put(134, "012345678000199")
                        .put(149, "PAGADOR ABC"),
                u("246").put(16, "06").number(78, 92, 9_990).number(93, 107, 9_500)));

        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("00000012345");
            assertThat(item.counterpartDocument()).isEqualTo("012345678000199");
            assertThat(item.counterpartName()).isEqualTo("PAGADOR ABC");
            assertThat(item.amounts().paidCents()).isEqualTo(9_990);
            assertThat(item.amounts().netCreditedCents()).isEqualTo(9_500);
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void credisisAndUniprimeRetornosAtTheFebrabanPositions() {
        for (String bank : List.of("097", "084")) {
            ReadResult read = ReadResult.ofLatin1(retorno(bank, "101", "060",
                    t(bank).put(16, "06").put(38, "00000000000000004321").number(82, 96, 1_500)
                            .number(199, 213, 120).put(214, "04"),
                    u(bank).put(16, "06").number(78, 92, 1_500).number(93, 107, 1_380)));
            assertThat(read.items()).as(bank).singleElement().satisfies(item -> {
                assertThat(item.category()).isEqualTo(Category.PAID);
                assertThat(item.ourNumber()).isEqualTo("00000000000000004321");
                assertThat(item.amounts().feeCents()).isEqualTo(120);
                assertThat(item.amounts().netCreditedCents()).isEqualTo(1_380);
            });
            assertThat(read.summary().findings()).as(bank).isEmpty();
        }
    }

    private static FixedLine t(String bank) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "3").number(9, 13, 1).put(14, "T")
                .put(74, "20032024");
    }

    private static FixedLine u(String bank) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "3").number(9, 13, 2).put(14, "U")
                .put(138, "18032024").put(146, "19032024");
    }

    /** A retorno of one lote with one T+U, header direction 2, counts right, trailer totals zero-filled. */
    private static String retorno(String bank, String fileVersion, String loteVersion, FixedLine t, FixedLine u) {
        String header = FixedLine.of240().put(1, bank).put(4, "0000").put(8, "0").put(18, "2")
                .put(19, "12345678000199").put(73, "EMPRESA TESTE LTDA").put(143, "2").put(144, "15032024")
                .put(152, "101010").put(158, "000042").put(164, fileVersion).toString();
        String loteHeader = FixedLine.of240().put(1, bank).put(4, "0001").put(8, "1").put(9, "T").put(10, "01")
                .put(14, loteVersion).put(18, "2").put(19, "012345678000199").toString();
        String loteTrailer = FixedLine.of240().put(1, bank).put(4, "0001").put(8, "5").number(18, 23, 4).toString();
        String fileTrailer = FixedLine.of240().put(1, bank).put(4, "9999").put(8, "9").number(18, 23, 1)
                .number(24, 29, 6).toString();
        return String.join("\r\n", header, loteHeader, t.toString(), u.toString(), loteTrailer, fileTrailer) + "\r\n";
    }
}
