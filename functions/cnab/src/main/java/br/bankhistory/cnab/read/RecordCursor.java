package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.DateFormats;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.FieldType;
import br.bankhistory.cnab.layout.RecordLayout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The record being read: one line, padded with spaces to the record width, plus typed access to its
 * fields. Each field is validated once: required fields by {@link #validateRequired}, the others when
 * read. Malformed values become findings (with line and column) and read as 0 / null / blank.
 */
final class RecordCursor {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;

    private final Findings findings;
    /** The line's bytes from {@link #base} on: the caller's buffer when the line is whole, else {@link #padded}. */
    private byte[] bytes = new byte[0];
    private int base;
    private byte[] padded = new byte[0];
    private int width;
    private long lineNumber;

    RecordCursor(Findings findings) {
        this.findings = findings;
    }

    /**
     * Loads a line (bytes[offset, offset + kept)); positions beyond {@code kept} read as spaces. A line that
     * fills the record is read where it is, without a copy, so the buffer must not change until the next
     * load (the record is read before {@link LineSink#line} returns).
     */
    void load(byte[] line, int offset, int kept, int recordWidth, long number) {
        width = recordWidth;
        lineNumber = number;
        if (kept >= recordWidth) {
            bytes = line;
            base = offset;
            return;
        }
        if (padded.length < recordWidth) {
            padded = new byte[recordWidth];
        }
        System.arraycopy(line, offset, padded, 0, kept);
        Arrays.fill(padded, kept, recordWidth, (byte) ' ');
        bytes = padded;
        base = 0;
    }

    long lineNumber() {
        return lineNumber;
    }

    int width() {
        return width;
    }

    /** The character at a 1-based position. */
    char at(int position) {
        return position >= 1 && position <= width ? (char) (bytes[base + position - 1] & 0xFF) : ' ';
    }

    boolean matches(int position, String expected) {
        if (position < 1 || position - 1 + expected.length() > width) {
            return false;
        }
        int at = base + position - 1;
        for (int i = 0; i < expected.length(); i++) {
            if ((bytes[at + i] & 0xFF) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes at 1-based positions [start, end] (at most 8, all inside the record) as one number, to compare
     * a short code with an earlier one without a string.
     */
    long packed(int start, int end) {
        long value = 0;
        for (int i = base + start - 1; i < base + end; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }

    /** The field as printed, without surrounding blanks. */
    String text(FieldSpec field) {
        int from = base + field.offset();
        int to = base + Math.min(field.offset() + field.length(), width);
        while (from < to && bytes[from] == ' ') {
            from++;
        }
        while (to > from && bytes[to - 1] == ' ') {
            to--;
        }
        return from >= to ? "" : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The field's text, or empty when the bank's layout has no such field ({@code null}). */
    String textOrEmpty(FieldSpec field) {
        return field == null ? "" : text(field);
    }

    /** A finding on this record's line. */
    void report(Severity severity, int column, String code, String field, String pt, String en) {
        findings.add(severity, lineNumber, column, code, field, pt, en);
    }

    /**
     * The characters at 1-based positions [start, end], untrimmed: a shared instance for 1 or 2 characters,
     * a recent identical one (see {@link #recentCode}) for up to 16.
     */
    String raw(int start, int end) {
        int from = base + Math.max(0, start - 1);
        int to = base + Math.min(end, width);
        int length = to - from;
        if (length == 2) {
            return SmallStrings.of(bytes[from], bytes[from + 1]);
        }
        if (length == 1) {
            return SmallStrings.of((char) (bytes[from] & 0xFF));
        }
        if (length <= 0) {
            return "";
        }
        return length <= 2 * Long.BYTES ? recentCode(from, length)
                : new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    private static final int CODE_SLOTS = 256;
    private final long[] codeFirstBytes = new long[CODE_SLOTS];
    private final long[] codeLastBytes = new long[CODE_SLOTS];
    private final String[] codes = new String[CODE_SLOTS];

    /**
     * The text of bytes[from, from + length) (3 to 16 bytes), the same instance as the last time these bytes
     * were read into this slot: code fields (lote numbers, ocorrências, motivos) repeat down a file, and a
     * shared instance is neither copied again nor hashed again when it is looked up.
     */
    private String recentCode(int from, int length) {
        long first = 0;
        long last = 0;
        for (int i = 0; i < length; i++) {
            long b = bytes[from + i] & 0xFF;
            if (i < Long.BYTES) {
                first |= b << i * Byte.SIZE;
            } else {
                last |= b << (i - Long.BYTES) * Byte.SIZE;
            }
        }
        long mixed = (first * 31 + last) * 31 + length;
        int slot = (int) (mixed * 0x9E3779B97F4A7C15L >>> 56);
        String code = codes[slot];
        if (code != null && code.length() == length && codeFirstBytes[slot] == first && codeLastBytes[slot] == last) {
            return code;
        }
        code = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        codes[slot] = code;
        codeFirstBytes[slot] = first;
        codeLastBytes[slot] = last;
        return code;
    }

    /** Whether positions [start, end] hold only blanks and zeros (an empty list of codes). */
    boolean isBlankOrZeros(int start, int end) {
        int to = base + Math.min(end, width);
        for (int i = base + Math.max(0, start - 1); i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '0') {
                return false;
            }
        }
        return true;
    }

    boolean isBlank(FieldSpec field) {
        int end = base + Math.min(field.offset() + field.length(), width);
        for (int i = base + field.offset(); i < end; i++) {
            if (bytes[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The digits of the field as a number, or -1 when it holds anything but digits (blank included). */
    long digits(FieldSpec field) {
        return digits(field.offset(), field.length());
    }

    /** The digits at 1-based positions [start, end] as a number, or -1 when not all digits. */
    long digitsAt(int start, int end) {
        return digits(start - 1, end - start + 1);
    }

    /**
     * Digits to a number, eight at a time (see {@link #block}): a first group shorter than eight is read from
     * the eight bytes that end with it, the bytes before the field counted as '0'. -1 when not all digits (or
     * more than 18, or none).
     */
    private long digits(int offset, int length) {
        int end = Math.min(offset + length, width);
        if (offset >= end || end - offset > 18) {
            return -1;
        }
        int i = base + offset;
        int stop = base + end;
        int head = (stop - i) & 7;
        long value = 0;
        if (head != 0) {
            if (i + head < Long.BYTES) {
                return digitsOneByOne(i, stop);
            }
            value = block(i + head - Long.BYTES, Long.BYTES - head);
            if (value < 0) {
                return -1;
            }
            i += head;
        }
        for (; i < stop; i += Long.BYTES) {
            long group = block(i, 0);
            if (group < 0) {
                return -1;
            }
            value = value * 100_000_000L + group;
        }
        return value;
    }

    private long digitsOneByOne(int from, int stop) {
        long value = 0;
        for (int i = from; i < stop; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * The number written by the eight bytes at {@code at}, the first {@code outside} of them taken as '0', or
     * -1 when one of the others is not a digit. Subtracting '0' from a non-digit byte leaves a high nibble or
     * makes one when 6 is added; a borrow from the lowest such byte only reaches the bytes above it.
     */
    private long block(int at, int outside) {
        long x = (long) LONGS.get(bytes, at);
        if (outside > 0) {
            long before = (1L << outside * Byte.SIZE) - 1;
            x = x & ~before | ZEROS & before;
        }
        long d = x - ZEROS;
        if (((d | d + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) != 0) {
            return -1;
        }
        return eightDigits(d);
    }

    /**
     * The number written by eight digit values (0-9, one per byte, the first character in the lowest byte):
     * pairs, then groups of four, then the eight, each step a multiplication (the way fast JSON parsers read
     * numbers).
     */
    private static long eightDigits(long d) {
        long pairs = d * 10 + (d >>> 8);
        return (((pairs & 0x000000FF000000FFL) * 0x000F424000000064L)
                + (((pairs >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L)) >>> 32;
    }

    /** A numeric field (an amount in cents when it has 2 decimals): blank reads as 0; junk is reported. */
    long number(FieldSpec field) {
        long value = digits(field);
        if (value >= 0) {
            return value;
        }
        if (!field.required() && !isBlank(field)) {
            reportNotNumeric(field, Severity.WARNING);
        }
        return 0;
    }

    /** A date field: zeros or blanks read as null; an impossible date is reported and reads as null. */
    LocalDate date(FieldSpec field) {
        long all = digits(field);
        if (all == 0 || (all < 0 && isBlank(field))) {
            return null;
        }
        LocalDate date = all < 0 ? null : parseDate(all, field);
        if (date == null && !field.required() && !field.lenient()) {
            reportInvalidDate(field);
        }
        return date;
    }

    private static final int DATE_CACHE_SIZE = 1024;
    private final long[] dateCacheKeys = new long[DATE_CACHE_SIZE];
    private final LocalDate[] dateCacheValues = new LocalDate[DATE_CACHE_SIZE];

    /**
     * Parses the date of a field that holds only digits ({@code all}, their value), reusing the instance of a
     * recent identical one (dates repeat down a file): the value and the picture make the key.
     */
    private LocalDate parseDate(long all, FieldSpec field) {
        String format = field.dateFormat();
        if (field.length() != format.length()) {
            return computeDate(field.offset(), format); // the key would not hold every digit read
        }
        long key = all * 4 + (format.length() == 6 ? 1 : format.charAt(0) == 'y' ? 2 : 3);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 54);
        if (dateCacheKeys[slot] == key) {
            return dateCacheValues[slot];
        }
        LocalDate date = computeDate(field.offset(), format);
        if (date != null) {
            dateCacheKeys[slot] = key;
            dateCacheValues[slot] = date;
        }
        return date;
    }

    private LocalDate computeDate(int offset, String format) {
        int day;
        int month;
        int year;
        switch (format) {
            case DateFormats.DAY_MONTH_YEAR4 -> {
                day = (int) digits(offset, 2);
                month = (int) digits(offset + 2, 2);
                year = (int) digits(offset + 4, 4);
            }
            case DateFormats.DAY_MONTH_YEAR2 -> {
                day = (int) digits(offset, 2);
                month = (int) digits(offset + 2, 2);
                int yy = (int) digits(offset + 4, 2);
                year = yy < 70 ? 2000 + yy : 1900 + yy;
            }
            case DateFormats.YEAR4_MONTH_DAY -> {
                year = (int) digits(offset, 4);
                month = (int) digits(offset + 4, 2);
                day = (int) digits(offset + 6, 2);
            }
            default -> {
                return null;
            }
        }
        return Dates.of(year, month, day);
    }

    /** Reports blank or malformed values of the layout's required fields. */
    void validateRequired(RecordLayout layout) {
        for (FieldSpec field : layout.requiredFields()) {
            if (field.end() > width) {
                continue;
            }
            if (isBlank(field)) {
                findings.add(Severity.WARNING, lineNumber, field.start(), FindingCodes.FIELD_MISSING, field.name(),
                        "Campo obrigatório " + field.name() + " (posições " + field.start() + "-" + field.end()
                                + ") em branco.",
                        "Required field " + field.name() + " (positions " + field.start() + "-" + field.end()
                                + ") is blank.");
            } else if (field.isDate()) {
                long all = digits(field);
                if (all != 0 && (all < 0 || parseDate(all, field) == null)) {
                    reportInvalidDate(field);
                }
            } else if (field.type() == FieldType.NUMERIC && digits(field) < 0) {
                reportNotNumeric(field, Severity.ERROR);
            }
        }
    }

    private void reportNotNumeric(FieldSpec field, Severity severity) {
        String value = raw(field.start(), field.end());
        findings.add(severity, lineNumber, field.start(), FindingCodes.NOT_NUMERIC, field.name(),
                "Campo numérico " + field.name() + " (posições " + field.start() + "-" + field.end()
                        + ") contém \"" + value + "\"; lido como zero.",
                "Numeric field " + field.name() + " (positions " + field.start() + "-" + field.end()
                        + ") holds \"" + value + "\"; read as zero.");
    }

    private void reportInvalidDate(FieldSpec field) {
        String value = raw(field.start(), field.end());
        findings.add(Severity.WARNING, lineNumber, field.start(), FindingCodes.INVALID_DATE, field.name(),
                "Data inválida no campo " + field.name() + " (posições " + field.start() + "-" + field.end()
                        + "): \"" + value + "\".",
                "Invalid date in field " + field.name() + " (positions " + field.start() + "-" + field.end()
                        + "): \"" + value + "\".");
    }
}
