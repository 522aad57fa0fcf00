package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Santander (033) pagamento 240 at its own positions (Pagamento2Net's BancoSantander, MIT, as cited in
 * cnab240-033.layout): the remessa {@link Pagamento240BanksTest} writes (a TED, a boleto and a Pix transfer)
 * is checked where it differs from the FEBRABAN base, then the bank's answer built from it is read back, with
 * Santander's own occurrence codes. Lines: 0 header, 1 TED lote, 2 A, 3 B, 4 lote trailer, 5-8 boleto lote,
 * 9 Pix lote, 10 A, 11 B, 12 lote trailer, 13 file trailer.
 */
class Pagamento240VariantSantanderTest {

    @Test
    void santanderPagamentoHasItsFileHeaderLayoutVersionsAndBFieldsAndReadsBack() {
        String[] lines = Pagamento240BanksTest.write("033").split("\r\n");
        // file header: FEBRABAN positions, not the cobrança header's (type 18, CNPJ 19-32, convênio 33-52),
        // BANCO SANTANDER, layout 060, density 00000, ocorrências 231-240 in zeros
        String header = lines[0];
        assertThat(header.substring(17, 32)).isEqualTo("298765432000110");
        assertThat(header.substring(32, 52)).isEqualTo("123456" + " ".repeat(14));
        assertThat(header.substring(52, 71)).isEqualTo("01234" + "0" + "000000056789" + "5");
        assertThat(header.substring(102, 132).strip()).isEqualTo("BANCO SANTANDER");
        assertThat(header.substring(163, 171)).isEqualTo("06000000");
        assertThat(header.substring(230, 240)).isEqualTo("0000000000");
        // lote headers: TED (forma 41) layout 031, boleto of another bank (31) layout 030, Pix (45) 031;
        // 58 blank, número 173-177 zeros, 223-230 blank
        String tedLote = lines[1];
        assertThat(tedLote.substring(11, 16)).isEqualTo("41031");
        assertThat(tedLote.charAt(57)).isEqualTo(' ');
        assertThat(tedLote.substring(172, 177)).isEqualTo("00000");
        assertThat(tedLote.substring(222, 230)).isBlank();
        assertThat(lines[5].substring(11, 16)).isEqualTo("31030");
        assertThat(lines[5].charAt(57)).isEqualTo(' ');
        assertThat(lines[9].substring(11, 16)).isEqualTo("45031");
        // A: câmara 018, DV agência/conta "0" at 43, 220-229 blank, aviso "0" at 230
        String a = lines[2];
        assertThat(a.substring(17, 20)).isEqualTo("018");
        assertThat(a.charAt(42)).isEqualTo('0');
        assertThat(a.substring(219, 229)).isBlank();
        assertThat(a.charAt(229)).isEqualTo('0');
        // B: horário de envio de TED 211-214 zeros, 215-225 blank, código histórico 226-229 zeros, aviso 230
        String b = lines[3];
        assertThat(b.substring(210, 214)).isEqualTo("0000");
        assertThat(b.substring(214, 225)).isBlank();
        assertThat(b.substring(225, 230)).isEqualTo("00000");
        assertThat(b.substring(230, 240)).isBlank();
        // lote trailer: aviso de débito 60-65 in zeros
        assertThat(lines[4].substring(59, 65)).isEqualTo("000000");

        Pagamento240VariantsSicoobSicrediInterTest.assertReadBack("033", lines);
    }

    @Test
    void santanderOwnOccurrenceCodesReadInWords() {
        String[] retorno = Pagamento240BanksTest.asRetorno(Pagamento240BanksTest.write("033")).split("\r\n");
        // the TED refused (Z1), the boleto approved on Compror (C6), the Pix waiting for authorisation (B1)
        retorno[2] = retorno[2].substring(0, 230) + "Z1        ";
        retorno[6] = retorno[6].substring(0, 230) + "C6        ";
        retorno[10] = retorno[10].substring(0, 230) + "B1        ";
        ReadResult read = ReadResult.ofLatin1(String.join("\r\n", retorno) + "\r\n");

        assertThat(read.items()).extracting(Item::occurrenceCode).containsExactly("Z1", "C6", "B1");
        assertThat(read.items()).extracting(Item::occurrenceText).containsExactly(
                "Conta fechada: é necessário ativar a conta", "Compror - aprovado", "Bloqueado pendente de autorização");
        assertThat(read.items()).extracting(Item::category)
                .containsExactly(Category.PAYMENT_REJECTED, Category.OTHER, Category.OTHER);
        assertThat(read.items()).extracting(item -> item.payment().form())
                .containsExactly(PaymentForm.TED, PaymentForm.BOLETO, PaymentForm.PIX);
        assertThat(read.items()).extracting(Item::amountCents).containsExactly(150_000L, 9_990L, 2_500L);
        assertThat(read.findingCodes()).doesNotContain(FindingCodes.UNKNOWN_OCCURRENCE);
    }
}
