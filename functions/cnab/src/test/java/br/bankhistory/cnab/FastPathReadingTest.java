package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regular lines are taken without the byte-by-byte scan; every irregularity falls back to it. Whatever the
 * mix, a file read in 64 KB chunks (where regular lines take the fast path) gives the same items and the
 * same summary, findings included, as the same bytes handed out one byte per read (where no line can).
 */
class FastPathReadingTest {

    private static final String[] FIXTURES = {"generated/cobranca240-itau.ret", "generated/cobranca240-caixa.ret",
            "generated/pagamento240.ret", "generated/itau400.ret"};

    @Test
    void regularFilesReadTheSameEitherWay() {
        for (String fixture : FIXTURES) {
            byte[] file = fixture(fixture);
            Reads reads = Reads.of(file);
            assertThat(reads.summary().errorCount() + reads.summary().warningCount()).as(fixture).isZero();
            assertThat(reads.items()).as(fixture).isNotEmpty();
        }
    }

    @Test
    void fileSwitchingToRightTrimmedLinesMidWay() {
        byte[] file = mutate("generated/cobranca240-itau.ret", "\r\n", (number, line) ->
                number > 150 ? line.stripTrailing() : line);

        Reads reads = Reads.of(file);

        assertThat(reads.codes()).contains(FindingCodes.LINE_SHORT);
        assertThat(reads.first(FindingCodes.LINE_SHORT).line()).isEqualTo(151);
    }

    @Test
    void fileSwitchingToLongLinesMidWay() {
        byte[] file = mutate("generated/pagamento240.ret", "\r\n", (number, line) ->
                number > 200 && number % 2 == 0 ? line + " " : number == 301 ? line + "EXTRA" : line);

        Reads reads = Reads.of(file);

        assertThat(reads.codes()).contains(FindingCodes.LINE_LONG, FindingCodes.LINE_LENGTH);
        assertThat(reads.first(FindingCodes.LINE_LONG).line()).isEqualTo(202);
    }

    @Test
    void crOnlyAndLfOnlyAndMixedLineEnds() {
        Reads cr = Reads.of(mutate("generated/cobranca240-caixa.ret", "\r", (n, line) -> line));
        Reads lf = Reads.of(mutate("generated/cobranca240-caixa.ret", "\n", (n, line) -> line));
        Reads mixed = Reads.of(mixedEnds(fixture("generated/cobranca240-caixa.ret")));

        assertThat(cr.items()).isEqualTo(lf.items()).isNotEmpty();
        assertThat(cr.codes()).isEqualTo(lf.codes()).isEmpty();
        assertThat(mixed.items()).isEqualTo(lf.items());
        assertThat(mixed.codes()).containsExactly(FindingCodes.MIXED_LINE_ENDS);
    }

    @Test
    void finalLineWithoutNewlineAndTrailingJunk() {
        byte[] file = fixture("generated/itau400.ret");
        byte[] bare = Arrays.copyOf(file, file.length - 2);
        byte[] loneCr = Arrays.copyOf(file, file.length - 1);
        ByteArrayOutputStream junk = new ByteArrayOutputStream();
        junk.writeBytes(file);
        junk.writeBytes("\r\n\r\n    \r\n\u001a".getBytes(StandardCharsets.ISO_8859_1));

        Reads regular = Reads.of(file);
        assertThat(Reads.of(bare).summary()).isEqualTo(regular.summary());
        assertThat(Reads.of(loneCr).items()).isEqualTo(regular.items());
        assertThat(Reads.of(junk.toByteArray()).summary()).isEqualTo(regular.summary());
    }

    @Test
    void byteOrderMarkAtTheStart() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(fixture("generated/cobranca240-itau.ret"));

        Reads reads = Reads.of(bytes.toByteArray());

