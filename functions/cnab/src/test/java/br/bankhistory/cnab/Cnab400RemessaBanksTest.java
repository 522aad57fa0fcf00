package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CNAB 400 cobrança remessas of banks that declare reading them with their own description: Sicredi 748 and
 * Sicoob 756 (which also write them), Banrisul 041, Inter 077, Fibra 224. Where no public remessa of a bank was found, the file is
 * built here field by field at the positions of the MIT source named in the bank's layout file, in
 * right-trimmed lines separated by LF only (as a bank's or an ERP's export may come), and read back.
 */
class Cnab400RemessaBanksTest {

    @Test
    void sicrediRemessaIsReadWithItsNineDigitNossoNumeroAt48() {
        // laravel-boleto Remessa/Cnab400/Banco/Sicredi.php: código do beneficiário 27-31 and CNPJ 32-45 in the
        // header, date yyyyMMdd at 95-102, sequence 111-117, version 391-394; detail: letters at 2-4 and 17-19,
        // nosso número 48-56, instruction date 63-70, espécie letter at 149
        String header = FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(27, "12345").put(32, "12345678000199")
                .put(77, "748SICREDI").put(95, "20240610").number(111, 117, 42).put(391, "2.00")
                .number(395, 400, 1).toString();
        String entry = sicredi(2, "01", "241000015", "PED-77", "100724", 32_050)
                .put(219, "1").put(220, "0").put(221, "00012345678909").put(235, "JOAO PEREIRA").toString();
        String writeOff = sicredi(3, "02", "241000023", "PED-78", "110724", 1_000).toString();
        String trailer = FixedLine.of400().put(1, "91748").put(6, "12345").number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(lf(header, entry, writeOff, trailer));

        assertRemessaOfTwo(read, "748", "Sicredi");
        assertTitle(read.items().get(0), "241000015", "01", "Entrada de título", Category.INSTRUCTION_ENTRY, "PED-77",
                LocalDate.of(2024, 7, 10), 32_050);
        assertThat(read.items().get(0).counterpartName()).isEqualTo("JOAO PEREIRA");
        assertTitle(read.items().get(1), "241000023", "02", "Pedido de baixa", Category.INSTRUCTION_WRITE_OFF, "PED-78",
                LocalDate.of(2024, 7, 11), 1_000);
        assertThat(read.summary().header().agreement()).isEqualTo("12345");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(42);
    }

    @Test
    void sicoobRemessaIsReadWithItsTwelveDigitNossoNumeroAt63() {
        // laravel-boleto Remessa/Cnab400/Banco/Bancoob.php: agência 27-30 + DV 31 and convênio 9 digits at
        // 32-40 in the header, sequence 101-107; detail: agência 18-22, conta 23-31, nosso número 63-74,
        // parcela 75-76, carteira 107-108, juros and multa rates (4 decimals) at 161-172
        String header = FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(27, "30690").put(32, "000123456")
                .put(47, "COOPERADO LTDA").put(77, "756BANCOOBCED").put(95, "100624").number(101, 107, 7)
                .number(395, 400, 1).toString();
        String entry = sicoob(2, "01", "000000000123", "NF-10", "100724", 150_075).put(219, "02")
                .put(221, "12345678000199").put(235, "COMERCIO EXEMPLO LTDA").toString();
        String writeOff = sicoob(3, "02", "000000000131", "NF-11", "150724", 9_990).toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 4).toString();
        ReadResult read = ReadResult.ofLatin1(lf(header, entry, writeOff, trailer));

