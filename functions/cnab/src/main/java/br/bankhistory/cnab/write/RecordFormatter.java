package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.DateFormats;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.FieldType;
import br.bankhistory.cnab.layout.RecordLayout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Writes one fixed-width record from its layout description and a value per field name: the same
 * description the reader uses (start, end, picture, decimals, date format), so a record the reader knows
 * is a record the writer can produce. Numeric fields are zero-filled and right-aligned, text fields
 * space-filled and left-aligned. A field with no value gets the layout's default, else zeros or blanks.
 *
 * <p>Values by picture. Numeric: a {@link Long} / {@link Integer} / {@link BigInteger} in the field's
 * smallest unit (cents for {@code dec=2}), a {@link BigDecimal} in units (scaled by the field's decimals,
 * refused if that loses digits), a {@link LocalDate} (the field's date picture; {@code ddMMyy} holds
 * 1970-2069), a {@link LocalTime} ({@code HHmmss} in 6 positions, {@code HHmm} in 4), a string of digits,
 * or {@link #BLANK}. A field with {@code from=NAME} in the layout takes NAME's value when it has none.
 * Text: a string (any other value is written as its {@code toString}). Too long is an
 * error ({@link CnabWriteException} naming the field), except for free-text fields ({@code trunc} in the
 * layout), which are cut.
 */
public final class RecordFormatter {

    /** Writing a remessa from input, or copying a record read from a file. */
    public enum TextMode {
        /**
         * Writing: text uppercase, accents removed, other non-ASCII as blanks ({@link CnabText#normalise}),
         * trimmed first; fields marked {@code blank} in the layout written blank whatever the value.
         */
        NORMALISE,
        /** Copying (a record read back and written again): text as given, only checked to be latin-1. */
        VERBATIM
    }

    /** A field written as blanks whatever its picture (some banks leave numeric fields blank). */
    public static final Object BLANK = new Object() {
        @Override
        public String toString() {
            return "BLANK";
        }
    };

    private RecordFormatter() {
    }

    /**
     * The record as latin-1 bytes, without line end. Its width is the layout's own ({@code width N}) or
     * {@code familyWidth}, widened to the end of a field past it that has a value (Itaú's 444-character
     * detail when the chave NF-e at 401-444 is given).
     */
    public static byte[] format(RecordLayout layout, int familyWidth, Function<String, ?> values, TextMode mode) {
        FieldSpec[] fields = layout.fields();
        int width = layout.width() > 0 ? layout.width() : familyWidth;
        Object[] resolved = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            resolved[i] = values.apply(fields[i].name());
            if (resolved[i] == null) {
                var source = layout.sourceOf(fields[i].name());
                if (source.isPresent()) {
                    resolved[i] = values.apply(source.get());
                }
            }
            if (fields[i].end() > width && resolved[i] != null && resolved[i] != BLANK) {
                width = fields[i].end();
            }
        }
        byte[] line = new byte[width];
        Arrays.fill(line, (byte) ' ');
        int lastEnd = 0;
        for (int i = 0; i < fields.length; i++) {
            FieldSpec field = fields[i];
            if (field.end() > width) {
                continue;
            }
            if (field.start() <= lastEnd) {
                throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.FIELD_OVERLAP,
                        field.start(), field.end());
            }
            lastEnd = field.end();
            Object value = resolved[i];
            if (mode == TextMode.NORMALISE && layout.isBlankOnWrite(field.name())) {
                continue;
            }
            String text = value == null ? defaultText(layout, field) : text(layout, field, value, mode);
            put(line, field, text);
        }
        return line;
    }

    private static String defaultText(RecordLayout layout, FieldSpec field) {
        String fallback = layout.defaultValue(field.name()).orElse("");
        if (field.type() == FieldType.NUMERIC) {
            return fallback.isEmpty() ? "0".repeat(field.length()) : padLeft(fallback, field.length());
        }
        return fallback;
    }

    private static String text(RecordLayout layout, FieldSpec field, Object value, TextMode mode) {
        if (value == BLANK) {
            return " ".repeat(field.length());
        }
        return field.type() == FieldType.NUMERIC ? numeric(layout, field, value, mode) : alpha(layout, field, value,
                mode);
    }

    private static String alpha(RecordLayout layout, FieldSpec field, Object value, TextMode mode) {
        String raw = value instanceof LocalDate date && field.isDate() ? date(layout, field, date) : value.toString();
        String text;
        if (mode == TextMode.NORMALISE && layout.keepsCase(field.name())) {
            text = raw.strip();
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x80 || text.charAt(i) < 0x20) {
                    throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.NOT_LATIN1,
                            Integer.toHexString(text.charAt(i)));
                }
            }
        } else if (mode == TextMode.NORMALISE) {
            text = CnabText.normalise(raw.strip());
        } else {
            text = raw;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0xFF) {
                    throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.NOT_LATIN1,
                            Integer.toHexString(text.charAt(i)));
                }
            }
        }
        if (text.length() > field.length()) {
            if (layout.isFreeText(field.name())) {
                return text.substring(0, field.length());
            }
            throw tooLong(layout, field, text);
        }
        return text;
    }

    private static String numeric(RecordLayout layout, FieldSpec field, Object value, TextMode mode) {
        String digits;
        if (value instanceof LocalDate date) {
            digits = date(layout, field, date);
        } else if (value instanceof LocalTime time) {
            digits = time(layout, field, time);
        } else if (value instanceof BigDecimal decimal) {
            BigInteger unscaled;
            try {
                unscaled = decimal.setScale(field.decimals()).unscaledValue();
            } catch (ArithmeticException e) {
                throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.TOO_MANY_DECIMALS,
                        decimal.toPlainString(), field.decimals());
            }
            digits = nonNegative(layout, field, unscaled.signum() < 0, unscaled.toString());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            long number = ((Number) value).longValue();
            digits = nonNegative(layout, field, number < 0, Long.toString(number));
        } else if (value instanceof BigInteger big) {
            digits = nonNegative(layout, field, big.signum() < 0, big.toString());
        } else if (value instanceof CharSequence chars) {
            String text = mode == TextMode.NORMALISE ? chars.toString().strip() : chars.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.NOT_A_NUMBER,
                            text);
                }
            }
            digits = text;
        } else {
            throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.UNSUPPORTED_VALUE,
                    value.getClass().getSimpleName());
        }
        if (digits.length() > field.length()) {
            throw tooLong(layout, field, digits);
        }
        return padLeft(digits, field.length());
    }

    private static String nonNegative(RecordLayout layout, FieldSpec field, boolean negative, String digits) {
        if (negative) {
            throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.NEGATIVE, digits);
        }
        return digits;
    }

    private static String date(RecordLayout layout, FieldSpec field, LocalDate date) {
        String format = field.dateFormat();
        int year = date.getYear();
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        return switch (format) {
            case DateFormats.DAY_MONTH_YEAR4 -> two(day) + two(month) + four(layout, field, year);
            case DateFormats.YEAR4_MONTH_DAY -> four(layout, field, year) + two(month) + two(day);
            case DateFormats.DAY_MONTH_YEAR2 -> {
                if (year < 1970 || year > 2069) {
                    throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.SHORT_YEAR,
                            year);
                }
                yield two(day) + two(month) + two(year % 100);
            }
            default -> throw new CnabWriteException(layout.name(), field.name(),
                    CnabWriteException.Code.NOT_A_DATE_FIELD);
        };
    }

    private static String time(RecordLayout layout, FieldSpec field, LocalTime time) {
        String hhmm = two(time.getHour()) + two(time.getMinute());
        return switch (field.length()) {
            case 6 -> hhmm + two(time.getSecond());
            case 4 -> hhmm;
            default -> throw new CnabWriteException(layout.name(), field.name(),
                    CnabWriteException.Code.BAD_TIME_FIELD);
        };
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String four(RecordLayout layout, FieldSpec field, int year) {
        if (year < 1 || year > 9999) {
            throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.LONG_YEAR, year);
        }
        return padLeft(Integer.toString(year), 4);
    }

    private static String padLeft(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static CnabWriteException tooLong(RecordLayout layout, FieldSpec field, String text) {
        return new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.TOO_LONG, text,
                text.length(), field.start(), field.end(), field.length());
    }

    private static void put(byte[] line, FieldSpec field, String text) {
        int offset = field.offset();
        for (int i = 0; i < text.length() && i < field.length(); i++) {
            line[offset + i] = (byte) text.charAt(i);
        }
    }
}
