package br.bankhistory.cnab;

import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.write.Party;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.cnab.write.RemessaWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pagamento 240 of every bank the writer produces: a remessa of a TED (A+B), a boleto (J+J-52) and a Pix
 * transfer (forma 45) is written, read as a remessa, then turned into the bank's retorno the way a bank
 * answers (header 143 = 2, ocorrência 00 "efetivado" at 231-240 of each payment, the effective date and
 * value filled) and read again: a file built from the positions of the bank's layout. Itaú's SISPAG
 * positions are checked byte by byte against laravel-boleto's Itaú pagamento (MIT).
 */
class Pagamento240BanksTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    private static final Party PAYEE = new Party("FORNECEDOR EXEMPLO LTDA", "12.345.678/0001-99", "RUA A 1", "CENTRO",
            "01001000", "SAO PAULO", "SP");

    static List<String> banks() {
        return BankCatalog.standard().writing(Layout.CNAB240, Service.PAGAMENTO);
    }

    @ParameterizedTest(name = "pagamento 240 {0}")
    @MethodSource("banks")
    void remessaAndRetornoOfTedBoletoAndPix(String bank) {
        String remessa = write(bank);

        ReadResult asRemessa = ReadResult.ofLatin1(remessa);
        assertThat(asRemessa.classification().direction()).as(bank).isEqualTo(Direction.REMESSA);
        assertThat(asRemessa.classification().service()).as(bank).isEqualTo(Service.PAGAMENTO);
        assertThat(asRemessa.items()).as(bank).hasSize(3)
                .allSatisfy(item -> assertThat(item.category()).isEqualTo(Category.INSTRUCTION_PAYMENT));
        assertThat(asRemessa.summary().findings()).as(bank).isEmpty();

        ReadResult retorno = ReadResult.ofLatin1(asRetorno(remessa));
        assertThat(retorno.classification().direction()).as(bank).isEqualTo(Direction.RETORNO);
        assertThat(retorno.items()).as(bank).extracting(Item::category).containsOnly(Category.EFFECTED);
        assertThat(retorno.items()).as(bank).extracting(item -> item.payment().form())
                .containsExactly(PaymentForm.TED, PaymentForm.BOLETO, PaymentForm.PIX);
        assertThat(retorno.items()).as(bank).extracting(Item::paidCents).containsExactly(150_000L, 9_990L, 2_500L);
        assertThat(retorno.items().get(0).yourNumber()).as(bank).isEqualTo("TED-1");
        assertThat(retorno.items().get(0).payment().effectiveDate()).as(bank).isEqualTo(DAY);
        assertThat(retorno.summary().findings()).as(bank).isEmpty();
    }

    @ParameterizedTest(name = "pagamento 240 header {0}")
    @MethodSource("banks")
    void aPagamentoFileHeaderIsReadAtTheBanksPagamentoPositions(String bank) {
        // the remessa and the bank's answer name the header's company, agency and account: a bank whose pagamento
        // file header differs from its cobrança one (SISPAG, BB, Caixa, Santander, ...) is read at its own
        for (String file : List.of(write(bank), asRetorno(write(bank)))) {
            FileHeader header = ReadResult.ofLatin1(file).summary().header();
            assertThat(header.companyName()).as(bank).isEqualTo("EMPRESA PAGADORA SA");
            assertThat(header.companyDocument()).as(bank).isEqualTo("98765432000110");
            assertThat(withoutLeadingZeros(header.agency())).as(bank).isEqualTo("1234");
            assertThat(withoutLeadingZeros(header.account())).as(bank).isEqualTo("56789");
        }
    }

    private static String withoutLeadingZeros(String digits) {
        return digits.strip().replaceFirst("^0+", "");
    }

    @Test
    void itauSispagIsWrittenAtItsOwnPositionsAndItsPixKeyReadsBack() {
        String[] lines = write("341").split("\r\n");
        // file header: layout 080 at 15-17, agency 53-57, account 59-70, DAC 72, zeros 158-166
        assertThat(lines[0].substring(14, 17)).isEqualTo("080");
        assertThat(lines[0].substring(52, 57)).isEqualTo("01234");
        assertThat(lines[0].substring(58, 70)).isEqualTo("000000056789");
        assertThat(lines[0].substring(71, 72)).isEqualTo("5");
        assertThat(lines[0].substring(157, 166)).isEqualTo("000000000");
        // A: agency 24-28, blank 29, account 30-41, blank 42, DAC 43, "REA" 102-104, value 120-134
        String a = lines[2];
        assertThat(a.substring(23, 43)).isEqualTo("00321 000000012345 6");
        assertThat(a.substring(101, 104)).isEqualTo("REA");
        assertThat(a.substring(119, 134)).isEqualTo("000000000150000");
        assertThat(a.substring(203, 217)).isEqualTo("12345678000199");
        // the Pix lote (forma 45) and its B: key type 15-16, key 128-227 as given (case kept)
        String pixLote = lines[9];
        assertThat(pixLote.substring(11, 13)).isEqualTo("45");
        String pixB = lines[11];
        assertThat(pixB.charAt(13)).isEqualTo('B');
        assertThat(pixB.substring(14, 16)).isEqualTo("02");
        assertThat(pixB.substring(127, 227).strip()).isEqualTo("Financeiro@Fornecedor.com.br");

        Item pix = ReadResult.ofLatin1(asRetorno(write("341"))).items().get(2);
        assertThat(pix.pix()).isEqualTo(new Pix("", "02", "Financeiro@Fornecedor.com.br", ""));
        assertThat(pix.payment().form()).isEqualTo(PaymentForm.PIX);
    }

    static String write(String bank) {
        return write(RemessaHeader.builder(bank).company("EMPRESA PAGADORA SA", "98.765.432/0001-10")
                .agency("01234", "0").account("000000056789", "5").agreement("123456")
                .sequenceNumber(7).generatedAt(LocalDateTime.of(2025, 3, 9, 8, 30)).build());
    }

    /** The TED, boleto and Pix remessa of {@link #remessaAndRetornoOfTedBoletoAndPix} under the given header. */
    static String write(RemessaHeader header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = RemessaWriter.pagamento240(out, header)) {
            writer.add(new Payment.Transfer("TED-1", PAYEE, "389", "321", "0", "12345", "6", DAY, 150_000, Map.of()));
            writer.add(new Payment.Boleto("BOL-1", "23791" + "0".repeat(39), "CEDENTE SA", "11.222.333/0001-81",
                    DAY, 9_990, DAY, 9_990, Map.of()));
            writer.add(new Payment.Transfer("PIX-1", PAYEE, "260", "1", "0", "99", "1", DAY, 2_500, Map.of())
                    .withPix("02", "Financeiro@Fornecedor.com.br"));
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The bank's answer to the remessa: retorno in 143, "00" at 231-240 of A and J, effective date and value. */
    static String asRetorno(String remessa) {
        StringBuilder file = new StringBuilder();
        for (String line : remessa.split("\r\n")) {
            char[] record = line.toCharArray();
            if (record[7] == '0') {
                record[142] = '2';
            }
            if (record[7] == '3' && (record[13] == 'A' || (record[13] == 'J' && !line.startsWith("52", 17)))) {
                "00        ".getChars(0, 10, record, 230);
                if (record[13] == 'A') {
                    "10032025".getChars(0, 8, record, 154);
                    line.substring(119, 134).getChars(0, 15, record, 162);
                }
            }
            file.append(record).append("\r\n");
        }
        return file.toString();
    }
}
