package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CNAB 400 cobrança of banks read with their own descriptions: Banco do Nordeste (retorno and remessa) and
 * Delbank (retorno), C6 Bank (retorno and remessa), Unicred and Banestes (retorno and remessa), on the public samples and on files built at the positions of their sources.
 */
class Cnab400BanksATest {

    private static final Classification BNB_RETORNO = new Classification(Layout.CNAB400, Direction.RETORNO,
            Service.COBRANCA, "004", "Banco do Nordeste", "");

    @Test
    void bancoDoNordesteRetornoOfALiquidationWithFlagsWhereTheCreditDateMayBe() {
        ReadResult read = ReadResult.ofSample("brcobranca/CNAB400BANCONORDESTE.RET");

        assertThat(read.classification()).isEqualTo(BNB_RETORNO);
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("00000116");
            assertThat(item.occurrenceCode()).isEqualTo("06");
            assertThat(item.occurrenceText()).isEqualTo("Liquidação normal");
            assertThat(item.category()).isEqualTo(Category.PAID);
            assertThat(item.occurrenceDate()).isEqualTo(LocalDate.of(2014, 11, 19));
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2014, 11, 19));
            // valor 153-165, recebido 254-266, tarifa 176-188
            assertThat(item.amounts()).isEqualTo(new Amounts(17_500, 17_500, 0, 260, 0, 0, 0, 0, 0, 0, 0));
            // 296-301 holds "001110" (flags, not a date): no credit date and no finding
            assertThat(item.creditDate()).isNull();
            // the table of errors is read only for rejected records (service code + 50)
            assertThat(item.reasons()).isEmpty();
        });
        assertThat(read.summary().header().agency()).isEqualTo("0217");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void bancoDoNordesteRetornoOfEntriesAndLiquidationsWithTheirCreditDate() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/bnb.ret");

        assertThat(read.classification()).isEqualTo(BNB_RETORNO);
        assertThat(read.items()).hasSize(10);
        Item entry = read.items().get(0);
        assertThat(entry.category()).isEqualTo(Category.ENTRY_CONFIRMED);
        assertThat(entry.occurrenceText()).isEqualTo("Entrada confirmada");
        assertThat(entry.ourNumber()).isEqualTo("09908714");
        assertThat(entry.yourNumber()).isEqualTo("12530/01");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2017, 3, 28));
        assertThat(entry.amounts()).isEqualTo(new Amounts(44_281, 0, 0, 246, 0, 0, 0, 0, 0, 0, 0));
        assertThat(entry.creditDate()).isNull();
        Item paid = read.items().get(3);
        assertThat(paid.occurrenceCode()).isEqualTo("06");
        assertThat(paid.category()).isEqualTo(Category.PAID);
        assertThat(paid.amounts()).isEqualTo(new Amounts(234_525, 234_525, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(paid.occurrenceDate()).isEqualTo(LocalDate.of(2017, 3, 7));
        // the older manual: 296-301 "may hold the credit date" of a normal liquidation
        assertThat(paid.creditDate()).isEqualTo(LocalDate.of(2017, 3, 8));
        assertThat(read.items().stream().filter(i -> i.category() == Category.PAID).count()).isEqualTo(7);
        assertThat(read.items().stream().mapToLong(Item::paidCents).sum())
                .isEqualTo(234_525 + 123_403 + 237_059 + 142_314 + 395_164 + 50_687 + 472_364);
        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2017, 3, 7));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void bancoDoNordesteRejectionPutsEveryFlagOfTheTableOfErrorsInWords() {
        String header = FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(27, "0217000005691")
                .put(47, "EMPRESA").put(77, "004B.DO NORDESTE").put(95, "020424").put(109, "00012")
                .number(395, 400, 1).toString();
        FixedLine rejected = FixedLine.of400().put(1, "102").put(63, "00001236").put(108, "4").put(109, "51")
                .put(111, "020424").put(117, "NF-77").put(147, "300424").number(153, 165, 12_345)
                .put(280, "0".repeat(115)).put(297, "1").put(308, "1").number(395, 400, 2);
        FixedLine partial = FixedLine.of400().put(1, "102").put(63, "00001244").put(109, "07").put(111, "020424")
                .number(153, 165, 50_000).number(254, 266, 20_000).number(267, 279, 150).number(395, 400, 3);
        String trailer = FixedLine.of400().put(1, "9201004").number(18, 25, 40).number(26, 39, 9_000_000)
                .number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\r\n", header, rejected.toString().stripTrailing(),
                partial.toString().stripTrailing(), trailer.stripTrailing()) + "\r\n");

        assertThat(read.classification()).isEqualTo(BNB_RETORNO);
        Item error = read.items().get(0);
        assertThat(error.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(error.occurrenceText()).isEqualTo("Entrada rejeitada");
        // "1" at 297 is error 18, at 308 error 29
        assertThat(error.reasons()).containsExactly("18 - Vencimento inválido", "29 - Falta nome sacado");
        Item byAccount = read.items().get(1);
        assertThat(byAccount.occurrenceText()).isEqualTo("Pagamento por conta");
        assertThat(byAccount.category()).isEqualTo(Category.PAID);
        assertThat(byAccount.amounts().paidCents()).isEqualTo(20_000);
        assertThat(byAccount.amounts().interestCents()).isEqualTo(150);
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(12);
        // right-trimmed lines are padded; the trailer's portfolio totals are not this file's: no finding
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void bancoDoNordesteRemessaIsReadWithItsOwnPositions() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-banco-nordeste-cnab400.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "004", "Banco do Nordeste", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.occurrenceCode()).isEqualTo("01");
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
            // nosso número 63-69 + DV 70
            assertThat(item.ourNumber()).isEqualTo("00001236");
            assertThat(item.amountCents()).isEqualTo(19_990);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2015, 7, 14));
            assertThat(item.counterpartName()).isEqualTo("PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN");
        });
        assertThat(read.summary().header().agency()).isEqualTo("1234");
        assertThat(read.summary().header().account()).isEqualTo("1234567");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void delbankRetornoWithItsCreditDateAt386() {
        ReadResult read = ReadResult.ofSample("laravel-boleto/delbank.ret");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "435", "Delbank", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.ourNumber()).isEqualTo("00000196289");
            assertThat(item.yourNumber()).isEqualTo("TESTE123");
            assertThat(item.occurrenceText()).isEqualTo("Entrada confirmada");
            assertThat(item.category()).isEqualTo(Category.ENTRY_CONFIRMED);
            assertThat(item.occurrenceDate()).isEqualTo(LocalDate.of(2022, 5, 24));
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2022, 6, 10));
            assertThat(item.creditDate()).isEqualTo(LocalDate.of(2022, 5, 24));
            assertThat(item.amounts()).isEqualTo(new Amounts(100_000, 0, 0, 150, 0, 0, 0, 0, 0, 0, 0));
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void delbankLiquidationAndRejectionAtItsPositions() {
        String header = FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(77, "435BANCO DELCRED")
                .put(95, "050624").number(395, 400, 1).toString();
        String paid = FixedLine.of400().put(1, "102").put(63, "00000196290").put(83, "112").put(109, "06")
                .put(111, "050624").put(117, "PED-9").put(147, "040624").number(153, 165, 100_000)
                .number(176, 188, 150).number(215, 227, 38).number(228, 240, 1_000).number(241, 253, 500)
                .number(254, 266, 100_700).number(267, 279, 200).number(280, 292, 2_000).put(386, "060624")
                .number(395, 400, 2).toString();
        String rejected = FixedLine.of400().put(1, "102").put(63, "00000196291").put(109, "03").put(111, "050624")
                .number(153, 165, 7_000).put(319, "04AK").number(395, 400, 3).toString();
        String trailer = FixedLine.of400().put(1, "9201435").number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\n", header, paid, rejected, trailer));

        Item liquidation = read.items().get(0);
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação normal");
        assertThat(liquidation.amounts()).isEqualTo(
                new Amounts(100_000, 100_700, 0, 150, 200, 2_000, 500, 1_000, 38, 0, 0));
        assertThat(liquidation.creditDate()).isEqualTo(LocalDate.of(2024, 6, 6));
        Item error = read.items().get(1);
        assertThat(error.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(error.reasons()).isEqualTo(List.of("04 - Data de vencimento não numérica ou inválida",
                "AK - Título pertence a outro cliente"));
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void c6RetornoWithItsHeaderDateAt125AndFourDigitReasons() {
        String header = FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(27, "000123456789").put(39, "000000004321")
                .put(77, "336").put(125, "100624").number(395, 400, 1).toString();
        String paid = FixedLine.of400().put(1, "102").put(63, "00000012345").put(107, "10").put(109, "06")
                .put(111, "100624").put(117, "FAT-1").put(147, "080624").number(153, 165, 25_000)
                .number(176, 188, 190).number(228, 240, 300).number(241, 253, 200).number(254, 266, 24_700)
                .number(267, 279, 150).number(280, 292, 50).put(296, "110624").number(395, 400, 2).toString();
        String rejected = FixedLine.of400().put(1, "102").put(63, "00000012346").put(109, "03").put(111, "100624")
                .number(153, 165, 9_900).put(366, "221000").put(378, "90159005").number(395, 400, 3).toString();
        String trailer = FixedLine.of400().put(1, "9").number(3, 16, 34_900).number(17, 22, 2).number(37, 42, 1)
                .number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\r\n", header, paid, rejected, trailer));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "336", "C6 Bank", ""));
        assertThat(read.summary().header().generatedOn()).isEqualTo(LocalDate.of(2024, 6, 10));
        assertThat(read.items()).hasSize(2);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.ourNumber()).isEqualTo("00000012345");
        assertThat(liquidation.yourNumber()).isEqualTo("FAT-1");
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação normal");
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(25_000, 24_700, 0, 190, 150, 50, 200, 300, 0, 0, 0));
        assertThat(liquidation.dueDate()).isEqualTo(LocalDate.of(2024, 6, 8));
        assertThat(liquidation.creditDate()).isEqualTo(LocalDate.of(2024, 6, 11));
        assertThat(liquidation.reasons()).isEmpty();
        Item error = read.items().get(1);
        assertThat(error.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(error.reasons()).containsExactly("9015 - Cpf do sacado inválido", "9005 - Campo numérico inválido");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void c6RemessaIsReadWithItsOwnPositions() {
        String header = FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(27, "000000004321").put(47, "EMPRESA LTDA")
                .put(77, "336").put(95, "100624").put(387, "00000007").number(395, 400, 1).toString();
        String entry = FixedLine.of400().put(1, "102").put(4, "12345678000199").put(18, "000000004321")
                .put(38, "CONTROLE-1").put(63, "000000012345").put(83, "336").put(107, "10").put(109, "01")
                .put(111, "FAT-1").put(121, "080724").number(127, 139, 25_000).put(148, "01N").put(151, "100624")
                .put(157, "0000").number(161, 173, 10).put(174, "000000").number(180, 192, 0).put(193, "080724")
                .number(206, 218, 0).put(219, "01").put(221, "00012345678909").put(235, "FULANO DE TAL")
                .put(275, "RUA A 1").put(315, "CENTRO").put(327, "01001000").put(335, "SAO PAULO").put(350, "SP")
                .put(382, "202").put(386, "090724").put(392, "00").number(395, 400, 2).toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 3).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\r\n", header, entry, trailer));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "336", "C6 Bank", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
            assertThat(item.ourNumber()).isEqualTo("000000012345");
            assertThat(item.yourNumber()).isEqualTo("FAT-1");
            assertThat(item.amountCents()).isEqualTo(25_000);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2024, 7, 8));
            assertThat(item.counterpartName()).isEqualTo("FULANO DE TAL");
        });
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(7);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void unicredRetornoAtTheManualsPositionsWithNetAmountAndRepasseDate() {
        String header = FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(27, "12340").put(32, "  123456")
                .put(40, "7").put(41, "000000").put(47, "COOPERADO LTDA").put(77, "136UNICREDDOBRASIL").put(95, "120624")
                .number(101, 107, 33).put(108, "00000000012345").number(395, 400, 1).toString();
        String paid = FixedLine.of400().put(1, "102").put(4, "12345678000199").put(18, "12340").put(23, "  123456")
                .put(31, "7").put(32, "00000000012345").put(46, "00000000000000321").put(107, "18").put(109, "06")
                .put(111, "110624").put(147, "100624").number(153, 165, 44_400).put(166, "136").put(169, "12340")
                .put(176, "130624").number(182, 188, 160).number(228, 240, 0).number(241, 253, 0)
                .number(254, 266, 44_600).number(267, 279, 200).put(280, "DOC-321").number(306, 318, 44_440)
                .put(319, "00000000").put(327, "00").number(395, 400, 2).toString();
        String rejected = FixedLine.of400().put(1, "102").put(46, "00000000000000322").put(109, "03")
                .put(111, "000000").put(147, "300624").number(153, 165, 9_000).put(280, "DOC-322")
                .put(319, "0848    ").put(327, "01").number(395, 400, 3).toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\n", header, paid, rejected, trailer));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "136", "Unicred", ""));
        assertThat(read.summary().header().agency()).isEqualTo("1234");
        assertThat(read.summary().header().agreement()).isEqualTo("00000000012345");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(33);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.ourNumber()).isEqualTo("00000000000000321");
        assertThat(liquidation.yourNumber()).isEqualTo("DOC-321");
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação normal");
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.occurrenceDate()).isEqualTo(LocalDate.of(2024, 6, 11));
        // data programada para repasse 176-181, tarifa 182-188 (7 digits), líquido 306-318
        assertThat(liquidation.creditDate()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(44_400, 44_600, 44_440, 160, 200, 0, 0, 0, 0, 0, 0));
        assertThat(liquidation.reasons()).isEmpty();
        Item error = read.items().get(1);
        assertThat(error.category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(error.occurrenceDate()).isNull();
        assertThat(error.reasons()).containsExactly("08 - Nosso número inválido", "48 - CEP inválido");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void banestesRetornoWithItsAmountAfterTheDueFactorAndReasonsByTable() {
        String header = FixedLine.of400().put(1, "02RETORNO01COBRANCA").put(27, "00012345678").put(47, "EMPRESA SA")
                .put(77, "021BANESTES").put(95, "140624").number(395, 400, 1).toString();
        String paid = FixedLine.of400().put(1, "102").put(4, "12345678000199").put(18, "00012345678")
                .put(38, "PEDIDO-55").put(63, "0000012345").put(108, "1").put(109, "06").put(111, "140624")
                .put(117, "NF-55").put(147, "130624").put(153, "000").number(156, 165, 80_000).put(166, "021")
                .put(169, "00123").put(174, "01").number(176, 188, 250).number(189, 201, 0).number(202, 214, 0)
                .number(215, 227, 0).number(228, 240, 1_000).number(241, 253, 500).number(254, 266, 78_900)
                .number(267, 279, 400).number(280, 292, 0).put(293, "0").put(319, "04").put(394, "9")
                .number(395, 400, 2).toString();
        String rejected = FixedLine.of400().put(1, "102").put(63, "0000012346").put(109, "03").put(111, "140624")
                .put(153, "000").number(156, 165, 5_000).put(319, "0848").number(395, 400, 3).toString();
        String fee = FixedLine.of400().put(1, "102").put(63, "0000012347").put(109, "28").put(111, "140624")
                .put(153, "000").number(156, 165, 5_000).number(176, 188, 350).put(319, "04").number(395, 400, 4)
                .toString();
        String trailer = FixedLine.of400().put(1, "9201021").number(18, 25, 120).number(26, 39, 12_345_600)
                .number(395, 400, 5).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\r\n", header, paid, rejected, fee, trailer));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.RETORNO,
                Service.COBRANCA, "021", "Banestes", ""));
        assertThat(read.items()).hasSize(3);
        Item liquidation = read.items().get(0);
        assertThat(liquidation.ourNumber()).isEqualTo("0000012345");
        assertThat(liquidation.yourNumber()).isEqualTo("NF-55");
        assertThat(liquidation.occurrenceText()).isEqualTo("Liquidação");
        assertThat(liquidation.category()).isEqualTo(Category.PAID);
        assertThat(liquidation.dueDate()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(liquidation.occurrenceDate()).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(liquidation.amounts()).isEqualTo(new Amounts(80_000, 78_900, 0, 250, 400, 0, 500, 1_000, 0, 0, 0));
        // the same code means something else per occurrence: Tabela C for a liquidation
        assertThat(liquidation.reasons()).containsExactly("04 - Compensação eletrônica");
        assertThat(read.items().get(1).category()).isEqualTo(Category.ENTRY_REJECTED);
        assertThat(read.items().get(1).reasons()).containsExactly("08 - Nosso número inválido", "48 - CEP inválido");
        Item charge = read.items().get(2);
        assertThat(charge.category()).isEqualTo(Category.FEE);
        assertThat(charge.amounts().feeCents()).isEqualTo(350);
        assertThat(charge.reasons()).containsExactly("04 - Tarifa de protesto");
        assertThat(read.summary().header().account()).isEqualTo("00012345678");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void banestesRemessaFoldsTheSacadorAndMessageRecordsIntoTheirTitle() {
        String header = FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(27, "00012345678").put(47, "EMPRESA SA")
                .put(77, "021BANESTES").put(95, "100624").number(395, 400, 1).toString();
        // positions 1-108 of a title, which its sacador avalista and message records repeat
        String title = FixedLine.of400().put(1, "102").put(4, "12345678000199").put(18, "00012345678")
                .put(38, "PEDIDO-55").put(63, "0000012345").put(73, "2").number(74, 82, 200).put(108, "1")
                .toString().substring(0, 108);
        String entry = FixedLine.of400().put(1, title).put(109, "01").put(111, "NF-55").put(121, "080724")
                .put(127, "000").number(130, 139, 25_000).put(140, "021").put(148, "01A").put(151, "100624")
                .put(157, "0000").put(161, "1").number(162, 173, 33).put(219, "02").put(221, "98765432000155")
                .put(235, "CLIENTE DE TAL").put(275, "RUA A 1").put(315, "CENTRO").put(327, "29000000")
                .put(335, "VITORIA").put(350, "ES").put(352, "NAO RECEBER APOS 30 DIAS").put(392, "00").put(394, "0")
                .number(395, 400, 2).toString();
        String guarantor = FixedLine.of400().put(1, title).put(109, "24").put(111, "NF-55").put(121, "080724")
                .number(127, 139, 25_000).put(140, "AVALISTA LTDA").put(180, "RUA B 2").put(220, "CENTRO")
                .put(232, "29000000").put(240, "VITORIA").put(255, "ES").put(257, "02").put(259, "11222333000181")
                .number(395, 400, 3).toString();
        String messages = FixedLine.of400().put(1, title).put(109, "76").put(111, "NF-55").put(121, "080724")
                .number(127, 139, 25_000).put(140, "PRIMEIRA MENSAGEM").put(206, "SEGUNDA MENSAGEM")
                .number(395, 400, 4).toString();
        String second = FixedLine.of400().put(1, title.replace("0000012345", "0000012346")).put(109, "01")
                .put(111, "NF-56").put(121, "100724").put(127, "000").number(130, 139, 5_000).put(140, "021")
                .put(148, "01N").put(151, "100624").put(219, "01").put(221, "00012345678909")
                .put(235, "OUTRO CLIENTE").number(395, 400, 5).toString();
        String message = FixedLine.of400().put(1, title.replace("0000012345", "0000012346")).put(109, "75")
                .put(275, "UMA MENSAGEM SO").number(395, 400, 6).toString();
        // a sacador avalista record alone: an instruction changing an existing title's sacador
        String change = FixedLine.of400().put(1, title.replace("0000012345", "0000099999")).put(109, "24")
                .put(111, "NF-10").put(121, "010724").number(127, 139, 7_700).put(140, "NOVO AVALISTA")
                .number(395, 400, 7).toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 8).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\r\n", header, entry, guarantor, messages, second,
                message, change, trailer));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "021", "Banestes", ""));
        assertThat(read.items()).extracting(Item::ourNumber).containsExactly("0000012345", "0000012346",
                "0000099999");
        Item first = read.items().get(0);
        assertThat(first.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(first.yourNumber()).isEqualTo("NF-55");
        // valor nominal 130-139, after three zeros the generic 127-139 would also read; mora is 161 + 162-173
        assertThat(first.amountCents()).isEqualTo(25_000);
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2024, 7, 8));
        assertThat(first.counterpartName()).isEqualTo("CLIENTE DE TAL");
        assertThat(first.counterpartDocument()).isEqualTo("98765432000155");
        assertThat(read.items().get(1).amountCents()).isEqualTo(5_000);
        Item alone = read.items().get(2);
        assertThat(alone.category()).isEqualTo(Category.INSTRUCTION_CHANGE);
        assertThat(alone.occurrenceText()).isEqualTo("Incluir/alterar dados do sacador avalista");
        assertThat(read.summary().header().account()).isEqualTo("00012345678");
        assertThat(read.summary().itemCount()).isEqualTo(3);
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void unicredRemessaIsReadWithItsOwnPositions() {
        ReadResult read = ReadResult.ofSample("brcobranca/remessa-unicred-cnab400.rem");

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "136", "Unicred", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.occurrenceText()).isEqualTo("Remessa");
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
            // nosso número 193-203, seu número 111-120
            assertThat(item.ourNumber()).isEqualTo("00072000031");
            assertThat(item.yourNumber()).isEqualTo("0000001/01");
            assertThat(item.amountCents()).isEqualTo(19_990);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2015, 7, 14));
            assertThat(item.counterpartName()).isEqualTo("AKRETION LTDA");
            assertThat(item.counterpartDocument()).isEqualTo("00012345678901");
        });
        assertThat(read.summary().header().agreement()).isEqualTo("00000000001234567890");
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void delbankRemessaIsReadWithItsOwnPositions() {
        String header = FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(27, "10138").put(47, "FUNDO LTDA")
                .put(77, "435DELCRED SCD S.A").put(95, "050624").number(395, 400, 1).toString();
        FixedLine entry = FixedLine.of400().put(1, "104").put(4, "11468192000181").put(18, "10138")
                .put(38, "CONTROLE-9").put(63, "00000196289").put(90, "2").number(91, 103, 200).put(104, "00")
                .put(108, "1").put(109, "01").put(111, "TESTE123").put(121, "100624").number(127, 139, 100_000)
                .put(140, "435").put(143, "00000").put(148, "01N").put(151, "050624").put(157, "0000")
                .number(161, 173, 33).put(174, "000000").number(180, 192, 0).number(193, 205, 0)
                .number(206, 218, 0).put(219, "02").put(221, "12345678000199")
                .put(235, "PAGADOR COM NOME DE TRINTA LETRAS").put(275, "RUA B 2").put(315, "CENTRO")
                .put(327, "29000000").put(335, "VITORIA").put(350, "ES").put(352, "FUNDO LTDA").number(395, 400, 2);
        String message = FixedLine.of400().put(1, "20").put(3, "NAO RECEBER APOS 30 DIAS").number(395, 400, 3)
                .toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(String.join("\r\n", header, entry.toString(), message, trailer));

        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, "435", "Delbank", ""));
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
            assertThat(item.ourNumber()).isEqualTo("00000196289");
            assertThat(item.yourNumber()).isEqualTo("TESTE123");
            assertThat(item.amountCents()).isEqualTo(100_000);
            assertThat(item.dueDate()).isEqualTo(LocalDate.of(2024, 6, 10));
            // the pagador's name is 30 characters at 235-264
            assertThat(item.counterpartName()).isEqualTo("PAGADOR COM NOME DE TRINTA LET");
        });
        assertThat(read.summary().findings()).isEmpty();
    }
}
