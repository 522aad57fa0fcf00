package br.bankhistory.cnab.layout;

/**
 * One field of a fixed-width record, as written in a layout description.
 *
 * @param name       the field's name (snake_case, the same across banks for the same meaning)
 * @param start      first position, 1-based, inclusive, as printed in the manuals
 * @param end        last position, 1-based, inclusive
 * @param decimals   implied decimal places of a numeric amount (picture 9(n)V9(d))
 * @param dateFormat {@code ddMMyyyy}, {@code ddMMyy} or {@code yyyyMMdd} for dates, otherwise empty
 * @param required   whether a blank or malformed value is reported as a finding
 * @param codeWidth  for a field holding a list of codes (e.g. reasons), the width of each code; 0 when
 *                   the field is free text; {@link #FLAGS} when each position is a flag ("1" = the code
 *                   numbered by that position applies: Banco do Nordeste's table of errors)
 * @param lenient    for a date a bank fills only sometimes and otherwise uses for something else: a value
 *                   that is not a date reads as no date, without a finding
 */
public record FieldSpec(String name, int start, int end, FieldType type, int decimals, String dateFormat,
                        boolean required, int codeWidth, boolean lenient) {

    /** The {@code codeWidth} of a field of flags: position N of the field set to "1" means code N (01, 02...). */
    public static final int FLAGS = -1;

    public FieldSpec(String name, int start, int end, FieldType type, int decimals, String dateFormat,
                     boolean required, int codeWidth) {
        this(name, start, end, type, decimals, dateFormat, required, codeWidth, false);
    }

    public FieldSpec {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("bad positions for " + name + ": " + start + "-" + end);
        }
        if (codeWidth < FLAGS) {
            throw new IllegalArgumentException("bad code width for " + name + ": " + codeWidth);
        }
    }

    /** 0-based offset of the first character. */
    public int offset() {
        return start - 1;
    }

    public int length() {
        return end - start + 1;
    }

    public boolean isDate() {
        return !dateFormat.isEmpty();
    }
}
