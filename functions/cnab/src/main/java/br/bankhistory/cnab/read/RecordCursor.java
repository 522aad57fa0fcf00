package br.bankhistory.cnab.read;

import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.FieldType;
import br.bankhistory.cnab.layout.RecordLayout;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The record being read: one line, padded with spaces to the record width, plus typed access to its
 * fields. Each field is validated once: required fields by {@link #validateRequired}, the others when
 * read. Malformed values become findings (with line and column) and read as 0 / null / blank.
 */
final class RecordCursor {

    private final Findings findings;
    private final RecentCodes codes = new RecentCodes();
    private final RecentDates dates = new RecentDates();
    /** The line's bytes from {@link #base} on: the caller's buffer when the line is whole, else {@link #padded}. */
    private byte[] bytes = new byte[0];
    private int base;
    private byte[] padded = new byte[0];
    private final FieldTexts texts = new FieldTexts();
    private int width;
    private long lineNumber;
    /** The last required number or date validated on this record, and its digits: the item reads it again. */
    private FieldSpec checked;
    private long checkedDigits;

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
        checked = null;
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
        return texts.text(bytes, base, width, field);
    }

    /**
     * "1234-5": the text of {@code number} and of its check digit {@code digit} (may be null) joined by a dash,
     * the digit left out when blank (or the number blank).
     */
    String joined(FieldSpec number, FieldSpec digit) {
        return texts.joined(bytes, base, width, number, digit);
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
     * a recent identical one (see {@link RecentCodes}) for up to 16.
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
        return length <= RecentCodes.MAX_LENGTH ? codes.of(bytes, from, length)
                : new String(bytes, from, length, StandardCharsets.ISO_8859_1);
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
        return field == checked ? checkedDigits : digits(field.offset(), field.length());
    }

    /** The digits at 1-based positions [start, end] as a number, or -1 when not all digits. */
    long digitsAt(int start, int end) {
        return digits(start - 1, end - start + 1);
    }

    private long digits(int offset, int length) {
        return DigitFields.read(bytes, base, width, offset, length);
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
        LocalDate date = all < 0 ? null : dates.of(bytes, base, width, all, field);
        if (date == null && !field.required() && !field.lenient()) {
            reportInvalidDate(field);
        }
        return date;
    }

    /** Reports blank or malformed values of the layout's required fields. */
    void validateRequired(RecordLayout layout) {
        for (FieldSpec field : layout.requiredFields()) {
            if (field.end() > width) {
                continue;
            }
            // a run of digits is never blank: a number or a date that reads is checked without the blank scan
            long all = -1;
            if (field.isDate() || field.type() == FieldType.NUMERIC) {
                all = digits(field);
                checked = field;
                checkedDigits = all;
            }
            if (all < 0 && isBlank(field)) {
                findings.add(Severity.WARNING, lineNumber, field.start(), FindingCodes.FIELD_MISSING, field.name(),
                        "Campo obrigatório " + field.name() + " (posições " + field.start() + "-" + field.end()
                                + ") em branco.",
                        "Required field " + field.name() + " (positions " + field.start() + "-" + field.end()
                                + ") is blank.");
            } else if (field.isDate()) {
                if (all != 0 && (all < 0 || dates.of(bytes, base, width, all, field) == null)) {
                    reportInvalidDate(field);
                }
            } else if (field.type() == FieldType.NUMERIC && all < 0) {
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
