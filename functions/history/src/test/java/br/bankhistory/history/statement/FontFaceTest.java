package br.bankhistory.history.statement;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FontFaceTest {

    private static PDDocument document;
    private static FontFace face;

    @BeforeAll
    static void load() throws IOException {
        document = new PDDocument();
        face = FontFace.load(document, FontFace.Style.REGULAR);
    }

    @AfterAll
    static void close() throws IOException {
        document.close();
    }

    @Test
    void cleanKeepsWhatTheFontDrawsAndReplacesTheRest() {
        String plain = "JOSÉ DA CONCEIÇÃO - R$ 1.234,56 – Nº 5 «ok» ½";
        assertThat(face.clean(plain)).isSameAs(plain);
        assertThat(face.clean("a\u0000b\u0007c")).isEqualTo("a?b?c");
        assertThat(face.clean("a\tb\r\nc")).isEqualTo("a b  c");
        assertThat(face.clean("x\uD83D\uDCA9y")).isEqualTo("x?y");      // an emoji DejaVu lacks: one '?'
        assertThat(face.clean("x\uD83D\uDE00y")).isEqualTo("x\uD83D\uDE00y"); // one it has (U+1F600) is kept
        assertThat(face.clean("東京")).isEqualTo("??");
        assertThat(face.clean("\uDC00\uD800")).isEqualTo("??");          // lone surrogates
        assertThat(face.clean("\uFEFFabc\u202E")).isEqualTo("?abc?");    // format characters
        assertThat(face.clean(null)).isEmpty();
    }

    @Test
    void fitNeverExceedsTheWidth() {
        String text = "COMPANHIA BRASILEIRA DE DISTRIBUIÇÃO E LOGÍSTICA INTEGRADA";
        for (float max = 0; max < 300; max += 3.7f) {
            String fitted = face.fit(text, 7.5f, max);
            assertThat(face.width(fitted, 7.5f)).isLessThanOrEqualTo(max + 0.001f);
            if (!fitted.equals(text) && !fitted.isEmpty()) {
                assertThat(fitted).endsWith("\u2026");
                assertThat(text).startsWith(fitted.substring(0, fitted.length() - 1));
            }
        }
        assertThat(face.fit("abc", 7.5f, 1000)).isEqualTo("abc");
    }

    @Test
    void widthMatchesPdfBox() throws IOException {
        String text = "Liquidação 06 - R$ 1.234,56 ÁÉÍÓÚ çãõ";
        assertThat(face.width(text, 10f)).isCloseTo(face.font.getStringWidth(text) / 100f,
                org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void wrapBreaksAtSpacesAndCutsTheLastLine() {
        String text = "Soma dos valores no trailer do lote não confere com a soma dos títulos do lote informado";
        List<String> lines = WordWrap.lines(face, text, 7.5f, 80f, 3);
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(face.width(line, 7.5f)).isLessThanOrEqualTo(80f);
        }
        assertThat(text).startsWith(lines.get(0) + " ").startsWith(lines.get(0) + " " + lines.get(1) + " ");
        assertThat(face.width(lines.get(0) + " " + lines.get(1).split(" ")[0], 7.5f)).isGreaterThan(80f); // greedy
        assertThat(lines.get(2)).endsWith("\u2026");
        assertThat(WordWrap.lines(face, "curto", 7.5f, 120f, 3)).containsExactly("curto");
        assertThat(WordWrap.lines(face, "", 7.5f, 120f, 3)).containsExactly("");
        String unbroken = "X".repeat(200);
        for (String line : WordWrap.lines(face, unbroken, 7.5f, 120f, 3)) {
            assertThat(face.width(line, 7.5f)).isLessThanOrEqualTo(120f);
        }
    }
}
