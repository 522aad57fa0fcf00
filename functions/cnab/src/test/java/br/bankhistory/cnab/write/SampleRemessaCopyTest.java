package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every well-formed sample remessa, read field by field through the layout data and written again from
 * the values read, comes out byte for byte (trailers as they were: nothing recomputed).
 */
class SampleRemessaCopyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "brcobranca/remessa-caixa-cnab240.rem",
            "kmee-cnab240/cobranca.itau.rem",
            "OpenCnabPHP/remessa-test.rem",
            "eduardordm-cnab240/sicoob_240_boletos.CED",
            "brcobranca/arquivo_modelo.txt",
            "brcobranca/REMESSA_CNAB240_MODELO.txt",
            "brcobranca/remessa-santander-cnab400-pix.rem",
            "brcobranca/remessa-banco-brasilia-cnab400.rem",
            "brcobranca/remessa-itau-cnab444.rem",
            "brcobranca/remessa-ailos-cnab240.rem"})
    void sampleIsWrittenBackByteForByte(String sample) throws IOException {
        byte[] original = Samples.bytes(sample);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        RecordCopy.standard().copy(new ByteArrayInputStream(original), copy);

        assertThat(differences(original, copy.toByteArray())).as(sample).isEmpty();
        assertThat(copy.toByteArray()).isEqualTo(original);
    }

    /**
     * Sicoob's remessa through Banco do Brasil (brcobranca's "correspondente") prints BB's arrangement under
     * Sicoob's bank code (a lote header with letters in the account, P with a 17-digit nosso número at
     * 41-57): no description of it is in the data, so it cannot be copied field by field.
     */
    @org.junit.jupiter.api.Test
    void sicoobThroughBancoDoBrasilIsNotDescribed() {
        byte[] original = Samples.bytes("brcobranca/remessa-sicoob-correspondente-bb-cnab240.rem");

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        RecordCopy.standard().copy(new ByteArrayInputStream(original), new ByteArrayOutputStream()))
                .isInstanceOf(CnabWriteException.class)
                .hasMessageContaining("cnab240/756/lote-header-cobranca account");
    }

    /** Line by line, the positions that differ, to point at the layout field to fix. */
    static List<String> differences(byte[] expected, byte[] actual) {
        String[] a = new String(expected, StandardCharsets.ISO_8859_1).split("\n", -1);
        String[] b = new String(actual, StandardCharsets.ISO_8859_1).split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<none>";
            String y = i < b.length ? b[i] : "<none>";
            if (x.equals(y)) {
                continue;
            }
            StringBuilder positions = new StringBuilder();
            int shown = 0;
            for (int p = 0; p < Math.max(x.length(), y.length()) && shown < 12; p++) {
                char cx = p < x.length() ? x.charAt(p) : '~';
                char cy = p < y.length() ? y.charAt(p) : '~';
                if (cx != cy) {
                    positions.append(" ").append(p + 1).append(":'").append(cx).append("'->'").append(cy).append("'");
                    shown++;
                }
            }
            out.add("line " + (i + 1) + positions);
        }
        return out;
    }

    static LayoutCatalog layouts() {
        return LayoutCatalog.standard();
    }
}
