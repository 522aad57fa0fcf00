package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@link ItemSink#DISCARD} the reader only totals (it builds no items); the summary, findings
 * included, must be exactly the one a collecting sink gets.
 */
class SummaryModesTest {

    private static final List<String> FILES = List.of(
            "samples/laravel-boleto/caixa.ret", "samples/OpenCnabPHP/sicoob-example.ret",
            "samples/brcobranca/CNAB240SICREDI.CRT", "samples/brcobranca/CNAB240.RET",
            "samples/brcobranca/arquivo_modelo.txt", "samples/brcobranca/REMESSA_CNAB240_MODELO.txt",
            "samples/brcobranca/CBR64310.RET", "samples/brcobranca/CNAB400ITAU.RET",
            "samples/brcobranca/remessa-banco-brasilia-cnab400.rem", "samples/eduardordm-cnab240/SB22112AIT.RET",
            "samples/OpenCnabPHP/RETORNOCEF081116.ret", "samples/OpenCnabPHP/teste.rem",
            "samples/laravel-boleto/sicredi.ret", "generated/pagamento240.ret", "generated/itau400.ret",
            "generated/cobranca240-caixa.ret");

    @Test
    void discardingSinkGivesTheSameSummary() throws Exception {
        for (String file : FILES) {
            byte[] bytes;
            try (var in = SummaryModesTest.class.getResourceAsStream("/" + file)) {
                bytes = in.readAllBytes();
            }
            FileSummary totalsOnly = CnabReader.standard().read(new ByteArrayInputStream(bytes));
            FileSummary withItems = CnabReader.standard().read(new ByteArrayInputStream(bytes), item -> { },
                    ReadOptions.defaults());
            assertThat(totalsOnly).as(file).isEqualTo(withItems);
        }
    }
}
