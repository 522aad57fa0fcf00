package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CNAB 400 cobrança remessas of banks that declare reading them with their own description: Sicredi 748 and
 * Sicoob 756 (which also write them). No public remessa of these banks was found: each file is built here
 * field by field at the positions of the MIT source named in the bank's layout file, in right-trimmed lines
 * separated by LF only (as a bank's or an ERP's export may come), and read back.
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
        Item first = read.items().get(0);
        assertThat(first.ourNumber()).isEqualTo("241000015");
        assertThat(first.occurrenceCode()).isEqualTo("01");
        assertThat(first.occurrenceText()).isEqualTo("Entrada de título");
        assertThat(first.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(first.yourNumber()).isEqualTo("PED-77");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2024, 7, 10));
        assertThat(first.amountCents()).isEqualTo(32_050);
        assertThat(first.counterpartName()).isEqualTo("JOAO PEREIRA");
        Item second = read.items().get(1);
        assertThat(second.ourNumber()).isEqualTo("241000023");
        assertThat(second.occurrenceCode()).isEqualTo("02");
        assertThat(second.occurrenceText()).isEqualTo("Pedido de baixa");
        assertThat(second.category()).isEqualTo(Category.INSTRUCTION_WRITE_OFF);
        assertThat(second.dueDate()).isEqualTo(LocalDate.of(2024, 7, 11));
        assertThat(second.amountCents()).isEqualTo(1_000);
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
        Item first = read.items().get(0);
        assertThat(first.ourNumber()).isEqualTo("000000000123");
        assertThat(first.occurrenceCode()).isEqualTo("01");
        assertThat(first.occurrenceText()).isEqualTo("Entrada de título");
        assertThat(first.category()).isEqualTo(Category.INSTRUCTION_ENTRY);
        assertThat(first.yourNumber()).isEqualTo("NF-10");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2024, 7, 10));
        assertThat(first.amountCents()).isEqualTo(150_075);
        assertThat(first.counterpartName()).isEqualTo("COMERCIO EXEMPLO LTDA");
        Item second = read.items().get(1);
        assertThat(second.ourNumber()).isEqualTo("000000000131");
        assertThat(second.occurrenceText()).isEqualTo("Pedido de baixa");
        assertThat(second.category()).isEqualTo(Category.INSTRUCTION_WRITE_OFF);
        assertThat(second.dueDate()).isEqualTo(LocalDate.of(2024, 7, 15));
        assertThat(second.amountCents()).isEqualTo(9_990);
        assertThat(read.summary().header().agreement()).isEqualTo("000123456");
        assertThat(read.summary().header().sequenceNumber()).isEqualTo(7);
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
