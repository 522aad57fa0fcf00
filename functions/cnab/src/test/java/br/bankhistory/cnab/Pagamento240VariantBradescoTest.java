package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bradesco Multipag pagamento 240 at its own positions (starkbank/febraban-python's Bradesco Multipag files, MIT,
 * as cited in cnab240-237.layout): the remessa {@link Pagamento240BanksTest} writes (a TED, a boleto and a Pix
 * transfer) is checked at the positions that differ from the FEBRABAN base, then the bank's answer built from it
 * ({@link Pagamento240BanksTest#asRetorno}) is read back, as in
 * {@link Pagamento240VariantsSicoobSicrediInterTest#assertReadBack}, also with Bradesco's own occurrence codes.
 * Lines: 0 header, 1 TED lote, 2 A, 3 B, 4 lote trailer, 5-8 boleto lote, 9 Pix lote, 10 A, 11 B, 12 lote
 * trailer, 13 file trailer.
 */
class Pagamento240VariantBradescoTest {

    @Test
    void multipagIsWrittenWithItsLayoutVersionsAndReadsBack() {
        String[] lines = Pagamento240BanksTest.write("237").split("\r\n");
        // file header: convênio as text 33-52 (the cobrança header's is 20 digits), layout 089, density 01600
        assertThat(lines[0].substring(32, 52)).isEqualTo("123456" + " ".repeat(14));
        assertThat(lines[0].substring(102, 132).strip()).isEqualTo("BRADESCO");
        assertThat(lines[0].substring(163, 171)).isEqualTo("08901600");
        // lote headers: layout 012 for the TED, boleto (forma 30: a Bradesco barcode) and Pix lotes;
        // indicativo de forma de pagamento 01 at 223-224
        assertThat(lines[1].substring(9, 16)).isEqualTo("2041012");
        assertThat(lines[5].substring(9, 16)).isEqualTo("2030012");
        assertThat(lines[9].substring(9, 16)).isEqualTo("2045012");
        assertThat(lines[1].substring(222, 224)).isEqualTo("01");
        // A and J at the FEBRABAN positions: seu número 74-93 / 183-202, value 120-134 / 153-167
        assertThat(lines[2].substring(73, 93).strip()).isEqualTo("TED-1");
        assertThat(lines[2].substring(119, 134)).isEqualTo("000000000150000");
        assertThat(lines[6].substring(152, 167)).isEqualTo("000000000009990");
        assertThat(lines[6].substring(182, 202).strip()).isEqualTo("BOL-1");
        // lote trailer: sum 24-41, 42-59 and the aviso de débito 60-65 in zeros; file trailer 30-35 zeros
        assertThat(lines[4].substring(23, 65)).isEqualTo("000000000000150000" + "0".repeat(24));
        assertThat(lines[13].substring(29, 35)).isEqualTo("000000");

        ReadResult retorno = Pagamento240VariantsSicoobSicrediInterTest.assertReadBack("237", lines);
        assertThat(retorno.items()).extracting(Item::yourNumber).containsExactly("TED-1", "BOL-1", "PIX-1");
    }

    @Test
    void multipagOwnOccurrenceCodesAreReadInWords() {
        String[] lines = Pagamento240BanksTest.asRetorno(Pagamento240BanksTest.write("237")).split("\r\n");
        lines[2] = lines[2].substring(0, 230) + "5A        ";
        lines[6] = lines[6].substring(0, 230) + "5T        ";
        lines[10] = lines[10].substring(0, 230) + "5B        ";
        ReadResult retorno = ReadResult.ofLatin1(String.join("\r\n", lines) + "\r\n");
        assertThat(retorno.findingCodes()).doesNotContain(FindingCodes.UNKNOWN_OCCURRENCE);
        assertThat(retorno.items()).extracting(Item::occurrenceText).containsExactly(
                "Agendado sob lista de débito", "Pagamento realizado em contrato na condição de teste",
                "Pagamento não autorizado sob lista de débito");
        assertThat(retorno.items()).extracting(Item::category)
                .containsExactly(Category.SCHEDULED, Category.OTHER, Category.PAYMENT_REJECTED);
        assertThat(retorno.items()).extracting(item -> item.payment().form())
                .containsExactly(PaymentForm.TED, PaymentForm.BOLETO, PaymentForm.PIX);
    }
}