        assertThat(reads.codes()).containsExactly(FindingCodes.BYTE_ORDER_MARK);
    }

    @Test
    void controlCharactersUtf8RecordsAndEmptyLinesMidWay() {
        byte[] file = mutate("generated/cobranca240-itau.ret", "\r\n", (number, line) -> switch (number) {
            case 120 -> line.substring(0, 150) + "\t" + line.substring(151);
            case 130 -> line.substring(0, 239) + "\u007f";
            case 140 -> line + "\r\n";
            case 161 -> line.substring(0, 160) + "JOSÉ" + line.substring(164);
            default -> line;
        });
        // the accented name saved as UTF-8: 241 bytes on line 162 (line 140 is followed by an empty line)
        byte[] utf8 = replaceFirst(file, "JOSÉ".getBytes(StandardCharsets.ISO_8859_1),
                "JOSÉ".getBytes(StandardCharsets.UTF_8));

        Reads reads = Reads.of(utf8);

        assertThat(reads.codes()).contains(FindingCodes.CONTROL_CHARACTER, FindingCodes.EMPTY_LINE,
                FindingCodes.UTF8_CONTENT);
        assertThat(reads.summary().findings()).filteredOn(f -> f.code().equals(FindingCodes.CONTROL_CHARACTER))
                .extracting(Finding::line, Finding::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(120, 151), org.assertj.core.groups.Tuple.tuple(130, 240));
        assertThat(reads.first(FindingCodes.UTF8_CONTENT).line()).isEqualTo(162);
    }

    @Test
    void fourHundredFortyFourAndFourHundredOneColumnRecords() {
        byte[] file = mutate("generated/itau400.ret", "\r\n", (number, line) ->
                number > 100 && number % 3 == 0 ? line + "3".repeat(44) : number == 200 ? line + "X" : line);

        Reads reads = Reads.of(file);

        assertThat(reads.codes()).contains(FindingCodes.LINE_LONG).doesNotContain(FindingCodes.LINE_LENGTH);
        assertThat(reads.first(FindingCodes.LINE_LONG).line()).isEqualTo(200);
    }

    @Test
    void everySampleReadsTheSameEitherWay() {
        String[] samples = {"laravel-boleto/caixa.ret", "laravel-boleto/banco_brasil.ret", "laravel-boleto/bb.ret",
                "laravel-boleto/cef.ret", "laravel-boleto/inter.ret", "laravel-boleto/santander_pix.ret",
                "laravel-boleto/sicredi.ret", "OpenCnabPHP/sicoob-example.ret", "OpenCnabPHP/RETORNOCEF081116.ret",
                "OpenCnabPHP/teste.rem", "OpenCnabPHP/remessa-test.rem", "brcobranca/CNAB240SICREDI.CRT",
                "brcobranca/CNAB240.RET", "brcobranca/CBR64310.RET", "brcobranca/CNAB400ITAU.RET",
                "brcobranca/arquivo_modelo.txt", "brcobranca/REMESSA_CNAB240_MODELO.txt",
                "brcobranca/remessa-banco-brasilia-cnab400.rem", "brcobranca/remessa-caixa-cnab240.rem",
                "brcobranca/remessa-itau-cnab444.rem", "brcobranca/remessa-santander-cnab400-pix.rem",
                "brcobranca/remessa-sicoob-correspondente-bb-cnab240.rem", "eduardordm-cnab240/SB22112AIT.RET",
                "eduardordm-cnab240/sicoob_240_boletos.CED", "kmee-cnab240/cobranca.itau.rem"};
        for (String sample : samples) {
            byte[] bytes = ReadResult.sampleBytes(sample);
            // each sample repeated, so there are lines past the classification window for the fast path
            ByteArrayOutputStream repeated = new ByteArrayOutputStream();
            for (int i = 0; i < 5; i++) {
                repeated.writeBytes(bytes);
            }
            Reads.of(bytes);
            Reads.of(repeated.toByteArray());
        }
    }

    @Test
    void randomlyDamagedFilesReadTheSameEitherWay() {
        Random random = new Random(3);
        String damage = " 0\r\n\t\u001a\u007fÇX";
        for (int run = 0; run < 60; run++) {
            byte[] file = fixture(FIXTURES[run % FIXTURES.length]).clone();
            for (int hits = 1 + random.nextInt(6); hits > 0; hits--) {
                file[random.nextInt(file.length)] = (byte) damage.charAt(random.nextInt(damage.length()));
            }
            Reads.of(file);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The lines of a fixture changed one by one (1-based number), joined with {@code end}. */
    private static byte[] mutate(String fixture, String end, LineChange change) {
        String text = new String(fixture(fixture), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n|\n|\r");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(change.apply(i + 1, lines[i])).append(end);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] mixedEnds(byte[] crlf) {
        String text = new String(crlf, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]).append(i % 50 < 25 ? "\r\n" : "\n");
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replaceFirst(byte[] bytes, byte[] what, byte[] with) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String replaced = text.replaceFirst(new String(what, StandardCharsets.ISO_8859_1),
                new String(with, StandardCharsets.ISO_8859_1));
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] fixture(String path) {
        try (InputStream in = FastPathReadingTest.class.getResourceAsStream("/" + path)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface LineChange {
        String apply(int number, String line);
    }

    /**
     * One file read in whole chunks, with and without items, checked against the same bytes read one byte per
     * read (scan only) and in reads of random sizes (lines cut anywhere).
     */
    private record Reads(FileSummary summary, List<Item> items) {

        static Reads of(byte[] file) {
            Reads chunked = read(new ByteArrayInputStream(file));
            Reads scanned = read(new RandomReads(file, 1, 0));
            assertThat(chunked.summary).isEqualTo(scanned.summary);
            assertThat(chunked.items).isEqualTo(scanned.items);
            assertThat(read(new RandomReads(file, 700, file.length)).summary).isEqualTo(scanned.summary);
            FileSummary totalsOnly = CnabReader.standard().read(new ByteArrayInputStream(file), ItemSink.DISCARD,
                    new ReadOptions(10_000));
            assertThat(totalsOnly).isEqualTo(scanned.summary);
            return chunked;
        }

        private static Reads read(InputStream in) {
            List<Item> items = new ArrayList<>();
            FileSummary summary = CnabReader.standard().read(in, items::add, new ReadOptions(10_000));
            return new Reads(summary, items);
        }

        List<String> codes() {
            return summary.findings().stream().map(Finding::code).toList();
        }

        Finding first(String code) {
            return summary.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
        }
    }
}
