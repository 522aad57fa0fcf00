package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CNAB 240 cobrança remessas of the banks that write them and now also declare reading them with their own
 * description (Bradesco 237, Sicredi 748). No public remessa of either bank was found: each file is built
 * here field by field at the positions of the MIT source named in the bank's layout file, in right-trimmed
 * lines separated by LF only (as a bank's or an ERP's export may come), and read back.
 */
class Cnab240MoreBanksTest {

    @Test
    void bradescoRemessaIsReadWithItsWalletAndTwelveDigitNossoNumero() {
        // laravel-boleto Remessa/Cnab240/Banco/Bradesco.php: código do cliente 20 digits at 33-52 (file header)
        // and 34-53 (lote header), file layout 084, lote 042; P: carteira 38-40, 41-45 zeros, nosso número 46-57
        FixedLine p1 = p("237", 1, "01").put(38, "009").put(41, "00000").put(46, "000000012345")
                .put(63, "NF-1001").put(78, "20042024").number(86, 100, 150_075);
        FixedLine p2 = p("237", 3, "02").put(38, "009").put(41, "00000").put(46, "000000012346")
                .put(63, "NF-1002").put(78, "25042024").number(86, 100, 9_990);
        ReadResult read = ReadResult.ofLatin1(remessa("237", "084", "042",
                List.of(p1, q("237", 2, "01", "12345678901", "MARIA DA SILVA"),
                        p2, q("237", 4, "02", "12345678000199", "COMERCIO EXEMPLO LTDA"))));

        assertRemessaOfTwo(read, "237");
        assertThat(read.items()).extracting(Item::ourNumber).containsExactly("000000012345", "000000012346");
        Item entry = read.items().get(0);
        assertThat(entry.occurrenceCode()).isEqualTo("01");
        assertThat(entry.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(entry.occurrenceText()).isEqualTo("Entrada de título");
        assertThat(entry.yourNumber()).isEqualTo("NF-1001");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2024, 4, 20));
        assertThat(entry.amountCents()).isEqualTo(150_075);
        assertThat(entry.counterpartName()).isEqualTo("MARIA DA SILVA");
        assertThat(entry.counterpartDocument()).endsWith("12345678901");
        Item writeOff = read.items().get(1);
        assertThat(writeOff.occurrenceCode()).isEqualTo("02");
        assertThat(writeOff.category()).isEqualTo(Category.INSTRUCTION_WRITE_OFF);
        assertThat(writeOff.occurrenceText()).isEqualTo("Pedido de baixa");
        assertThat(writeOff.amountCents()).isEqualTo(9_990);
    }

    @Test
    void sicrediRemessaIsReadWithItsTwentyDigitNossoNumero() {
        // laravel-boleto Remessa/Cnab240/Banco/Sicredi.php: código do beneficiário 20 digits in the headers,
        // file layout 081, lote 040; P: nosso número 38-57 numeric, baixa code 1 and 060 days at 224-227
        FixedLine p1 = p("748", 1, "01").put(38, "00000000000241000015").put(63, "PED-77")
                .put(78, "10052024").number(86, 100, 32_050).put(224, "1060");
        FixedLine p2 = p("748", 3, "02").put(38, "00000000000241000023").put(63, "PED-78")
                .put(78, "11052024").number(86, 100, 1_000).put(224, "1060");
        ReadResult read = ReadResult.ofLatin1(remessa("748", "081", "040",
                List.of(p1, q("748", 2, "01", "98765432100", "JOAO PEREIRA"),
                        p2, q("748", 4, "02", "11222333000181", "COOPERATIVA EXEMPLO"))));

        assertRemessaOfTwo(read, "748");
        assertThat(read.items()).extracting(Item::ourNumber)
                .containsExactly("00000000000241000015", "00000000000241000023");
        Item entry = read.items().get(0);
        assertThat(entry.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(entry.yourNumber()).isEqualTo("PED-77");
        assertThat(entry.dueDate()).isEqualTo(LocalDate.of(2024, 5, 10));
        assertThat(entry.amountCents()).isEqualTo(32_050);
        assertThat(entry.counterpartName()).isEqualTo("JOAO PEREIRA");
        assertThat(read.items().get(1).category()).isEqualTo(Category.INSTRUCTION_WRITE_OFF);
        assertThat(read.items().get(1).occurrenceText()).isEqualTo("Pedido de baixa");
    }

    private static void assertRemessaOfTwo(ReadResult read, String bank) {
        assertThat(read.classification().bankCode()).isEqualTo(bank);
        assertThat(read.classification().layout()).isEqualTo(Layout.CNAB240);
        assertThat(read.classification().service()).isEqualTo(Service.COBRANCA);
        assertThat(read.classification().direction()).isEqualTo(Direction.REMESSA);
        assertThat(read.items()).hasSize(2);
        assertThat(read.summary().totalAmountCents())
                .isEqualTo(read.items().stream().mapToLong(Item::amountCents).sum());
        // right-trimmed lines are completed with spaces (a warning each, the only finding); counts agree
        assertThat(read.findingCodes()).isNotEmpty().containsOnly(FindingCodes.LINE_SHORT);
        assertThat(read.summary().completeness().complete()).isTrue();
    }

    private static FixedLine p(String bank, int sequence, String movement) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "3").number(9, 13, sequence).put(14, "P")
                .put(16, movement).put(18, "01234").put(23, "5").put(24, "000000056789").put(36, "0");
    }

    private static FixedLine q(String bank, int sequence, String movement, String document, String name) {
        return FixedLine.of240().put(1, bank).put(4, "0001").put(8, "3").number(9, 13, sequence).put(14, "Q")
                .put(16, movement).put(18, document.length() == 11 ? "1" : "2").number(19, 33, Long.parseLong(document))
                .put(34, name);
    }

    /** A remessa of one lote, header direction 1, counts right, lines right-trimmed and joined by LF. */
    private static String remessa(String bank, String fileVersion, String loteVersion, List<FixedLine> details) {
        List<String> lines = new ArrayList<>();
        lines.add(FixedLine.of240().put(1, bank).put(4, "0000").put(8, "0").put(18, "2")
                .put(19, "12345678000199").put(33, "00000000000000123456").put(73, "EMPRESA TESTE LTDA")
                .put(143, "1").put(144, "15032024").put(152, "101010").put(158, "000042").put(164, fileVersion)
                .put(167, "01600").toString());
        lines.add(FixedLine.of240().put(1, bank).put(4, "0001").put(8, "1").put(9, "R").put(10, "01")
                .put(14, loteVersion).put(18, "2").put(19, "012345678000199").put(34, "00000000000000123456")
                .toString());
        details.forEach(detail -> lines.add(detail.toString()));
        lines.add(FixedLine.of240().put(1, bank).put(4, "0001").put(8, "5").number(18, 23, details.size() + 2)
                .toString());
        lines.add(FixedLine.of240().put(1, bank).put(4, "9999").put(8, "9").number(18, 23, 1)
                .number(24, 29, details.size() + 4).toString());
        return String.join("\n", lines.stream().map(String::stripTrailing).toList()) + "\n";
    }
}
