package br.bankhistory.cnab.read;

import br.bankhistory.cnab.RandomReads;
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
 * The splitter's fast path (lines of an expected width taken in place) hands the sink exactly the lines the
 * byte-by-byte scan does, and gives way to the scan on every irregular line.
 */
class LineSplitterFastPathTest {

    private static final int WIDTH = 240;

    @Test
    void regularLinesTakeTheFastPath() {
        byte[] file = lines("\r\n", 100);

        Split fast = Split.of(file, WIDTH);

        assertThat(fast.events).isEqualTo(Split.of(file).events);
        assertThat(fast.fastLines).isEqualTo(100);
        assertThat(Split.of(lines("\n", 100), WIDTH).fastLines).isEqualTo(100);
    }

    @Test
    void fileSwitchingFromRegularToIrregularLinesMidWay() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(lines("\r\n", 20));
        out.writeBytes(ascii(record(21, 200) + "\r\n" + record(22, 241) + "\r\n" + record(23, 300) + "\r\n"
                + record(24, 239) + "\n" + record(25, 240) + "\r" + record(26, 240) + "\r" + record(27, 240)
                + "\r\n"));
        out.writeBytes(lines("\r\n", 20));
        byte[] file = out.toByteArray();

        Split fast = Split.of(file, WIDTH);

