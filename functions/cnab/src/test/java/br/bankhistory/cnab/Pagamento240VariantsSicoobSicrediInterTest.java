package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pagamento 240 of Sicoob, Sicredi, Inter and Ailos at their own positions (laravel-boleto's pagamento classes,
 * MIT, as cited in each bank's layout file): the remessa {@link Pagamento240BanksTest} writes (a TED, a boleto
 * and a Pix transfer) is checked at the positions that differ from the FEBRABAN base, then the bank's answer
 * built from it ({@link Pagamento240BanksTest#asRetorno}) is read back. Lines: 0 header, 1 TED lote, 2 A, 3 B,
 * 4 lote trailer, 5-8 boleto lote, 9 Pix lote, 10 A, 11 B, 12 lote trailer, 13 file trailer.
 */
class Pagamento240VariantsSicoobSicrediInterTest {

    private static final LocalDate DAY = Pagamento240BanksTest.DAY;
    private static final String KEY = "Financeiro@Fornecedor.com.br";

    @Test
    void sicoobPagamentoHasItsFileHeaderItsAddressBlocksInBAndReadsBack() {
        String[] lines = Pagamento240BanksTest.write("756").split("\r\n");
        // file header: convênio 33-52, name BANCOOB, layout 087, density 01600
        assertThat(lines[0].substring(32, 52)).isEqualTo("123456" + " ".repeat(14));
        assertThat(lines[0].substring(102, 132).strip()).isEqualTo("BANCOOB");
        assertThat(lines[0].substring(163, 171)).isEqualTo("08701600");
        // lote header: indicativo de forma de pagamento 01 at 223-224
        assertThat(lines[1].substring(222, 224)).isEqualTo("01");
        // A: finalidade TED 00010 at 220-224
        assertThat(lines[2].substring(219, 224)).isEqualTo("00010");
        // B: logradouro 33-67, número 68-72 zeros, bairro 88-102, cidade 103-117, CEP 118-125, SIAPE 227-232 zeros
        String b = lines[3];
        assertThat(b.substring(32, 67)).isEqualTo(String.format("%-35s", "RUA A 1"));
        assertThat(b.substring(67, 72)).isEqualTo("00000");
        assertThat(b.substring(87, 102)).isEqualTo(String.format("%-15s", "CENTRO"));
        assertThat(b.substring(102, 117)).isEqualTo(String.format("%-15s", "SAO PAULO"));
        assertThat(b.substring(117, 127)).isEqualTo("01001000SP");
        assertThat(b.substring(226, 232)).isEqualTo("000000");
        // lote trailer: aviso de débito 60-65 in zeros
        assertThat(lines[4].substring(59, 65)).isEqualTo("000000");

        assertReadBack("756", lines);
    }

    @Test
    void sicrediPagamentoHasItsLayoutVersionsAndTedPurposeAndReadsBack() {
        String[] lines = Pagamento240BanksTest.write("748").split("\r\n");
        // file header: convênio as text 33-52, layout 082, density 01600
        assertThat(lines[0].substring(32, 52)).isEqualTo("123456" + " ".repeat(14));
        assertThat(lines[0].substring(102, 132).strip()).isEqualTo("SICREDI");
        assertThat(lines[0].substring(163, 171)).isEqualTo("08201600");
        // lote headers: layout 042 (transfers and boletos), 223-230 blank
        assertThat(lines[1].substring(13, 16)).isEqualTo("042");
        assertThat(lines[5].substring(13, 16)).isEqualTo("042");
        assertThat(lines[1].substring(222, 230)).isBlank();
        // A: complemento tipo serviço 00 at 218-219, finalidade TED 00005 at 220-224
        assertThat(lines[2].substring(217, 224)).isEqualTo("0000005");
        // B: FEBRABAN address positions, ISPB 233-240 left blank
        assertThat(lines[3].substring(32, 62)).isEqualTo(String.format("%-30s", "RUA A 1"));
        assertThat(lines[3].substring(97, 117)).isEqualTo(String.format("%-20s", "SAO PAULO"));
        assertThat(lines[3].substring(232, 240)).isBlank();

        assertReadBack("748", lines);
    }

    @Test
    void interPagamentoHasItsLayoutItsBlocksAndItsPixKeyReadsBack() {
        String[] lines = Pagamento240BanksTest.write("077").split("\r\n");
        // file header: no convênio, name BANCO INTER, layout 107, density 01600; trailer 30-35 blank
        assertThat(lines[0].substring(32, 52)).isBlank();
        assertThat(lines[0].substring(52, 58)).isEqualTo("012340");
        assertThat(lines[0].substring(102, 132).strip()).isEqualTo("BANCO INTER");
        assertThat(lines[0].substring(163, 171)).isEqualTo("10701600");
        assertThat(lines[13].substring(29, 35)).isBlank();
        // lote header: layout 046, no convênio, 223-230 blank
        assertThat(lines[1].substring(13, 16)).isEqualTo("046");
        assertThat(lines[1].substring(32, 52)).isBlank();
        assertThat(lines[1].substring(222, 230)).isBlank();
        // A: 178-199 blank, tipo de conta 01 at 200-201, finalidade 00010 at 220-224, 225-230 blank
        String a = lines[2];
        assertThat(a.substring(177, 199)).isBlank();
        assertThat(a.substring(199, 201)).isEqualTo("01");
        assertThat(a.substring(219, 224)).isEqualTo("00010");
        assertThat(a.substring(224, 230)).isBlank();
        // B of the TED: logradouro 33-67, bairro 88-102, cidade 103-117, CEP 118-125, 128-232 blank
        String b = lines[3];
        assertThat(b.substring(32, 67)).isEqualTo(String.format("%-35s", "RUA A 1"));
        assertThat(b.substring(87, 102)).isEqualTo(String.format("%-15s", "CENTRO"));
        assertThat(b.substring(102, 117)).isEqualTo(String.format("%-15s", "SAO PAULO"));
        assertThat(b.substring(117, 127)).isEqualTo("01001000SP");
        assertThat(b.substring(127, 232)).isBlank();
        // the Pix lote (forma 45) and its B: forma de iniciação 15-17, the key 128-226 as given
        assertThat(lines[9].substring(11, 13)).isEqualTo("45");
        String pixB = lines[11];
        assertThat(pixB.charAt(13)).isEqualTo('B');
        assertThat(pixB.substring(14, 17)).isEqualTo("02 ");
        assertThat(pixB.substring(127, 226).strip()).isEqualTo(KEY);
        assertThat(pixB.substring(226, 240)).isBlank();

        ReadResult retorno = assertReadBack("077", lines);
        assertThat(retorno.items().get(2).pix()).isEqualTo(new Pix("", "02", KEY, ""));
    }

    @Test
    void ailosPagamentoHasItsLayoutVersionsAndItsBoletoReadsBack() {
        String[] lines = Pagamento240BanksTest.write("085").split("\r\n");
        // file header: convênio 33-52, name AILOS, layout 088 (its cobrança header says 087), density 01600
        assertThat(lines[0].substring(32, 52)).isEqualTo("123456" + " ".repeat(14));
        assertThat(lines[0].substring(102, 132).strip()).isEqualTo("AILOS");
        assertThat(lines[0].substring(163, 171)).isEqualTo("08801600");
        // the boleto lote (forma 31: a barcode of another bank): layout 045, 223-230 blank
        String lote = lines[5];
        assertThat(lote.substring(11, 16)).isEqualTo("31045");
        assertThat(lote.substring(222, 230)).isBlank();
        // J: movimento 000 at 15-17, barcode 18-61, value 153-167, moeda 09 at 223-224
        String j = lines[6];
        assertThat(j.substring(14, 17)).isEqualTo("000");
        assertThat(j.substring(17, 61)).isEqualTo("23791" + "0".repeat(39));
        assertThat(j.substring(152, 167)).isEqualTo("000000000009990");
        assertThat(j.substring(222, 224)).isEqualTo("09");
        assertThat(lines[7].substring(17, 19)).isEqualTo("52");

        ReadResult retorno = assertReadBack("085", lines);
        assertThat(retorno.items().get(1).payment().barcode()).isEqualTo("23791" + "0".repeat(39));
    }

    /** The remessa reads back without findings, and the bank's answer built from it as effected TED, boleto and Pix. */
    static ReadResult assertReadBack(String bank, String[] remessa) {
        String file = String.join("\r\n", remessa) + "\r\n";
        ReadResult asRemessa = ReadResult.ofLatin1(file);
        assertThat(asRemessa.classification().direction()).as(bank).isEqualTo(Direction.REMESSA);
        assertThat(asRemessa.summary().findings()).as(bank).isEmpty();
        ReadResult retorno = ReadResult.ofLatin1(Pagamento240BanksTest.asRetorno(file));
        assertThat(retorno.classification().direction()).as(bank).isEqualTo(Direction.RETORNO);
        assertThat(retorno.classification().service()).as(bank).isEqualTo(Service.PAGAMENTO);
        assertThat(retorno.items()).as(bank).extracting(Item::category).containsOnly(Category.EFFECTED);
        assertThat(retorno.items()).as(bank).extracting(item -> item.payment().form())
                .containsExactly(PaymentForm.TED, PaymentForm.BOLETO, PaymentForm.PIX);
        assertThat(retorno.items()).as(bank).extracting(Item::paidCents).containsExactly(150_000L, 9_990L, 2_500L);
        assertThat(retorno.items().get(0).payment().effectiveDate()).as(bank).isEqualTo(DAY);
        assertThat(retorno.summary().findings()).as(bank).isEmpty();
        return retorno;
    }
}