        assertRemessaOfTwo(read, "756", "Sicoob");
        assertTitle(read.items().get(0), "000000000123", "01", "Entrada de título", Category.INSTRUCTION_ENTRY,
                "NF-10", LocalDate.of(2024, 7, 10), 150_075);
        assertThat(read.items().get(0).counterpartName()).isEqualTo("COMERCIO EXEMPLO LTDA");
        assertTitle(read.items().get(1), "000000000131", "02", "Pedido de baixa", Category.INSTRUCTION_WRITE_OFF,
                "NF-11", LocalDate.of(2024, 7, 15), 9_990);
        assertThat(read.summary().header().agreement()).isEqualTo("000123456");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(7);
    }

    @Test
    void sicoobSampleRemessaIsReadAtTheSamePositions() {
        // brcobranca's fixture (its sicoob.rb, from the Sicoob manual's SEQ fields) agrees with the positions
        // above: agência 18-21 + DV, conta 23-30 + DV, nosso número 63-74, convênio 32-40 of the header, the
        // remessa's number 101-107. It writes the pagador's name in 40 characters (235-274) where laravel-boleto
        // writes 37 and 3 blanks: the name is read at 235-271, as the writer writes it
        ReadResult read = sampleOfOneTitle("brcobranca/remessa-sicoob-cnab400.rem", "756", "Sicoob");

        Item item = read.items().get(0);
        assertTitle(item, "000000000123", "01", "Entrada de título", Category.INSTRUCTION_ENTRY, "0000000000",
                LocalDate.of(2015, 7, 14), 19_990);
        // its 40-character name is cut at the 37 characters of 235-271
        assertPayer(item, "00012345678901", "PABLO DIEGO JOSE FRANCISCO DE PAULA J");
        assertThat(read.summary().header().agreement()).isEqualTo("123456789");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(1);
    }

    @Test
    void interRemessaWithItsPagadorAt221AndTheNossoNumeroLeftToTheBank() {
        // laravel-boleto Remessa/Cnab400/Banco/Inter.php: "MX" and the remessa's number 111-117 in the header;
        // carteira/agência/conta 21-37, multa 66-89, nosso número 90-100 (zeros), pagador 221-324, message
        // 325-394, four more message lines in a record 2
        String header = FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(47, "LOJA EXEMPLO LTDA")
                .put(77, "077Inter").put(95, "100624").put(109, "MX").number(111, 117, 15).number(395, 400, 1)
                .toString();
        String fined = inter(2, "NF-501", "100724", 120_000).put(66, "1").number(67, 79, 2_400).put(84, "100724")
                .put(160, "1").number(161, 173, 40).put(178, "110724").put(221, "02").put(223, "12345678000199")
                .put(237, "COMERCIO EXEMPLO LTDA").put(277, "AV AFONSO PENA 1").put(317, "30130000")
                .put(325, "NAO RECEBER APOS 60 DIAS").toString();
        String messages = FixedLine.of400().put(1, "2").put(2, "REFERENTE AO PEDIDO 501").put(314, "0".repeat(23))
                .put(347, "0".repeat(23)).put(380, "0".repeat(11)).number(395, 400, 3).toString();
        String plain = inter(4, "NF-502", "150724", 8_990).put(66, "0").number(67, 79, 0).put(84, "000000")
                .put(160, "0").number(161, 173, 0).put(178, "000000").put(221, "01").put(223, "00012345678909")
                .put(237, "JOSE DA SILVA").toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 5).toString();
        ReadResult read = ReadResult.ofLatin1(lf(header, fined, messages, plain, trailer));

        assertRemessaOfTwo(read, "077", "Inter");
        assertTitle(read.items().get(0), "00000000000", "01", "Entrada de título", Category.INSTRUCTION_ENTRY,
                "NF-501", LocalDate.of(2024, 7, 10), 120_000);
        assertPayer(read.items().get(0), "12345678000199", "COMERCIO EXEMPLO LTDA");
        assertTitle(read.items().get(1), "00000000000", "01", "Entrada de título", Category.INSTRUCTION_ENTRY,
                "NF-502", LocalDate.of(2024, 7, 15), 8_990);
        assertThat(read.items().get(1).counterpartName()).isEqualTo("JOSE DA SILVA");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(15);
    }

    @Test
    void fibraRemessaWithItsMultaItsOwnCodesAndAnInvoiceKeyRecord() {
        // laravel-boleto Remessa/Cnab400/Banco/Fibra.php: agência + conta 18-37, nosso número 63-73, multa
        // 90-105, pagador's name 235-264 (30), sacador 352-381; record 4 carries the NF-e key at 38-81
        String header = FixedLine.of400().put(1, "01REMESSA01COBRANCA").put(27, "000112345678")
                .put(47, "DISTRIBUIDORA EXEMPLO SA").put(77, "224BANCO FIBRA S/A").put(95, "100624")
                .number(395, 400, 1).toString();
        String entry = fibra(2, "01", "00000004321", "0000000501", "100724", 75_000).put(90, "2")
                .number(91, 103, 1_500).put(104, "01").put(159, "09").put(219, "02").put(221, "12345678000199")
                .put(235, "PAGADOR COM NOME DE TRINTA LETRAS").put(352, "SACADOR AVALISTA LTDA").put(392, "05")
                .toString();
        String invoice = FixedLine.of400().put(1, "4").put(38, "3".repeat(44)).number(395, 400, 3).toString();
        String change = fibra(4, "47", "00000004339", "0000000502", "200724", 80_000).put(90, "0")
                .number(91, 103, 0).put(104, "00").put(159, "10").toString();
        String trailer = FixedLine.of400().put(1, "9").number(395, 400, 5).toString();
        ReadResult read = ReadResult.ofLatin1(lf(header, entry, invoice, change, trailer));

        assertRemessaOfTwo(read, "224", "Fibra");
        assertTitle(read.items().get(0), "00000004321", "01", "Remessa (entrada de título)",
                Category.INSTRUCTION_ENTRY, "0000000501", LocalDate.of(2024, 7, 10), 75_000);
        // the pagador's name is 30 characters at 235-264
        assertPayer(read.items().get(0), "12345678000199", "PAGADOR COM NOME DE TRINTA LET");
        // Fibra's 47 (not in the generic table) alters value and due date
        assertTitle(read.items().get(1), "00000004339", "47", "Alteração de valor e vencimento",
                Category.INSTRUCTION_CHANGE, "0000000502", LocalDate.of(2024, 7, 20), 80_000);
    }

    @Test
    void banrisulSampleRemessaIsReadWithItsTenDigitNossoNumeroAndTrailerTotal() {
        // brcobranca's fixture: código do cedente 18-30, nosso número 63-72 (8 + 2 DV), pagador's name 235-269
        // (35 characters), trailer total 28-40 checked against the titles
        ReadResult read = sampleOfOneTitle("brcobranca/remessa-banrisul-cnab400.rem", "041", "Banrisul");

        Item item = read.items().get(0);
        assertTitle(item, "2283256351", "01", "Remessa (entrada de título)", Category.INSTRUCTION_ENTRY, "1",
                LocalDate.of(2015, 7, 14), 19_990);
        assertPayer(item, "00012345678901", "PABLO DIEGO JOSE FRANCISCO DE PAULA");
        assertThat(read.summary().totalAmountCents()).isEqualTo(19_990);
        // the header's 10-26 are blank and its 27-39 the código do cedente (not the retorno's agência/conta)
        assertThat(read.summary().header().agreement()).isEqualTo("1102900015046");
    }

    @Test
    void banrisulRemessaWithItsOwnInstructionCodesAndATrailerThatDisagrees() {
        String header = FixedLine.of400().put(1, "01REMESSA").put(27, "0012345678901").put(47, "EMPRESA GAUCHA LTDA")
                .put(77, "041BANRISUL").put(95, "100624").number(395, 400, 1).toString();
        String entry = banrisul(2, "01", "0000012345", "DUP-1", "100724", 50_000)
                .put(219, "01").put(221, "00012345678909").put(235, "MARIA DOS SANTOS").toString();
        // Banrisul's 10 is sustar protesto (the generic table's 10 is não protestar) and 18 alters the pagador's name
        String stop = banrisul(3, "10", "0000012353", "DUP-2", "150724", 7_500).toString();
        String rename = banrisul(4, "18", "0000012361", "DUP-3", "200724", 2_500).toString();
        String trailer = FixedLine.of400().put(1, "9").number(28, 40, 60_001).number(395, 400, 5).toString();
        ReadResult read = ReadResult.ofLatin1(lf(header, entry, stop, rename, trailer));

        assertThat(read.classification().bankCode()).isEqualTo("041");
        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        assertThat(read.items()).hasSize(3);
        assertTitle(read.items().get(0), "0000012345", "01", "Remessa (entrada de título)",
                Category.INSTRUCTION_ENTRY, "DUP-1", LocalDate.of(2024, 7, 10), 50_000);
        assertThat(read.items().get(0).counterpartName()).isEqualTo("MARIA DOS SANTOS");
        assertTitle(read.items().get(1), "0000012353", "10", "Sustar protesto", Category.INSTRUCTION_PROTEST,
                "DUP-2", LocalDate.of(2024, 7, 15), 7_500);
        assertTitle(read.items().get(2), "0000012361", "18", "Alteração do nome do pagador",
                Category.INSTRUCTION_CHANGE, "DUP-3", LocalDate.of(2024, 7, 20), 2_500);
        // the trailer says R$ 600,01 for R$ 600,00 of titles: reported, nothing lost
        assertThat(read.summary().totalAmountCents()).isEqualTo(60_000);
        assertThat(read.findingCodes()).containsExactly(FindingCodes.FILE_TRAILER_SUM);
    }

    private static FixedLine inter(int sequence, String yourNumber, String due, long cents) {
        return FixedLine.of400().put(1, "1").put(21, "1120001").put(28, "0001234567").put(38, yourNumber)
                .put(63, "000").put(80, "000").put(90, "00000000000").put(109, "01").put(111, yourNumber)
                .put(121, due).number(127, 139, cents).put(140, "60").put(148, "01N").put(151, "100624")
                .put(174, "0000").put(184, "0").number(185, 197, 0).put(198, "0000").put(202, "000000")
                .number(208, 220, 0).number(395, 400, sequence);
    }

    private static FixedLine fibra(int sequence, String occurrence, String ourNumber, String yourNumber,
                                   String due, long cents) {
        return FixedLine.of400().put(1, "102").put(4, "98765432000110").put(18, "000112345678")
                .put(38, "CTRL-" + yourNumber).put(63, ourNumber).put(74, "0".repeat(13)).put(108, "1")
                .put(109, occurrence).put(111, yourNumber).put(121, due).number(127, 139, cents)
                .put(140, "22400000").put(148, "01N").put(151, "100624").put(157, "00").number(161, 173, 0)
                .put(174, "000000").number(180, 192, 0).number(193, 205, 0).number(206, 218, 0).put(394, "9")
                .number(395, 400, sequence);
    }

    private static FixedLine banrisul(int sequence, String occurrence, String ourNumber, String yourNumber,
                                      String due, long cents) {
        return FixedLine.of400().put(1, "1").put(18, "0012345678901").put(38, yourNumber).put(63, ourNumber)
                .put(108, "1").put(109, occurrence).put(111, yourNumber).put(121, due).number(127, 139, cents)
                .put(140, "041").put(148, "08N").put(151, "100624").put(157, "0000").put(161, "0")
                .number(162, 173, 0).put(322, "02000").put(352, "0000").number(357, 369, 0).put(370, "00")
                .number(395, 400, sequence);
    }

    /** A public sample of one title, read as the bank's remessa without a finding. */
    private static ReadResult sampleOfOneTitle(String sample, String bank, String name) {
        ReadResult read = ReadResult.ofSample(sample);
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, bank, name, ""));
        assertThat(read.items()).hasSize(1);
        assertThat(read.summary().findings()).isEmpty();
        return read;
    }

    private static void assertPayer(Item item, String document, String name) {
        assertThat(item.counterpartDocument()).isEqualTo(document);
        assertThat(item.counterpartName()).isEqualTo(name);
    }

    private static void assertTitle(Item item, String ourNumber, String code, String text, Category category,
                                    String yourNumber, LocalDate due, long cents) {
        assertThat(item.ourNumber()).isEqualTo(ourNumber);
        assertThat(item.occurrenceCode()).isEqualTo(code);
        assertThat(item.occurrenceText()).isEqualTo(text);
        assertThat(item.category()).isEqualTo(category);
        assertThat(item.yourNumber()).isEqualTo(yourNumber);
        assertThat(item.dueDate()).isEqualTo(due);
        assertThat(item.amountCents()).isEqualTo(cents);
    }

    private static FixedLine sicredi(int sequence, String occurrence, String ourNumber, String yourNumber,
                                     String due, long cents) {
        return FixedLine.of400().put(1, "1AAA").put(17, "AAB").put(48, ourNumber).put(63, "20240610")
                .put(72, "N").put(74, "B").put(109, occurrence).put(111, yourNumber).put(121, due)
                .number(127, 139, cents).put(149, "AN").put(151, "100624").put(157, "0000")
                .number(395, 400, sequence);
    }

    private static FixedLine sicoob(int sequence, String occurrence, String ourNumber, String yourNumber,
                                    String due, long cents) {
        return FixedLine.of400().put(1, "102").put(4, "12345678000199").put(18, "30690").put(23, "00012345")
                .put(31, "6").put(32, "000000").put(63, ourNumber).put(75, "01").put(106, "201")
                .put(109, occurrence).put(111, yourNumber).put(121, due).number(127, 139, cents)
                .put(140, "75630690").put(148, "010").put(151, "100624").put(157, "0000")
                .number(161, 166, 10_000).number(167, 172, 20_000).put(173, "2").put(193, "9")
                .number(395, 400, sequence);
    }

    private static void assertRemessaOfTwo(ReadResult read, String bank, String name) {
        assertThat(read.classification()).isEqualTo(new Classification(Layout.CNAB400, Direction.REMESSA,
                Service.COBRANCA, bank, name, ""));
        assertThat(read.items()).hasSize(2);
        assertThat(read.summary().totalAmountCents())
                .isEqualTo(read.items().stream().mapToLong(Item::amountCents).sum());
        // every 400 record ends with its sequence at 395-400, so right-trimming leaves the lines whole: no finding
        assertThat(read.summary().findings()).isEmpty();
        assertThat(read.summary().completeness().complete()).isTrue();
    }

    /** Lines right-trimmed and joined by LF only. */
    private static String lf(String... lines) {
        List<String> trimmed = new ArrayList<>();
        for (String line : lines) {
            trimmed.add(line.stripTrailing());
        }
        return String.join("\n", trimmed) + "\n";
    }
}
