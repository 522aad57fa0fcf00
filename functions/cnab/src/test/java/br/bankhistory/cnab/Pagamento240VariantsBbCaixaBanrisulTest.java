package br.bankhistory.cnab;

import br.bankhistory.cnab.write.CnabWriteException;
import br.bankhistory.cnab.write.Party;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.cnab.write.RemessaWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pagamento 240 variants of Banco do Brasil, Caixa and Banrisul (laravel-boleto's pagamento classes, MIT,
 * as cited in their layout files): the remessa of a TED, a boleto and a Pix transfer
 * ({@link Pagamento240BanksTest#write}) is written at each bank's own positions, listed with what they hold
 * in {@code pagamento240-variants.txt}, and the bank's answer built from it reads back with its amounts,
 * forms and seu número.
 */
class Pagamento240VariantsBbCaixaBanrisulTest {

    private static final Party PAYEE = new Party("FORNECEDOR EXEMPLO LTDA", "12.345.678/0001-99", "RUA A 1",
            "CENTRO", "01001000", "SAO PAULO", "SP");

    /** The company's header; Banrisul's convênio has 5 digits and its conta 10. */
    private static RemessaHeader.Builder header(String bank) {
        RemessaHeader.Builder header = RemessaHeader.builder(bank).company("EMPRESA PAGADORA SA",
                "98.765.432/0001-10").agency("01234", "0").sequenceNumber(7)
                .generatedAt(LocalDateTime.of(2025, 3, 9, 8, 30));
        return bank.equals("041") ? header.account("0056789012", "").agreement("12345")
                : header.account("000000056789", "5").agreement("123456");
    }

    /** One expected text: the bank, the record's line in the file, its first position (1-based). */
    record Expected(String bank, int line, int start, String text) {
    }

    static List<Expected> expected() throws IOException {
        List<Expected> all = new ArrayList<>();
        try (InputStream in = Pagamento240VariantsBbCaixaBanrisulTest.class
                .getResourceAsStream("pagamento240-variants.txt")) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] columns = row.strip().split("\\s+");
                all.add(new Expected(columns[0], Integer.parseInt(columns[1]), Integer.parseInt(columns[2]),
                        columns[3].replace('_', ' ')));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "pagamento 240 {0}")
    @ValueSource(strings = {"001", "104", "041"})
    void writtenAtTheBanksOwnPositionsAndItsAnswerReadsBack(String bank) throws IOException {
        String remessa = Pagamento240BanksTest.write(header(bank).build());
        String[] lines = remessa.split("\r\n");
        List<Expected> positions = expected().stream().filter(e -> e.bank().equals(bank)).toList();
        assertThat(positions).isNotEmpty();
        for (Expected e : positions) {
            String record = lines[e.line()];
            assertThat(record.substring(e.start() - 1, e.start() - 1 + e.text().length()))
                    .as("%s line %d from %d", bank, e.line(), e.start()).isEqualTo(e.text());
        }

        List<Item> items = readsBackAsTheBanksAnswer(remessa);
        // the favorecido's CNPJ: B 19-32 for every bank, and Banrisul's A 204-217 too
        assertThat(items.get(0).counterpartDocument()).isEqualTo("12345678000199");
    }

    @Test
    void banrisulRefusesASeuNumeroLongerThanItsFifteenPositions() {
        RemessaHeader header = header("041").build();
        var writer = RemessaWriter.pagamento240(new ByteArrayOutputStream(), header);
        assertThatThrownBy(() -> writer.add(new Payment.Transfer("NF-2025-000000001", PAYEE, "389", "321", "0",
                "12345", "6", LocalDate.of(2025, 3, 10), 150_000, Map.of())))
                .isInstanceOfSatisfying(CnabWriteException.class, e -> {
                    assertThat(e.code()).isEqualTo(CnabWriteException.Code.TOO_LONG);
                    assertThat(e.field()).isEqualTo("your_number");
                });
    }

    @Test
    void banrisulTedAsFormaZeroThreeWithServiceTwelveIsGivenByExtraFields() {
        RemessaHeader header = header("041").extraFields(Map.of("service", "12")).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = RemessaWriter.pagamento240(out, header)) {
            writer.add(new Payment.Transfer("TED-1", PAYEE, "389", "321", "0", "12345", "6", LocalDate.of(2025, 3, 10),
                    150_000, Map.of("payment_form", "03")));
        }
        String loteHeader = out.toString(StandardCharsets.ISO_8859_1).split("\r\n")[1];
        assertThat(loteHeader.substring(9, 16)).isEqualTo("1203040");
    }

    /** The bank's answer (effected) reads back with the amounts, forms and seu número of the remessa. */
    private static List<Item> readsBackAsTheBanksAnswer(String remessa) {
        ReadResult asRemessa = ReadResult.ofLatin1(remessa);
        assertThat(asRemessa.summary().findings()).isEmpty();
        ReadResult retorno = ReadResult.ofLatin1(Pagamento240BanksTest.asRetorno(remessa));
        assertThat(retorno.summary().findings()).isEmpty();
        List<Item> items = retorno.items();
        assertThat(items).extracting(Item::category).containsOnly(Category.EFFECTED);
        assertThat(items).extracting(item -> item.payment().form())
                .containsExactly(PaymentForm.TED, PaymentForm.BOLETO, PaymentForm.PIX);
        assertThat(items).extracting(Item::paidCents).containsExactly(150_000L, 9_990L, 2_500L);
        assertThat(items).extracting(Item::yourNumber).containsExactly("TED-1", "BOL-1", "PIX-1");
        return items;
    }
}
