package br.bankhistory.cnab;

import br.bankhistory.cnab.write.Pagamento240Writer;
import br.bankhistory.cnab.write.Party;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.cnab.write.RemessaWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a finance team checks on a payment: form, numbers, dates, favorecido, authentication, barcode. */
class PagamentoDetailsTest {

    /** A bank read with the FEBRABAN pagamento positions (Itaú has its SISPAG ones). */
    private static final String BANK = "237";

    @Test
    void transferCarriesFormNumbersDatesPayeeAndAuthentication() {
        String[] lines = {
                Synthetic240.fileHeader(BANK, '2'),
                loteHeader(1, "41"),
                detail(1, 1, 'A').put(18, "018").put(21, "237").put(24, "01234").put(29, "5").put(30, "000000098765")
                        .put(42, "4").put(44, "FORNECEDOR UM LTDA").put(74, "PAG-0001").put(94, "10042024")
                        .put(102, "BRL").number(120, 134, 150_000).put(135, "BANCO-123").put(155, "11042024")
                        .number(163, 177, 150_000).put(231, "00").toString(),
                detail(1, 2, 'B').put(18, "2").put(19, "11222333000144").toString(),
                detail(1, 3, 'Z').put(15, "AUTENTICACAO-0123456789").toString(),
                loteTrailer(1, 5, 150_000),
                Synthetic240.fileTrailer(BANK, 1, 7)};
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", lines));

        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.category()).isEqualTo(Category.EFFECTED);
            PaymentDetails payment = item.payment();
            assertThat(payment.form()).isEqualTo(PaymentForm.TED);
            assertThat(payment.formCode()).isEqualTo("41");
            assertThat(payment.companyNumber()).isEqualTo("PAG-0001");
            assertThat(payment.bankNumber()).isEqualTo("BANCO-123");
            assertThat(payment.scheduledDate()).isEqualTo(LocalDate.of(2024, 4, 10));
            assertThat(payment.scheduledCents()).isEqualTo(150_000);
            assertThat(payment.effectiveDate()).isEqualTo(LocalDate.of(2024, 4, 11));
            assertThat(payment.effectiveCents()).isEqualTo(150_000);
            assertThat(payment.payeeBank()).isEqualTo("237");
            assertThat(payment.payeeAgency()).isEqualTo("01234-5");
            assertThat(payment.payeeAccount()).isEqualTo("000000098765-4");
            assertThat(payment.payeeDocument()).isEqualTo("11222333000144");
            assertThat(payment.authentication()).isEqualTo("AUTENTICACAO-0123456789");
            assertThat(payment.occurrences()).containsExactly(new CodeText("00", "Crédito ou débito efetivado"));
        });
        assertThat(read.summary().findings()).isEmpty();
    }

    @Test
    void boletoCarriesBarcodeJurosDescontoAndEveryOccurrenceInWords() {
        String[] lines = {
                Synthetic240.fileHeader(BANK, '2'),
                loteHeader(1, "31"),
                detail(1, 1, 'J').put(18, "23790000000000000000000000000000000000000000").put(62, "CEDENTE SA")
                        .put(92, "15042024").number(100, 114, 80_000).number(115, 129, 1_000).number(130, 144, 250)
                        .put(145, "15042024").number(153, 167, 79_250).put(183, "PAG-0002").put(203, "NN-0002")
                        .put(231, "BDAG").toString(),
                loteTrailer(1, 3, 79_250),
                Synthetic240.fileTrailer(BANK, 1, 5)};
        ReadResult read = ReadResult.ofLatin1(Synthetic240.join("\n", lines));

        assertThat(read.items()).singleElement().satisfies(item -> {
            // a rejection among the codes wins: the payment is not scheduled
            assertThat(item.category()).isEqualTo(Category.PAYMENT_REJECTED);
            PaymentDetails payment = item.payment();
            assertThat(payment.form()).isEqualTo(PaymentForm.BOLETO);
            assertThat(payment.barcode()).isEqualTo("23790000000000000000000000000000000000000000");
            assertThat(payment.discountCents()).isEqualTo(1_000);
            assertThat(payment.interestCents()).isEqualTo(250);
            assertThat(payment.companyNumber()).isEqualTo("PAG-0002");
            assertThat(payment.bankNumber()).isEqualTo("NN-0002");
            assertThat(payment.occurrences()).extracting(CodeText::code).containsExactly("BD", "AG");
            assertThat(item.reasons()).containsExactly("AG - Agência/conta corrente/DV inválido");
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("pagamentoWriters")
    void aRemessaWrittenByTheEngineReadsBackWithItsNumbers(String bank) {
        RemessaHeader header = RemessaHeader.builder(bank).company("Empresa Pagadora Ltda", "12.345.678/0001-90")
                .agency("1234", "").account("12345", "6").sequenceNumber(7)
                .generatedAt(LocalDateTime.of(2024, 6, 11, 14, 30, 5)).build();
        Party payee = new Party("Fornecedor Ltda", "11.222.333/0001-81", "Rua A 1", "Centro", "01001-000",
                "São Paulo", "SP");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Pagamento240Writer writer = RemessaWriter.pagamento240(out, header)) {
            writer.add(new Payment.Transfer("NF-4512", payee, "237", "1", "2", "3", "4", LocalDate.of(2024, 6, 12),
                    100, Map.of()));
            writer.add(new Payment.Boleto("NF-4513", "2379" + "0".repeat(40), "Fornecedor", "11222333000181",
                    LocalDate.of(2024, 6, 20), 500, LocalDate.of(2024, 6, 12), 450, Map.of()));
        }
        ReadResult read = ReadResult.of(out.toByteArray());

        List<Item> items = read.items();
        assertThat(items).extracting(Item::yourNumber).containsExactly("NF-4512", "NF-4513");
        assertThat(items).extracting(item -> item.payment().companyNumber()).containsExactly("NF-4512", "NF-4513");
        assertThat(items).extracting(item -> item.payment().form()).containsExactly(
                bank.equals("237") ? PaymentForm.CREDITO_CONTA : PaymentForm.TED, PaymentForm.BOLETO);
        assertThat(items.get(0).payment().payeeDocument()).isEqualTo("11222333000181");
        assertThat(read.summary().findings()).isEmpty();
    }

    static List<String> pagamentoWriters() {
        return br.bankhistory.cnab.bank.BankCatalog.standard().writing(Layout.CNAB240, Service.PAGAMENTO);
    }

    private static String loteHeader(int lote, String form) {
        return Synthetic240.pagamentoLoteHeader(BANK, lote, "20", form);
    }

    private static FixedLine detail(int lote, int sequence, char segment) {
        return Synthetic240.paymentDetail(BANK, lote, sequence, segment);
    }

    private static String loteTrailer(int lote, long records, long totalCents) {
        return Synthetic240.pagamentoLoteTrailer(BANK, lote, records, totalCents);
    }
}
