package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CNAB 400 cobrança of the banks described from their own sources (docs/cnab-coverage.md): each bank's retorno
 * on its real sample where one is public, else on a file built at the positions its layout file cites, and its
 * remessa read back. Built files come in CRLF with full lines and in LF with right-trimmed lines: both read the
 * same, without findings.
 */
class Cnab400BanksBTest {

    private static final LocalDate JAN_13 = LocalDate.of(2023, 1, 13);

    // ---- 643 Pine ------------------------------------------------------------------------------------

    @Test
    void pineSampleOfFiveLiquidationsTwoWithMora() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/pine.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "643", "Pine", ""));
        assertThat(read.items()).hasSize(5).allSatisfy(item -> {
            assertThat(item.occurrenceCode()).isEqualTo("06");
            assertThat(item.occurrenceText()).isEqualTo("Liquidação normal");
            assertThat(item.category()).isEqualTo(Category.PAID);
            assertThat(item.occurrenceDate()).isEqualTo(JAN_13);
            assertThat(item.reasons()).isEmpty();
        });
        Item first = read.items().get(0);
        assertThat(first.ourNumber()).isEqualTo("01044552172");
        assertThat(first.yourNumber()).isEqualTo("1156601");
        assertThat(first.dueDate()).isEqualTo(JAN_13);
        assertThat(first.amounts()).isEqualTo(new Amounts(1_164_298, 1_164_298, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        // line 5: due on 02/01, paid on 13/01 with R$ 1.499,38 of mora (39.114,90 + 1.499,38 = 40.614,28)
        Item late = read.items().get(3);
        assertThat(late.ourNumber()).isEqualTo("01044772069");
        assertThat(late.dueDate()).isEqualTo(LocalDate.of(2023, 1, 2));
        assertThat(late.amounts()).isEqualTo(new Amounts(3_911_490, 4_061_428, 0, 0, 149_938, 0, 0, 0, 0, 0, 0));
        assertThat(read.items().get(4).amounts().interestCents()).isEqualTo(109_521);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void pineRejectionsAreDecodedFromTheListOfTheirOccurrence() {
        FixedLine entry = detail().put(63, "01044552172").put(109, "03").put(111, "130123").put(117, "1156601")
                .put(147, "280223").number(153, 165, 150_000).put(378, "08AL");
        FixedLine instruction = detail().put(63, "01044552173").put(109, "16").put(111, "130123")
                .put(147, "280223").number(153, 165, 20_000).put(378, "JK22");
        FixedLine fee = detail().put(63, "01044552174").put(109, "28").put(111, "130123").number(153, 165, 0)
                .number(176, 188, 350);

        ReadResult read = readBothWays(header("643", "BANCO PINE", "160123"), entry, instruction, fee);
        assertThat(read.classification().bankName()).isEqualTo("Pine");
        assertThat(read.items()).hasSize(3);
        Item rejected = read.items().get(0);
        assertThat(rejected.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(rejected.occurrenceText()).isEqualTo("Entrada rejeitada");
        assertThat(rejected.reasons()).containsExactly("08 - Nome do sacado não informado",
                "AL - Sacado impedido de entrar nesta cobrança");
        assertThat(rejected.amountCents()).isEqualTo(150_000);
        assertThat(rejected.paidCents()).isZero();
        // the same code means another thing for occurrence 16
        assertThat(read.items().get(1).reasons()).containsExactly(
                "JK - Produto não permite alteração de valor de título", "22 - Título baixado ou liquidado");
        assertThat(read.items().get(2).category()).isEqualTo(Category.FEE);
        assertThat(read.items().get(2).feeCents()).isEqualTo(350);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void pineRemessaIsReadWithItsOwnPositions() {
        FixedLine title = remessaTitle("01", "0001156601", "280223", 150_000, "MARIA DA SILVA")
                .put(18, "000012345").put(63, "01044552172").put(90, "2").number(91, 103, 1_500).put(104, "05")
                .put(108, "1").put(140, "643").put(394, "9");
        FixedLine writeOff = remessaTitle("02", "0001156602", "280223", 20_000, "JOAO SOUZA").put(63, "01044552173");

        ReadResult read = readBothWays(remessaHeader("643", "BANCO PINE S.A", "130123"), title, writeOff);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "643", "Pine", ""));
        assertThat(read.items()).hasSize(2);
        Item entry = read.items().get(0);
        assertThat(entry.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(entry.occurrenceText()).isEqualTo("Remessa");
        assertThat(entry.ourNumber()).isEqualTo("01044552172");
        assertThat(entry.yourNumber()).isEqualTo("0001156601");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(entry.amountCents()).isEqualTo(150_000);
        assertThat(entry.counterpartName()).isEqualTo("MARIA DA SILVA");
        assertThat(entry.counterpartDocument()).isEqualTo("00012345678901");
        assertThat(read.items().get(1).category()).isEqualTo(Category.INSTRUCTION_WRITE_OFF);
        assertThat(read.summary().findings()).isEmpty();
    }

    // ---- 633 Rendimento ------------------------------------------------------------------------------

    @Test
    void rendimentoRetornoWithItsCreditDateAtTheEndOfTheDetail() {
        FixedLine paid = detail().put(63, "00000012345").put(83, "112").put(108, "1").put(109, "06")
                .put(111, "130123").put(117, "NF-1001").put(147, "100123").number(153, 165, 100_000)
                .put(166, "237").put(169, "33890").put(174, "01").number(176, 188, 250)
                .number(241, 253, 1_000).number(254, 266, 101_500).number(267, 279, 2_500).put(377, "1")
                .put(386, "160123");
        FixedLine rebate = detail().put(63, "00000012346").put(109, "12").put(111, "130123")
                .put(147, "280223").number(153, 165, 80_000).number(228, 240, 5_000).put(386, "130123");
        FixedLine rejected = detail().put(63, "00000012347").put(109, "03").put(111, "130123")
                .number(153, 165, 30_000).put(378, "0429KE");
        FixedLine writtenOff = detail().put(63, "00000012348").put(109, "15").put(111, "130123")
                .number(153, 165, 30_000).put(378, "06");

        ReadResult read = readBothWays(header("633", "RENDIMENTO", "160123").put(109, "00042"), paid, rebate,
                rejected, writtenOff);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "633", "Rendimento", ""));
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(42);
        assertThat(read.items()).hasSize(4);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação normal");
        assertThat(liquidation.ourNumber()).isEqualTo("00000012345");
        assertThat(liquidation.yourNumber()).isEqualTo("NF-1001");
        assertThat(liquidation.dueDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(liquidation.occurrenceDate()).isEqualTo(JAN_13);
        assertThat(liquidation.creditDate()).isEqualTo(LocalDate.of(2023, 1, 16));
        // 1.000,00 - 10,00 desconto + 25,00 juros/multa = 1.015,00 paid; tarifa 2,50
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(100_000, 101_500, 0, 250, 2_500, 0, 1_000, 0, 0,
                0, 0));
        Item changed = read.items().get(1);
        assertThat(changed.category()).isEqualTo(Category.CHANGED);
        assertThat(changed.occurrenceText()).isEqualTo("Confirma abatimento");
        assertThat(changed.amounts().rebateCents()).isEqualTo(5_000);
        assertThat(read.items().get(2).reasons()).containsExactly("04 - Sigla do estado inválida",
                "29 - CEP é igual a espaço ou zeros; ou não numérico",
                "KE - Título possui caracteres não permitidos");
        assertThat(read.items().get(3).occurrenceText()).isEqualTo("Baixa rejeitada");
        assertThat(read.items().get(3).reasons()).containsExactly(
                "06 - Solicitação de baixa para título não registrado no sistema");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void rendimentoRemessaWithItsMovementCodes() {
        FixedLine title = remessaTitle("01", "NF-1001", "100123", 100_000, "EMPRESA PAGADORA LTDA")
                .put(18, "0001234567").put(63, "00000000000").put(90, "2").number(91, 103, 200).put(104, "01")
                .put(108, "1").put(140, "633").put(394, "0");
        FixedLine change = remessaTitle("47", "NF-1002", "280223", 120_000, "EMPRESA PAGADORA LTDA")
                .put(63, "00000012345");

        ReadResult read = readBothWays(remessaHeader("633", "RENDIMENTO S.A", "130123"), title, change);
        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        assertThat(read.classification().bankName()).isEqualTo("Rendimento");
        assertThat(read.items()).hasSize(2);
        Item entry = read.items().get(0);
        assertThat(entry.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(entry.yourNumber()).isEqualTo("NF-1001");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(entry.amountCents()).isEqualTo(100_000);
        assertThat(entry.counterpartName()).isEqualTo("EMPRESA PAGADORA LTDA");
        Item change47 = read.items().get(1);
        assertThat(change47.category()).isEqualTo(Category.INSTRUCTION_CHANGE);
        assertThat(change47.occurrenceText())
                .isEqualTo("Alteração do valor nominal do título (altera o vencimento também)");
        assertThat(read.summary().findings()).isEmpty();
    }

    // ---- 246 ABC Brasil -----------------------------------------------------------------------------

    @Test
    void abcRetornoWithALateLiquidationAndItsOwnRejectionCodes() {
        FixedLine paid = detail().put(38, "PEDIDO-77").put(63, "00012345678").put(108, "1").put(109, "06")
                .put(111, "130123").put(117, "0000000077").put(147, "050123").number(153, 165, 250_000)
                .put(166, "341").put(169, "01234").number(176, 188, 390).number(215, 227, 0)
                .number(254, 266, 252_750).number(267, 279, 2_750);
        FixedLine entry = detail().put(63, "00012345679").put(109, "02").put(111, "120123").put(147, "280223")
                .number(153, 165, 90_000);
        FixedLine rejected = detail().put(63, "00012345680").put(109, "03").put(111, "120123")
                .number(153, 165, 90_000).put(378, "90D5");
        FixedLine protested = detail().put(63, "00012345681").put(109, "43").put(111, "120123")
                .number(153, 165, 10_000);

        ReadResult read = readBothWays(header("246", "BANCO ABC BRAS", "130123"), paid, entry, rejected,
                protested);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "246", "ABC Brasil", ""));
        assertThat(read.items()).hasSize(4);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.ourNumber()).isEqualTo("00012345678");
        assertThat(liquidation.yourNumber()).isEqualTo("0000000077");
        assertThat(liquidation.occurrenceDate()).isEqualTo(JAN_13);
        assertThat(liquidation.dueDate()).isEqualTo(LocalDate.of(2023, 1, 5));
        assertThat(liquidation.creditDate()).isNull();
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(250_000, 252_750, 0, 390, 2_750, 0, 0, 0, 0, 0, 0));
        assertThat(read.items().get(1).category()).isEqualTo(Category.ENTRY_CONFIRMED);
        assertThat(read.items().get(1).occurrenceText()).isEqualTo("Entrada confirmada");
        assertThat(read.items().get(2).reasons()).containsExactly("90 - Desinteresse do banco ABC em relação ao sacado",
                "D5 - Boleto já pago e conciliado no ABC Brasil");
        assertThat(read.items().get(3).category()).isEqualTo(Category.PROTESTED);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void abcRemessaWithAMultaAndAnAlterationOfValueAndDueDate() {
        FixedLine title = remessaTitle("01", "0000000077", "050123", 250_000, "COMERCIO DE PECAS LTDA")
                .put(18, "12345678901234567890").put(63, "00012345678").put(90, "2").number(91, 103, 20_000)
                .put(104, "01").put(108, "1").put(140, "246").put(394, "1");
        FixedLine change = remessaTitle("47", "0000000078", "280223", 270_000, "COMERCIO DE PECAS LTDA")
                .put(63, "00012345679");

        ReadResult read = readBothWays(remessaHeader("246", "BANCO ABC BRAS", "020123"), title, change);
        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        assertThat(read.classification().bankName()).isEqualTo("ABC Brasil");
        assertThat(read.items()).hasSize(2);
        Item entry = read.items().get(0);
        assertThat(entry.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(entry.ourNumber()).isEqualTo("00012345678");
        assertThat(entry.amountCents()).isEqualTo(250_000);
        assertThat(entry.counterpartName()).isEqualTo("COMERCIO DE PECAS LTDA");
        assertThat(read.items().get(1).occurrenceText()).isEqualTo("Alteração de valor e vencimento");
        assertThat(read.items().get(1).dueDate()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(read.summary().findings()).isEmpty();
    }

    // ---- 707 Daycoval --------------------------------------------------------------------------------

    @Test
    void daycovalRetornoReadsNoAbatimentoColumn() {
        FixedLine paid = detail().put(63, "00000123456").put(108, "1").put(109, "08").put(111, "130123")
                .put(117, "DUP-12/1").put(147, "021222").number(153, 165, 48_000).number(176, 188, 1_200)
                .number(228, 240, 999).number(241, 253, 500).number(254, 266, 49_100).number(267, 279, 1_600);
        FixedLine rejected = detail().put(63, "00000123457").put(109, "16").put(111, "130123")
                .number(153, 165, 48_000).put(378, "2939");
        FixedLine fee = detail().put(63, "00000123458").put(109, "98").put(111, "130123").number(153, 165, 0)
                .number(176, 188, 4_500);

        ReadResult read = readBothWays(header("707", "BANCO DAYCOVAL", "130123"), paid, rejected, fee);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "707", "Daycoval", ""));
        assertThat(read.items()).hasSize(3);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação em cartório");
        assertThat(liquidation.dueDate()).isEqualTo(LocalDate.of(2022, 12, 2));
        // 228-240 is not a column of Daycoval's retorno: what is there is not an abatimento
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(48_000, 49_100, 0, 1_200, 1_600, 0, 500, 0, 0, 0, 0));
        assertThat(read.items().get(1).category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(read.items().get(1).reasons()).containsExactly("29 - Título não tem instrução de cartório ativa",
                "39 - Título em cartório");
        Item fees = read.items().get(2);
        assertThat(fees.category()).isEqualTo(Category.FEE);
        assertThat(fees.occurrenceText()).isEqualTo("Tarifa sobre entradas – mês anterior");
        assertThat(fees.feeCents()).isEqualTo(4_500);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void daycovalRemessaWithAnEightDigitNossoNumeroAndAMessageRecord() {
        FixedLine title = remessaTitle("01", "0000004321", "280223", 48_000, "LOJA DO BAIRRO ME")
                .put(18, "00001234567890123456").put(63, "12345678").put(108, "1").put(140, "707")
                .put(352, "EMPRESA BENEFICIARIA LTDA").put(394, "0");
        FixedLine messages = FixedLine.of400().put(1, "20").put(3, "NAO RECEBER APOS 30 DIAS DO VENCIMENTO");
        FixedLine writeOff = remessaTitle("02", "0000004322", "280223", 12_000, "LOJA DO BAIRRO ME")
                .put(63, "12345679");

        ReadResult read = readBothWays(remessaHeader("707", "BANCO DAYCOVAL", "020123"), title, messages, writeOff);
        assertThat(read.classification().bankName()).isEqualTo("Daycoval");
        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        // the message record belongs to the title before it
        assertThat(read.items()).hasSize(2);
        Item entry = read.items().get(0);
        assertThat(entry.ourNumber()).isEqualTo("12345678");
        assertThat(entry.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(entry.amountCents()).isEqualTo(48_000);
        assertThat(read.items().get(1).category()).isEqualTo(Category.INSTRUCTION_WRITE_OFF);
        assertThat(read.items().get(1).ourNumber()).isEqualTo("12345679");
        assertThat(read.summary().findings()).isEmpty();
    }

    // ---- 712 Ourinvest -------------------------------------------------------------------------------

    @Test
    void ourinvestSampleEntryWithItsZeroFilledTrailer() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/ourinvest.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "712", "Ourinvest", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("000000000028");
            assertThat(item.yourNumber()).isEqualTo("2");
            assertThat(item.occurrenceCode()).isEqualTo("02");
            assertThat(item.occurrenceText()).isEqualTo("Entrada confirmada");
            assertThat(item.category()).isEqualTo(Category.ENTRY_CONFIRMED);
            assertThat(item.occurrenceDate()).isEqualTo(LocalDate.of(2023, 4, 30));
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2023, 4, 30));
            assertThat(item.creditDate()).isNull();
            // the sample prints the title's value in the paid column too: read as printed
            assertThat(item.amounts()).isEqualTo(new Amounts(10_000, 10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(item.reasons()).isEmpty();
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void ourinvestRetornoWithMultaCreditDateAndFeeReasons() {
        FixedLine paid = detail().put(22, "009").put(25, "01111").put(30, "1234567").put(37, "9")
                .put(71, "000000000031").put(109, "06").put(111, "150523").put(117, "FAT-31")
                .put(147, "100523").number(153, 165, 60_000).number(176, 188, 180).number(254, 266, 61_500)
                .number(267, 279, 300).number(280, 292, 1_200).put(296, "160523").put(319, "00");
        FixedLine fees = detail().put(71, "000000000032").put(109, "28").put(111, "150523")
                .number(153, 165, 0).number(176, 188, 1_050).put(319, "0408");
        FixedLine rejected = detail().put(71, "000000000033").put(109, "03").put(111, "150523")
                .number(153, 165, 5_000).put(319, "10");
        FixedLine trailer = FixedLine.of400().put(1, "92").number(18, 25, 57).number(26, 39, 9_876_543);

        ReadResult read = readWithTrailer(header("712", "BANCO OURINVEST", "150523"), trailer, paid, fees, rejected);
        assertThat(read.items()).hasSize(3);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.ourNumber()).isEqualTo("000000000031");
        assertThat(liquidation.creditDate()).isEqualTo(LocalDate.of(2023, 5, 16));
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(60_000, 61_500, 0, 180, 300, 1_200, 0, 0, 0, 0, 0));
        assertThat(liquidation.reasons()).isEmpty();
        Item fee = read.items().get(1);
        assertThat(fee.category()).isEqualTo(Category.FEE);
        assertThat(fee.feeCents()).isEqualTo(1_050);
        assertThat(fee.reasons()).containsExactly("04 - Tarifa de protesto / inclusão de negativação",
                "08 - Custas de protesto");
        assertThat(read.items().get(2).category()).isEqualTo(Category.ENTRY_REJECTED);
        // the trailer's 57 titles / R$ 98.765,43 are the portfolio: no finding against three details
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void ourinvestRemessaInBradescosArrangement() {
        FixedLine title = remessaTitle("01", "FAT-31", "100523", 60_000, "DISTRIBUIDORA NORTE LTDA")
                .put(2, "                ").put(21, "0").put(22, "009").put(25, "01111").put(30, "1234567")
                .put(37, "9").put(63, "000").put(66, "2").number(67, 70, 200).put(71, "000000000031")
                .number(83, 92, 0).put(93, "2").put(140, "00000000").put(275, "RUA DAS FLORES 10              ")
                .put(313, "BELEM       PA").put(327, "66010000").put(335, "00000000000000")
                .put(351, "                                            ");
        FixedLine writeOff = remessaTitle("19", "FAT-32", "100523", 10_000, "DISTRIBUIDORA NORTE LTDA")
                .put(2, "                ").put(71, "000000000032").put(313, "BELEM       PA  ")
                .put(335, "              ");
        FixedLine header = remessaHeader("712", "Banco Ourinvest", "020523").put(27, "00000000000001234567")
                .put(109, "MX0000123");

        ReadResult read = readBothWays(header, title, writeOff);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "712", "Ourinvest", ""));
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(123);
        assertThat(read.items()).hasSize(2);
        Item entry = read.items().get(0);
        assertThat(entry.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(entry.ourNumber()).isEqualTo("000000000031");
        assertThat(entry.yourNumber()).isEqualTo("FAT-31");
        assertThat(entry.amountCents()).isEqualTo(60_000);
        assertThat(entry.counterpartName()).isEqualTo("DISTRIBUIDORA NORTE LTDA");
        assertThat(read.items().get(1).occurrenceText()).isEqualTo("Sustar protesto e manter o título");
        assertThat(read.summary().findings()).isEmpty();
    }

    // ---- 745 Citibank --------------------------------------------------------------------------------

    @Test
    void citibankRetornoFromItsManualWithTheWayOfEachLiquidationAndWriteOff() {
        FixedLine paid = detail().put(18, "17777751042700080112").put(38, "6969").put(63, "01")
                .put(65, "000000000123").put(108, "1").put(109, "06").put(111, "200715").put(117, "0000000001")
                .put(127, "00").put(129, "000000000123").put(147, "140715").number(153, 165, 19_990).put(166, "745")
                .put(169, "00000").put(174, "07").number(176, 188, 0).number(189, 201, 0).number(202, 214, 0)
                .number(215, 227, 0).number(228, 240, 1_000).number(241, 253, 500).number(254, 266, 19_130)
                .number(267, 279, 640).put(296, "210715").put(302, "04").put(386, "210715");
        FixedLine rejected = detail().put(65, "000000000124").put(109, "03").put(111, "200715")
                .number(153, 165, 5_000).put(302, "4346X3");
        FixedLine writtenOff = detail().put(65, "000000000125").put(109, "10").put(111, "200715")
                .number(153, 165, 2_500).put(302, "14");
        FixedLine notary = detail().put(65, "000000000126").put(109, "53").put(111, "200715")
                .number(153, 165, 2_500).number(189, 201, 1_234);
        FixedLine trailer = FixedLine.of400().put(1, "9").put(5, "745").number(18, 25, 4).number(26, 39, 29_990);

        ReadResult read = readWithTrailer(header("745", "CITIBANK", "210715").put(115, "007").put(120, "210715"),
                trailer, paid, rejected, writtenOff, notary);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "745", "Citibank", ""));
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(7);
        assertThat(read.items()).hasSize(4);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação/pagamento");
        assertThat(liquidation.ourNumber()).isEqualTo("000000000123");
        assertThat(liquidation.yourNumber()).isEqualTo("0000000001");
        assertThat(liquidation.dueDate()).isEqualTo(LocalDate.of(2015, 7, 14));
        assertThat(liquidation.occurrenceDate()).isEqualTo(LocalDate.of(2015, 7, 20));
        assertThat(liquidation.creditDate()).isEqualTo(LocalDate.of(2015, 7, 21));
        // 199,90 - 5,00 desconto - 10,00 abatimento + 6,40 juros = 191,30 received
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(19_990, 19_130, 0, 0, 640, 0, 500, 1_000, 0, 0, 0));
        assertThat(liquidation.reasons()).containsExactly("04 - Compensação eletrônica (CEL)");
        assertThat(read.items().get(1).category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(read.items().get(1).reasons()).containsExactly("43 - Falta nome do sacado (posição 235)",
                "46 - CEP inválido ou praça não coberta (posição 330)",
                "X3 - Pedido de negativação na Serasa não aceito para o título");
        assertThat(read.items().get(2).category()).isEqualTo(Category.WRITTEN_OFF);
        assertThat(read.items().get(2).reasons()).containsExactly("14 - Protestado");
        Item costs = read.items().get(3);
        assertThat(costs.category()).isEqualTo(Category.FEE);
        assertThat(costs.occurrenceText()).isEqualTo("Custa de protesto");
        assertThat(costs.amounts().otherDebitsCents()).isEqualTo(1_234);
        // the trailer's 4 titles of R$ 299,90 are this file's: checked, and they agree
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void citibankTrailerThatDisagreesWithTheDetailsIsReported() {
        FixedLine paid = detail().put(65, "000000000123").put(109, "06").put(111, "200715").number(153, 165, 19_990)
                .number(254, 266, 19_990);
        FixedLine trailer = FixedLine.of400().put(1, "9").put(5, "745").number(18, 25, 2).number(26, 39, 39_980);

        ReadResult read = readWithoutTrimming(header("745", "CITIBANK", "210715"), trailer, paid);
        assertThat(read.count(FindingCodes.FILE_TRAILER_SUM)).isEqualTo(2);
        assertThat(read.first(FindingCodes.FILE_TRAILER_SUM).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void citibankSampleRemessaIsReadAndCopiedByteForByte() throws Exception {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-citibank-cnab400.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "745", "Citibank", ""));
        assertThat(read.summary().header().agreement()).isEqualTo("17777751042700080112");
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
            assertThat(item.occurrenceText()).isEqualTo("Remessa");
            assertThat(item.ourNumber()).isEqualTo("000000000123");
            assertThat(item.yourNumber()).isEqualTo("0000000000");
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2015, 7, 14));
            assertThat(item.amountCents()).isEqualTo(19_990);
            assertThat(item.counterpartName()).isEqualTo("PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN");
            assertThat(item.counterpartDocument()).isEqualTo("00012345678901");
        });
        assertThat(read.summary().findings()).isEmpty();
        // every byte is a described field or filler: the record copy writes the sample again as it was
        byte[] original = ReadResult.sampleBytes("brcobranca/remessa-citibank-cnab400.rem");
        var copy = new java.io.ByteArrayOutputStream();
        br.bankhistory.cnab.write.RecordCopy.standard().copy(new java.io.ByteArrayInputStream(original), copy);
        assertThat(copy.toByteArray()).isEqualTo(original);
    }

    @Test
    void citibankRemessaOfTheManualsInstructions() {
        FixedLine title = remessaTitle("01", "FAT0000042", "310715", 75_000, "ACME COMERCIO LTDA")
                .put(18, "17777751042700080112").put(63, "02").put(65, "000000000042").put(83, "000000")
                .number(89, 101, 0).put(102, "000000").put(108, "1").put(140, "74500000").put(148, "07")
                .put(157, "0605").put(352, "*NAO RECEBER APOS O VENCIMENTO").put(394, "9");
        FixedLine extension = remessaTitle("06", "FAT0000043", "310815", 75_000, "ACME COMERCIO LTDA")
                .put(65, "000000000043").put(108, "1");
        FixedLine negativation = remessaTitle("29", "FAT0000044", "310715", 10_000, "ACME COMERCIO LTDA")
                .put(65, "000000000044").put(108, "1");

        ReadResult read = readBothWays(remessaHeader("745", "CITIBANK", "140715"), title, extension, negativation);
        assertThat(read.items()).extracting(Item::occurrenceText).containsExactly("Remessa",
                "Prorrogação de vencimento", "Pedido de negativação");
        assertThat(read.items()).extracting(Item::category).containsExactly(Category.INSTRUCTION_ENTRY,
                Category.INSTRUCTION_CHANGE, Category.INSTRUCTION_PROTEST);
        assertThat(read.items().get(0).ourNumber()).isEqualTo("000000000042");
        assertThat(read.items().get(1).dueDate()).isEqualTo(LocalDate.of(2015, 8, 31));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void citibankPortfolioPositionFileWithType7Details() {
        FixedLine header = header("745", "CITIBANK", "310715").put(2, "7");
        FixedLine open = detail().put(1, "7").put(65, "000000000123").put(109, "11").put(111, "310715")
                .put(117, "0000000001").put(147, "140815").number(153, 165, 19_990);
        FixedLine other = detail().put(1, "7").put(65, "000000000124").put(109, "11").put(111, "310715")
                .put(147, "200815").number(153, 165, 5_000);
        FixedLine trailer = FixedLine.of400().put(1, "9").put(5, "745").number(18, 25, 2).number(26, 39, 24_990);

        ReadResult read = readWithTrailer(header, trailer, open, other);
        assertThat(read.classification().direction()).isEqualTo(Direction.RETORNO);
        assertThat(read.items()).hasSize(2).allSatisfy(item -> {
            assertThat(item.occurrenceText()).isEqualTo("Em ser (a vencer)");
            assertThat(item.category()).isEqualTo(Category.OTHER);
            assertThat(item.paidCents()).isZero();
        });
        assertThat(read.items().get(0).dueDate()).isEqualTo(LocalDate.of(2015, 8, 14));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void realSamplesReadTheSameWithRightTrimmedLfLines() {
        for (String sample : List.of("laravel-boleto/pine.ret", "laravel-boleto/ourinvest.ret",
                "laravel-boleto/cresol400.ret", "brcobranca/remessa-citibank-cnab400.rem")) {
            ReadResult original = ReadResult.ofSample(sample);
            String text = new String(ReadResult.sampleBytes(sample), java.nio.charset.StandardCharsets.ISO_8859_1);
            String trimmed = String.join("\n", text.lines().map(String::stripTrailing).toList()) + "\n";
            ReadResult read = ReadResult.ofLatin1(trimmed);
            assertThat(read.classification()).as(sample).isEqualTo(original.classification());
            assertThat(read.items()).as(sample).isEqualTo(original.items());
            assertThat(read.findingCodes()).as(sample).allMatch(FindingCodes.LINE_SHORT::equals);
        }
    }

    // ---- 422 Safra -----------------------------------------------------------------------------------

    @Test
    void safraRetornoWithThreeDigitRejectionCodesAndOtherCredits() {
        FixedLine paid = detail().put(18, "01234000012345").put(38, "PED-9").put(63, "945502001").put(108, "1")
                .put(109, "06").put(111, "130123").put(117, "NF-9").put(127, "945502001").put(147, "100123")
                .number(153, 165, 120_000).put(166, "422").put(169, "01234").put(174, "01")
                .number(176, 188, 290).number(189, 201, 110).number(202, 214, 0).number(254, 266, 123_600)
                .number(267, 279, 2_400).number(280, 292, 1_200).put(293, "000").put(296, "160123")
                .put(322, "N").put(323, "01").put(377, "000000000000009").put(392, "015");
        FixedLine rejected = detail().put(63, "945502002").put(103, "01").put(105, "054").put(109, "03")
                .put(111, "130123").number(153, 165, 30_000);
        FixedLine waiting = detail().put(63, "945502003").put(103, "02").put(105, "061").put(109, "10")
                .put(111, "130123").number(153, 165, 30_000);
        FixedLine afterWriteOff = detail().put(63, "945502004").put(109, "41").put(111, "130123")
                .number(153, 165, 10_000).number(254, 266, 10_000).put(296, "160123");
        FixedLine trailer = FixedLine.of400().put(1, "9201422").number(18, 25, 310).number(26, 39, 45_678_900)
                .number(40, 47, 77).put(392, "015");

        ReadResult read = readWithTrailer(header("422", "Safra", "130123").put(27, "01234000012345")
                .put(392, "015"), trailer, paid, rejected, waiting, afterWriteOff);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "422", "Safra", ""));
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(15);
        assertThat(read.summary().header().agreement()).isEqualTo("01234000012345");
        assertThat(read.items()).hasSize(4);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.ourNumber()).isEqualTo("945502001");
        assertThat(liquidation.yourNumber()).isEqualTo("NF-9");
        assertThat(liquidation.creditDate()).isEqualTo(LocalDate.of(2023, 1, 16));
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(120_000, 123_600, 0, 290, 2_400, 0, 0, 0, 0, 1_200,
                110));
        Item rejection = read.items().get(1);
        assertThat(rejection.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(rejection.reasons()).containsExactly("054 - Nome do sacado em branco");
        assertThat(read.items().get(2).reasons())
                .containsExactly("061 - Instrução agendada para a agência (cobrança vinculada: não é rejeição)");
        assertThat(read.items().get(3).category()).isEqualTo(Category.PAID);
        assertThat(read.items().get(3).occurrenceText()).isEqualTo("Liquidação de título baixado");
        // the trailer's 310 titles / R$ 456.789,00 are the portfolio in cobrança simples: not compared
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void safraRemessaWithItsOptionalTrailerTotals() {
        FixedLine title = remessaTitle("01", "NF-9", "100123", 120_000, "MERCADO CENTRAL LTDA")
                .put(18, "01234000012345").put(63, "945502001").put(102, "0").put(103, "00").put(106, "05")
                .put(108, "1").put(140, "42201234").put(157, "1610").put(315, "CENTRO    ").put(389, "422")
                .put(392, "015");
        FixedLine change = remessaTitle("31", "NF-8", "100123", 80_000, "MERCADO CENTRAL LTDA")
                .put(63, "945502000").put(108, "1").put(392, "015");
        FixedLine trailer = FixedLine.of400().put(1, "9").number(369, 376, 2).number(377, 391, 200_000)
                .put(392, "015");

        ReadResult read = readWithTrailer(remessaHeader("422", "BANCO SAFRA", "020123").put(27, "01234000012345")
                .put(392, "015"), trailer, title, change);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "422", "Safra", ""));
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(15);
        assertThat(read.items()).extracting(Item::occurrenceText).containsExactly("Remessa de títulos",
                "Alteração do valor do título");
        assertThat(read.items().get(0).ourNumber()).isEqualTo("945502001");
        assertThat(read.items().get(0).counterpartName()).isEqualTo("MERCADO CENTRAL LTDA");
        assertThat(read.summary().findings()).isEmpty();

        FixedLine wrong = FixedLine.of400().put(1, "9").number(369, 376, 3).number(377, 391, 200_000);
        ReadResult disagreeing = readWithoutTrimming(remessaHeader("422", "BANCO SAFRA", "020123"), wrong,
                remessaTitle("01", "NF-9", "100123", 120_000, "MERCADO CENTRAL LTDA").put(63, "945502001"),
                remessaTitle("31", "NF-8", "100123", 80_000, "MERCADO CENTRAL LTDA").put(63, "945502000"));
        assertThat(disagreeing.count(FindingCodes.FILE_TRAILER_SUM)).isEqualTo(1);
    }

    // ---- 133 Cresol ----------------------------------------------------------------------------------

    @Test
    void cresolSampleWithAnEntryALiquidationAndARejection() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/cresol400.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "133", "Cresol", ""));
        assertThat(read.items()).hasSize(3);
        Item entry = read.items().get(0);
        assertThat(entry.category()).isEqualTo(Category.ENTRY_CONFIRMED);
        assertThat(entry.ourNumber()).isEqualTo("000000000011");
        assertThat(entry.yourNumber()).isEqualTo("1");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(entry.amountCents()).isEqualTo(15_000);
        // line 3: R$ 150,00 paid with R$ 0,08 of mora and R$ 3,00 of outros créditos = R$ 153,08; tarifa R$ 3,50
        Item paid = read.items().get(1);
        assertThat(paid.category()).isEqualTo(Category.PAID);
        assertThat(paid.occurrenceText()).isEqualTo("Liquidação");
        assertThat(paid.ourNumber()).isEqualTo("00000000002P");
        assertThat(paid.occurrenceDate()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(paid.creditDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(paid.amounts()).isEqualTo(new Amounts(15_000, 15_308, 0, 350, 8, 0, 0, 0, 0, 300, 0));
        Item rejected = read.items().get(2);
        assertThat(rejected.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(rejected.reasons()).containsExactly("21 - Espécie do título inválida");
        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void cresolRetornoOfAWriteOffAFeeAndAProtest() {
        FixedLine writeOff = detail().put(21, "00090106900282456").put(71, "000000000041").put(109, "09")
                .put(111, "200326").put(117, "4").number(153, 165, 9_900).put(319, "10");
        FixedLine fee = detail().put(71, "000000000042").put(109, "28").put(111, "200326").number(153, 165, 0)
                .number(176, 188, 250).number(189, 201, 1_500);
        FixedLine protested = detail().put(71, "000000000043").put(109, "25").put(111, "200326")
                .number(153, 165, 20_000);

        ReadResult read = readBothWays(header("133", "CRESOL", "200326").put(380, "210326"), writeOff, fee,
                protested);
        assertThat(read.items()).extracting(Item::category).containsExactly(Category.WRITTEN_OFF, Category.FEE,
                Category.PROTESTED);
        assertThat(read.items().get(0).occurrenceText()).isEqualTo("Baixa");
        assertThat(read.items().get(1).amounts()).isEqualTo(new Amounts(0, 0, 0, 250, 0, 0, 0, 0, 0, 0, 1_500));
        assertThat(read.items().get(2).occurrenceText()).isEqualTo("Protestado e baixado (baixa por ter sido protestado)");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void cresolRemessaInBradescosArrangement() {
        FixedLine title = remessaTitle("01", "DOC-7", "100326", 15_000, "PAGADOR DA SILVA")
                .put(2, "                ").put(21, "0").put(22, "009").put(25, "01069").put(30, "0028245")
                .put(37, "6").put(63, "000").put(66, "2").number(67, 70, 200).put(71, "000000000071")
                .put(83, "          ").put(93, "2").put(140, "        ").put(315, "PAGAR ATE VENC")
                .put(327, "85501000").put(335, " ".repeat(60));
        FixedLine change = remessaTitle("31", "DOC-8", "100326", 16_000, "PAGADOR DA SILVA")
                .put(71, "000000000072").put(157, "9999");
        FixedLine header = remessaHeader("133", "Cresol", "120226").put(27, "00000000000900282456")
                .put(109, "  0000042");

        ReadResult read = readBothWays(header, title, change);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "133", "Cresol", ""));
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(42);
        assertThat(read.items()).extracting(Item::occurrenceText).containsExactly("Remessa",
                "Alteração de outros dados");
        assertThat(read.items().get(0).ourNumber()).isEqualTo("000000000071");
        assertThat(read.items().get(0).counterpartName()).isEqualTo("PAGADOR DA SILVA");
        assertThat(read.summary().findings()).isEmpty();
    }

    // ---- files built at the positions --------------------------------------------------------------

    private static FixedLine header(String bank, String bankName, String date) {
        return FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(27, "00000000000000012345")
                .put(47, "EMPRESA BENEFICIARIA LTDA").put(77, bank + bankName).put(95, date);
    }

    private static FixedLine remessaHeader(String bank, String bankName, String date) {
        return FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(27, "00000000000000012345")
                .put(47, "EMPRESA BENEFICIARIA LTDA").put(77, bank + bankName).put(95, date);
    }

    /** A retorno detail of a company with CNPJ 12.345.678/0001-95. */
    private static FixedLine detail() {
        return FixedLine.of400().put(1, "1").put(2, "02").put(4, "12345678000195");
    }

    /**
     * A remessa detail at the positions these banks share (111-351: seu número, vencimento, valor, espécie,
     * aceite, emissão, instruções, juros, desconto, pagador with CPF 123.456.789-01 and address); each test
     * adds its bank's own (código da empresa, nosso número, multa, carteira, moeda).
     */
    private static FixedLine remessaTitle(String movement, String document, String dueDate, long amount,
                                          String payer) {
        return FixedLine.of400().put(1, "1").put(2, "02").put(4, "12345678000195").put(109, movement)
                .put(111, document).put(121, dueDate).number(127, 139, amount).put(148, "01").put(150, "N")
                .put(151, "020123").put(157, "0000").number(161, 173, 33).put(174, "000000").put(219, "01")
                .put(221, "00012345678901").put(235, payer).put(275, "RUA UM 100").put(315, "CENTRO")
                .put(327, "01310100").put(335, "SAO PAULO").put(350, "SP").put(392, "00");
    }

    /**
     * The file read twice: CRLF with full 400-character lines, and LF with every line right-trimmed (as
     * some banks' systems and editors save them); sequence numbers 395-400 and the trailer (an empty one
     * unless given) are added. The
     * trimmed file must give the same items and no finding but a LINE_SHORT note per line; the full one is
     * returned for the test's own checks.
     */
    private static ReadResult readBothWays(FixedLine header, FixedLine... details) {
        return readWithTrailer(header, FixedLine.of400().put(1, "9"), details);
    }

    /** The file as written, CRLF and full lines, for tests of findings. */
    private static ReadResult readWithoutTrimming(FixedLine header, FixedLine trailer, FixedLine... details) {
        return ReadResult.ofLatin1(String.join("\r\n", numbered(header, trailer, details)) + "\r\n");
    }

    private static List<String> numbered(FixedLine header, FixedLine trailer, FixedLine... details) {
        List<String> lines = new ArrayList<>();
        lines.add(header.number(395, 400, 1).toString());
        for (FixedLine detail : details) {
            lines.add(detail.number(395, 400, lines.size() + 1).toString());
        }
        lines.add(trailer.number(395, 400, lines.size() + 1).toString());
        return lines;
    }

    private static ReadResult readWithTrailer(FixedLine header, FixedLine trailer, FixedLine... details) {
        List<String> lines = numbered(header, trailer, details);
        ReadResult full = ReadResult.ofLatin1(String.join("\r\n", lines) + "\r\n");
        ReadResult trimmed = ReadResult.ofLatin1(
                String.join("\n", lines.stream().map(String::stripTrailing).toList()) + "\n");
        assertThat(trimmed.findingCodes()).as("right-trimmed file").allMatch(FindingCodes.LINE_SHORT::equals);
        assertThat(trimmed.classification()).isEqualTo(full.classification());
        assertThat(trimmed.items()).isEqualTo(full.items());
        return full;
    }
}
