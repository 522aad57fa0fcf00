package br.bankhistory.cnab;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of hostile inputs (random bytes, random text, mutated real files, random fixed-width
 * records), fixed seed: the reader returns a consistent summary for every one and never throws.
 *
 * <p>The suite runs 4,400 inputs. The long run multiplies every count and may change the seed:
 * {@code mvn -B -pl functions/cnab test -Dtest=FuzzTest -Dfuzz.scale=25 -Dfuzz.seed=7} (110,000 inputs).
 */
class FuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_240_315L);
    private static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    private static final String[] SAMPLES = {
            "laravel-boleto/caixa.ret", "OpenCnabPHP/sicoob-example.ret", "brcobranca/CNAB240SICREDI.CRT",
            "brcobranca/remessa-caixa-cnab240.rem", "kmee-cnab240/cobranca.itau.rem", "OpenCnabPHP/teste.rem",
            "brcobranca/CNAB240.RET", "laravel-boleto/banco_brasil.ret", "brcobranca/CBR64310.RET",
            "brcobranca/CNAB400ITAU.RET", "brcobranca/remessa-itau-cnab444.rem",
            "brcobranca/remessa-banco-brasilia-cnab400.rem", "eduardordm-cnab240/SB22112AIT.RET",
            "OpenCnabPHP/RETORNOCEF081116.ret", "laravel-boleto/inter.ret", "laravel-boleto/santander_pix.ret",
            "brcobranca/arquivo_modelo.txt", "brcobranca/remessa-sicoob-correspondente-bb-cnab240.rem",
            "brcobranca/CNAB400BANCOBRASILIA.RET", "brcobranca/CNAB400BRADESCO.RET", "brcobranca/CNAB400BANRISUL.RET",
            "synthetic/extrato-237.ret", "laravel-boleto/btg.ret", "laravel-boleto/cresol.ret",
            "laravel-boleto/santander.ret", "laravel-boleto/santander_pix_liquidacao_chave.ret",
            "brcobranca/CNAB240AILOS.RET", "brcobranca/CNAB240SANTANDER.RET", "brcobranca/remessa-ailos-cnab240.rem",
            "brcobranca/remessa-banco_brasil-cnab240.rem"};

    private final Random random = new Random(SEED);

    @Test
    void randomBytes() {
        for (int i = 0; i < 800 * SCALE; i++) {
            byte[] bytes = new byte[random.nextInt(3_000)];
            random.nextBytes(bytes);
            check(bytes);
        }
    }

    @Test
    void randomTextWithLineBreaks() {
        String alphabet = "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n\r\n\n\n.,/-ÇÃ\u001a";
        for (int i = 0; i < 800 * SCALE; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(4_000);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void randomFixedWidthRecords() {
        String recordTypes = "0135979TUPQRSYABJONZW12";
        for (int i = 0; i < 800 * SCALE; i++) {
            int width = random.nextBoolean() ? 240 : 400;
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(30);
            for (int l = 0; l < lines; l++) {
                char[] line = new char[width + (random.nextInt(10) == 0 ? random.nextInt(3) - 1 : 0)];
                for (int c = 0; c < line.length; c++) {
                    line[c] = random.nextInt(3) == 0 ? ' ' : (char) ('0' + random.nextInt(10));
                }
                if (line.length > 14) {
                    line[7] = recordTypes.charAt(random.nextInt(5));
                    line[13] = recordTypes.charAt(random.nextInt(recordTypes.length()));
                    line[0] = recordTypes.charAt(random.nextInt(recordTypes.length()));
                }
                text.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
            }
            check(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void mutatedSamples() {
        List<byte[]> samples = new ArrayList<>();
        for (String sample : SAMPLES) {
            samples.add(ReadResult.sampleBytes(sample));
        }
        for (int i = 0; i < 2_000 * SCALE; i++) {
            byte[] original = samples.get(random.nextInt(samples.size()));
            check(mutate(original, 1 + random.nextInt(8)));
        }
    }

    private byte[] mutate(byte[] original, int mutations) {
        byte[] bytes = original.clone();
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(8)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = (byte) ('0' + random.nextInt(10));
                case 2 -> bytes[at] = (byte) "\r\n\u001a \u0000".charAt(random.nextInt(5));
                case 3 -> bytes = splice(bytes, at, Math.min(bytes.length, at + random.nextInt(300)), new byte[0]);
                case 4 -> {
                    byte[] insert = new byte[random.nextInt(50)];
                    random.nextBytes(insert);
                    bytes = splice(bytes, at, at, insert);
                }
                case 5 -> bytes = splice(bytes, at, bytes.length, new byte[0]);
                case 6 -> {
                    int end = Math.min(bytes.length, at + random.nextInt(500));
                    byte[] copy = java.util.Arrays.copyOfRange(bytes, at, end);
                    bytes = splice(bytes, end, end, copy);
                }
                default -> bytes[at] = (byte) "TUPQABJONZW0123579".charAt(random.nextInt(18));
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, from);
        out.writeBytes(insert);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    private static void check(byte[] bytes) {
        List<Item> items = new ArrayList<>();
        FileSummary summary;
        try {
            summary = CnabReader.standard().read(new ByteArrayInputStream(bytes), items::add, new ReadOptions(50));
        } catch (RuntimeException e) {
            fail("reader threw on a " + bytes.length + "-byte input: " + e, e);
            return;
        }
        assertThat(summary).isNotNull();
        assertThat(summary.classification()).isNotNull();
        // an item cut short at the end of a truncated file is delivered (partial) but not counted
        long whole = items.stream().filter(item -> !item.partial()).count();
        assertThat(summary.itemCount()).isEqualTo(whole);
        assertThat(items.size() - whole).isLessThanOrEqualTo(1);
        assertThat(summary.findings().size()).isLessThanOrEqualTo(50);
        long listed = summary.findings().stream().filter(f -> !f.code().equals(FindingCodes.MORE_FINDINGS)).count();
        long counted = summary.findingCounts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(counted).isGreaterThanOrEqualTo(listed);
        assertThat(summary.byCategory().values().stream().mapToLong(CategoryTotal::count).sum())
                .isEqualTo(whole);
        for (Item item : items) {
            assertThat(item.amountCents()).isNotNegative();
            assertThat(item.category()).isNotNull();
            assertThat(item.reasons()).isNotNull();
        }
        if (summary.classification().layout() == Layout.NOT_CNAB) {
            assertThat(items).isEmpty();
            assertThat(summary.errorCount()).isPositive();
        }
    }
}