        assertThat(fast.events).isEqualTo(Split.of(file).events);
        // 21-24 have the wrong length, 25 and 26 end with a lone CR; 27 (after a CR) is regular again
        assertThat(fast.fastLines).isEqualTo(20 + 1 + 20);
        assertThat(fast.lengths()).containsSubsequence(200, 241, 300, 239, 240, 240, 240);
        assertThat(fast.mixedLineEnds).isTrue();
    }

    @Test
    void crOnlyFileIsScanned() {
        byte[] file = lines("\r", 50);

        Split fast = Split.of(file, WIDTH);

        assertThat(fast.events).isEqualTo(Split.of(file).events);
        assertThat(fast.events).hasSize(50 + 1);
        assertThat(fast.fastLines).isZero();
    }

    @Test
    void finalLineWithoutNewlineIsScanned() {
        byte[] file = Arrays.copyOf(lines("\r\n", 30), 30 * 242 - 2);

        Split fast = Split.of(file, WIDTH);

        assertThat(fast.events).isEqualTo(Split.of(file).events);
        assertThat(fast.events).hasSize(30 + 1);
        assertThat(fast.fastLines).isEqualTo(29);
        // a final CR without its LF: the same line, scanned
        byte[] cr = Arrays.copyOf(lines("\r\n", 30), 30 * 242 - 1);
        Split crEnd = Split.of(cr, WIDTH);
        assertThat(crEnd.events).isEqualTo(Split.of(cr).events);
        assertThat(crEnd.fastLines).isEqualTo(29);
    }

    @Test
    void byteOrderMarkAndDosEndOfFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(lines("\r\n", 10));
        out.write(0x1A);
        byte[] file = out.toByteArray();

        Split fast = Split.of(file, WIDTH);

        assertThat(fast.events).isEqualTo(Split.of(file).events);
        assertThat(fast.byteOrderMark).isTrue();
        assertThat(fast.fastLines).isEqualTo(10);
        assertThat(fast.events).last().isEqualTo("end: last line 10, mixed ends false, BOM true");
    }

    @Test
    void controlCharactersInsideARecordAreScanned() {
        for (int code : new int[] {0x00, 0x09, 0x1A, 0x1F, 0x7F, '\r', '\n'}) {
            for (int column : new int[] {1, 8, 9, 120, 233, 240}) {
                byte[] line = ascii(record(2, WIDTH));
                line[column - 1] = (byte) code;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(ascii(record(1, WIDTH) + "\r\n"));
                out.writeBytes(line);
                out.writeBytes(ascii("\r\n" + record(3, WIDTH) + "\r\n"));
                byte[] file = out.toByteArray();

                Split fast = Split.of(file, WIDTH);

                assertThat(fast.events).as("code %d at %d", code, column).isEqualTo(Split.of(file).events);
                assertThat(fast.fastLines).as("code %d at %d", code, column).isEqualTo(2);
            }
        }
        // bytes from 0x80 up (latin-1 letters) and just above the control range are not control characters
        byte[] line = ascii(record(1, WIDTH));
        line[100] = (byte) 0xC7;
        line[101] = (byte) 0x80;
        line[102] = (byte) 0xFF;
        line[103] = 0x20;
        line[104] = 0x7E;
        byte[] file = Arrays.copyOf(line, WIDTH + 1);
        file[WIDTH] = '\n';
        assertThat(Split.of(file, WIDTH).fastLines).isEqualTo(1);
    }

    @Test
    void blankRecordsBetweenLinesAreStillEmptyLines() {
        String blank = " ".repeat(WIDTH);
        byte[] file = ascii(record(1, WIDTH) + "\r\n" + blank + "\r\n" + record(3, WIDTH) + "\r\n" + blank + "\r\n"
                + blank + "\r\n");

        Split fast = Split.of(file, WIDTH);

        assertThat(fast.events).isEqualTo(Split.of(file).events);
        assertThat(fast.events).containsExactly("line 1 0 240/240 " + record(1, WIDTH), "empty 2",
                "line 3 0 240/240 " + record(3, WIDTH), "end: last line 3, mixed ends false, BOM false");
    }

    @Test
    void fourHundredAndFourHundredFortyFourColumnLines() {
        String text = record(1, 400) + "\r\n" + record(2, 444) + "\r\n" + record(3, 444) + "\r\n" + record(4, 400)
                + "\r\n" + record(5, 401) + "\r\n" + record(6, 445) + "\r\n" + record(7, 400) + "\r\n";
        byte[] file = ascii(text);

        Split fast = Split.of(file, 400, 444);

        assertThat(fast.events).isEqualTo(Split.of(file).events);
        assertThat(fast.fastLines).isEqualTo(5);
    }

    @Test
    void linesCutByReadsOfAnySizeReadTheSame() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 40; i++) {
            out.writeBytes(lines("\r\n", 25));
            out.writeBytes(ascii(record(1, 100 + i) + (i % 3 == 0 ? "\r" : "\n")));
        }
        byte[] file = out.toByteArray();
        List<String> scanned = Split.of(file).events;
        Random random = new Random(11);
        for (int run = 0; run < 20; run++) {
            int maxRead = 1 + random.nextInt(run < 10 ? 600 : 70_000);
            Split fast = Split.of(new RandomReads(file, maxRead, random.nextLong()), WIDTH);
            assertThat(fast.events).as("reads of at most %d bytes", maxRead).isEqualTo(scanned);
        }
        // one whole 64 KB read after another: every line but those the chunk's end cuts is fast
        Split whole = Split.of(file, WIDTH);
        assertThat(whole.events).isEqualTo(scanned);
        assertThat(whole.fastLines).isBetween(1000L - file.length / (64 * 1024) - 1, 1000L);
    }

    @Test
    void widthsOutsideTheKeptLineAreRefused() {
        LineSplitter splitter = new LineSplitter();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> splitter.expect(LineSplitter.MAX_KEPT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> splitter.expect(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlCheckFindsEveryControlByteAtEveryPlace() {
        Random random = new Random(5);
        for (int run = 0; run < 20_000; run++) {
            int length = random.nextInt(60);
            byte[] bytes = new byte[length + 16];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (0x20 + random.nextInt(256 - 0x20));
                if (bytes[i] == 0x7F) {
                    bytes[i] = 'A';
                }
            }
            int from = random.nextInt(8);
            int to = from + length;
            if (length > 0 && random.nextBoolean()) {
                int at = from + random.nextInt(length);
                bytes[at] = (byte) (random.nextBoolean() ? 0x7F : random.nextInt(0x20));
            }
            boolean expected = false;
            for (int i = from; i < to; i++) {
                expected |= (bytes[i] & 0xE0) == 0 || bytes[i] == 0x7F;
            }
            assertThat(ControlBytes.hasControl(bytes, from, to)).as("run %d", run).isEqualTo(expected);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A record-like line: its number, then letters, digits and spaces, {@code length} characters. */
    private static String record(int number, int length) {
        StringBuilder line = new StringBuilder(String.format("%08d", number));
        while (line.length() < length) {
            line.append(line.length() % 7 == 0 ? ' ' : (char) ('A' + line.length() % 26));
        }
        return line.substring(0, length);
    }

    private static byte[] lines(String end, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(record(i, WIDTH)).append(end);
        }
        return ascii(text.toString());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Everything a split handed its sink, as text, then what the splitter says at the end (last line number,
     * mixed line ends, byte order mark), so two splits compare with one equality.
     */
    private static final class Split implements LineSink {

        final List<String> events = new ArrayList<>();
        long fastLines;
        boolean mixedLineEnds;
        boolean byteOrderMark;
        private final List<Integer> lengths = new ArrayList<>();

        static Split of(byte[] file, int... widths) {
            return of(new ByteArrayInputStream(file), widths);
        }

        static Split of(InputStream in, int... widths) {
            Split split = new Split();
            LineSplitter splitter = new LineSplitter();
            splitter.expect(widths);
            splitter.split(in, split);
            split.fastLines = splitter.fastLines();
            split.mixedLineEnds = splitter.mixedLineEnds();
            split.byteOrderMark = splitter.sawByteOrderMark();
            split.events.add("end: last line " + splitter.lastLineNumber() + ", mixed ends " + split.mixedLineEnds
                    + ", BOM " + split.byteOrderMark);
            return split;
        }

        @Override
        public void line(byte[] bytes, int offset, int kept, int length, long lineNumber, int control) {
            events.add("line " + lineNumber + " " + control + " " + kept + "/" + length + " "
                    + new String(bytes, offset, kept, StandardCharsets.ISO_8859_1));
            lengths.add(length);
        }

        @Override
        public void emptyLine(long lineNumber) {
            events.add("empty " + lineNumber);
        }

        List<Integer> lengths() {
            return lengths;
        }
    }
}
