package br.bankhistory.bench.cnab;

import br.bankhistory.bench.cnab.CnabFileGenerator.CodeTotals;
import br.bankhistory.bench.cnab.CnabFileGenerator.Expected;
import br.bankhistory.bench.cnab.CnabFileGenerator.Kind;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's generator: deterministic, well formed, and its totals are the file's. */
class CnabFileGeneratorTest {

    private static byte[] generate(Kind kind, String bank, long seed, long bytes, Expected[] expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        expected[0] = CnabFileGenerator.generate(kind, bank, seed, bytes, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sameSeedSameBytesOtherSeedOtherBytes(Kind kind) {
        Expected[] e = new Expected[1];
        byte[] a = generate(kind, null, 1, 200_000, e);
        byte[] b = generate(kind, null, 1, 200_000, e);
        byte[] c = generate(kind, null, 2, 200_000, e);
        assertThat(a).isEqualTo(b);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fixedWidthAsciiCrlfWithinTheTarget(Kind kind) {
        Expected[] e = new Expected[1];
        byte[] file = generate(kind, null, 3, 300_000, e);
        assertThat((long) file.length).isEqualTo(e[0].bytes()).isLessThanOrEqualTo(300_000)
                .isGreaterThan(300_000 - 3L * (kind.width + 2));
        String text = new String(file, StandardCharsets.US_ASCII);
        List<String> lines = List.of(text.split("\r\n", -1));
        assertThat(lines.get(lines.size() - 1)).isEmpty(); // ends with CRLF
        assertThat(lines.subList(0, lines.size() - 1)).hasSize((int) e[0].lines())
                .allSatisfy(l -> assertThat(l).hasSize(kind.width).matches("[ -~]*"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void trailersAgreeWithTheBody(Kind kind) {
        Expected[] e = new Expected[1];
        String[] lines = new String(generate(kind, null, 4, 300_000, e), StandardCharsets.US_ASCII).split("\r\n");
        String last = lines[lines.length - 1];
        if (kind == Kind.ITAU_400) {
            assertThat(Long.parseLong(last.substring(212, 220))).isEqualTo(e[0].items());
            assertThat(Long.parseLong(last.substring(220, 234))).isEqualTo(e[0].totals().amountCents());
            for (int i = 0; i < lines.length; i++) {
                assertThat(Integer.parseInt(lines[i].substring(394, 400))).isEqualTo(i + 1);
            }
        } else {
            assertThat(Long.parseLong(last.substring(17, 23))).isEqualTo(e[0].lotes());
            assertThat(Long.parseLong(last.substring(23, 29))).isEqualTo(lines.length);
            long loteTrailerSum = Arrays.stream(lines).filter(l -> l.charAt(7) == '5')
                    .mapToLong(l -> Long.parseLong(kind == Kind.COBRANCA_240 ? l.substring(29, 46)
                            : l.substring(23, 41)))
                    .sum();
            assertThat(loteTrailerSum).isEqualTo(e[0].totals().amountCents());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHandLoopFindsTheExpectedTotals(Kind kind) throws IOException {
        Expected[] e = new Expected[1];
        byte[] file = generate(kind, null, 5, 400_000, e);
        assertThat(HandLoop.run(kind, new ByteArrayInputStream(file)).differences(e[0])).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theEngineAgreesWithTheGenerator(Kind kind) {
        Expected[] e = new Expected[1];
        byte[] file = generate(kind, null, 6, 400_000, e);
        CnabThroughputBenchmark.SummingSink sink = new CnabThroughputBenchmark.SummingSink();
        assertThat(CnabThroughputBenchmark.checkSummary(CnabReader.standard().read(new ByteArrayInputStream(file),
                ItemSink.DISCARD, ReadOptions.defaults()), e[0])).isEmpty();
        assertThat(CnabThroughputBenchmark.checkSummary(CnabReader.standard().read(new ByteArrayInputStream(file),
                sink, ReadOptions.defaults()), e[0])).isEmpty();
        CodeTotals total = e[0].totals();
        // Itaú 400 prints the net credited at 254-266 (the generator's "paid"): valor pago adds the tarifa
        long paid = kind == Kind.ITAU_400 ? total.paidCents() + e[0].byCode().get("06").feeCents() : total.paidCents();
        assertThat(new long[] {sink.items, sink.amount, sink.paid, sink.fee})
                .containsExactly(e[0].items(), total.amountCents(), paid, total.feeCents());
    }

    @Test
    void caixaNossoNumeroAndMix() {
        Expected[] e = new Expected[1];
        String[] lines = new String(generate(Kind.COBRANCA_240, "104", 1, 500_000, e), StandardCharsets.US_ASCII)
                .split("\r\n");
        assertThat(lines[2].substring(13, 14)).isEqualTo("T");
        assertThat(lines[2].substring(37, 41)).isEqualTo("  24"); // positions 38-41, as in laravel-boleto caixa.ret
        assertThat(e[0].byCode().keySet()).containsExactly("02", "03", "06", "09");
        double paidShare = e[0].byCode().get("06").count() / (double) e[0].items();
        assertThat(paidShare).isBetween(0.40, 0.50);
    }

    @Test
    void cachedFileIsReusedWithItsTotals(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        CnabFileGenerator.Generated first = CnabFileGenerator.ensure(dir, Kind.ITAU_400, 9, 100_000);
        long modified = Files.getLastModifiedTime(first.file()).toMillis();
        CnabFileGenerator.Generated again = CnabFileGenerator.ensure(dir, Kind.ITAU_400, 9, 100_000);
        assertThat(again.expected()).isEqualTo(first.expected());
        assertThat(Files.getLastModifiedTime(again.file()).toMillis()).isEqualTo(modified);
    }

    @Test
    void a400FileCannotPassTheSequenceLimit() {
        assertThatThrownBy(() -> CnabFileGenerator.generate(Kind.ITAU_400, null, 1, 500_000_000L,
                new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999,999 records");
    }
}
