package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.layout.DateFormats;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.FieldType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor reads numbers eight digits at a time and dates through a cache: both must say exactly what a
 * plain digit-by-digit reading says, wherever the line sits in its buffer and whatever surrounds the field.
 */
class RecordCursorTest {

    private static final int WIDTH = 240;

    @Test
    void numbersAreReadAsDigitByDigit() {
        Random random = new Random(17);
        String alphabet = "0123456789012345678901234567890123456789 A-.\u00c7/\u0000\u00ff:";
        RecordCursor cursor = new RecordCursor(new Findings(10));
        for (int run = 0; run < 3_000; run++) {
            byte[] line = new byte[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                line[i] = (byte) (random.nextInt(4) > 0 ? '0' + random.nextInt(10) : alphabet.charAt(random.nextInt(
                        alphabet.length())));
            }
            int offset = random.nextInt(20);
            byte[] buffer = new byte[offset + WIDTH + random.nextInt(20)];
            random.nextBytes(buffer);
            System.arraycopy(line, 0, buffer, offset, WIDTH);
            int kept = random.nextInt(5) == 0 ? random.nextInt(WIDTH) : WIDTH;
            cursor.load(buffer, offset, kept, WIDTH, 1);
            byte[] seen = Arrays.copyOf(line, WIDTH);
            Arrays.fill(seen, kept, WIDTH, (byte) ' ');
            for (int field = 0; field < 40; field++) {
                int start = 1 + random.nextInt(WIDTH);
                int end = Math.min(start + random.nextInt(20), WIDTH + 3);
                assertThat(cursor.digitsAt(start, end)).as("%d-%d of %s", start, end, text(seen))
                        .isEqualTo(digitByDigit(seen, start, end));
            }
        }
    }

    @Test
    void allDigitsAndEveryNonDigitPlace() {
        RecordCursor cursor = new RecordCursor(new Findings(10));
        for (int length = 1; length <= 19; length++) {
            for (int start = 1; start + length - 1 <= 40; start++) {
                byte[] line = ascii("9".repeat(WIDTH));
                cursor.load(line, 0, WIDTH, WIDTH, 1);
                long nines = length > 18 ? -1 : Long.parseLong("9".repeat(length));
                assertThat(cursor.digitsAt(start, start + length - 1)).isEqualTo(nines);
                for (int bad = 0; bad < length; bad++) {
                    for (byte junk : new byte[] {'/', ':', ' ', 0, (byte) 0xB9, (byte) 0xF0, 'A'}) {
                        byte[] copy = line.clone();
                        copy[start - 1 + bad] = junk;
                        cursor.load(copy, 0, WIDTH, WIDTH, 1);
                        assertThat(cursor.digitsAt(start, start + length - 1)).as("%d at %d", junk, bad).isEqualTo(-1);
                    }
                }
            }
        }
    }

    @Test
    void rawTextIsThePrintedTextWhateverWasReadBefore() {
        Random random = new Random(23);
        RecordCursor cursor = new RecordCursor(new Findings(10));
        String alphabet = "0123 AB\u00c7\u00ff";
        for (int run = 0; run < 20_000; run++) {
            byte[] line = new byte[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                line[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            cursor.load(line, 0, WIDTH, WIDTH, 1);
            int start = 1 + random.nextInt(WIDTH);
            int end = start + random.nextInt(20);
            String expected = new String(line, start - 1, Math.min(end, WIDTH) - start + 1, StandardCharsets.ISO_8859_1);
            assertThat(cursor.raw(start, end)).isEqualTo(expected);
        }
    }

    @Test
    void datesAreTheSameWithTheCacheFullAndAfterInvalidOnes() {
        Findings findings = new Findings(1_000);
        RecordCursor cursor = new RecordCursor(findings);
        FieldSpec long4 = date("due_date", 11, DateFormats.DAY_MONTH_YEAR4);
        FieldSpec short2 = date("occurred_on", 21, DateFormats.DAY_MONTH_YEAR2);
        FieldSpec iso = date("credited_on", 31, DateFormats.YEAR4_MONTH_DAY);
        Random random = new Random(3);
        int invalid = 0;
        for (int run = 0; run < 20_000; run++) {
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3_000));
            String ddmmyyyy = String.format("%02d%02d%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
            boolean broken = random.nextInt(10) == 0;
            if (broken) {
                ddmmyyyy = "3102" + ddmmyyyy.substring(4);
                invalid++;
            }
            String line = " ".repeat(10) + ddmmyyyy + "  " + ddmmyyyy.substring(0, 4) + ddmmyyyy.substring(6) + "    "
                    + ddmmyyyy.substring(4) + ddmmyyyy.substring(2, 4) + ddmmyyyy.substring(0, 2);
            cursor.load(ascii(line), 0, line.length(), WIDTH, run);
            LocalDate expected = broken ? null : day;
            assertThat(cursor.date(long4)).isEqualTo(expected);
            assertThat(cursor.date(short2)).isEqualTo(expected);
            assertThat(cursor.date(iso)).isEqualTo(expected);
        }
        assertThat(findings.count(br.bankhistory.cnab.Severity.WARNING)).isEqualTo(3L * invalid);
        assertThat(findings.kept()).extracting(Finding::code).contains(FindingCodes.INVALID_DATE);
    }

    private static FieldSpec date(String name, int start, String format) {
        return new FieldSpec(name, start, start + format.length() - 1, FieldType.NUMERIC, 0, format, false, 0);
    }

    private static long digitByDigit(byte[] line, int start, int end) {
        int to = Math.min(end, line.length);
        if (start > to || to - start + 1 > 18) {
            return -1;
        }
        long value = 0;
        for (int i = start - 1; i < to; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return -1;
            }
            value = value * 10 + line[i] - '0';
        }
        return value;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1);
    }
}
