package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.DateFormats;
import br.bankhistory.cnab.layout.FieldSpec;
import br.bankhistory.cnab.layout.FieldType;
import br.bankhistory.cnab.layout.RecordLayout;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every field of one record read into a typed value by its layout description, the inverse of
 * {@link RecordFormatter}: text as printed without trailing blanks (leading blanks kept), numbers as
 * {@link Long} (or {@link BigInteger} past 18 digits), valid dates as {@link LocalDate}, blank numeric
 * fields as {@link RecordFormatter#BLANK}. Formatting these values with the same layout in
 * {@link RecordFormatter.TextMode#VERBATIM} gives the record back byte for byte, provided the layout
 * describes every non-blank position and every numeric field holds digits or blanks.
 */
public final class RecordFields {

    private RecordFields() {
    }

    /**
     * The record's values by field name, in position order. Fields past the end of the line are left out.
     *
     * @throws CnabWriteException when a numeric field holds something else than digits or blanks: the
     *                            layout's picture is wrong for this record, it cannot be read losslessly
     */
    public static Map<String, Object> read(RecordLayout layout, byte[] line, int length) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : layout.fields()) {
            if (field.end() > length) {
                continue;
            }
            values.put(field.name(), value(layout, field, line));
        }
        return Collections.unmodifiableMap(values);
    }

    /** The positions (1-based) of the line that hold something else than a blank and no field describes. */
    public static int[] undescribed(RecordLayout layout, byte[] line, int length) {
        boolean[] covered = new boolean[length + 1];
        for (FieldSpec field : layout.fields()) {
            for (int p = field.start(); p <= Math.min(field.end(), length); p++) {
                covered[p] = true;
            }
        }
        return java.util.stream.IntStream.rangeClosed(1, length)
                .filter(p -> !covered[p] && line[p - 1] != ' ')
                .toArray();
    }

    private static Object value(RecordLayout layout, FieldSpec field, byte[] line) {
        int from = field.offset();
        int to = field.end();
        if (field.type() == FieldType.ALPHANUMERIC) {
            int end = to;
            while (end > from && line[end - 1] == ' ') {
                end--;
            }
            return new String(line, from, end - from, StandardCharsets.ISO_8859_1);
        }
        boolean blank = true;
        for (int i = from; i < to; i++) {
            if (line[i] != ' ') {
                blank = false;
                break;
            }
        }
        if (blank) {
            return RecordFormatter.BLANK;
        }
        for (int i = from; i < to; i++) {
            if (line[i] < '0' || line[i] > '9') {
                throw new CnabWriteException(layout.name(), field.name(), CnabWriteException.Code.NOT_DIGITS,
                        new String(line, from, to - from, StandardCharsets.ISO_8859_1), field.start(), field.end());
            }
        }
        String digits = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        if (field.isDate()) {
            LocalDate date = date(field.dateFormat(), digits);
            if (date != null) {
                return date;
            }
        }
        return digits.length() <= 18 ? (Object) Long.parseLong(digits) : new BigInteger(digits);
    }

    private static LocalDate date(String format, String digits) {
        try {
            LocalDate date = switch (format) {
                case DateFormats.DAY_MONTH_YEAR4 -> LocalDate.of(Integer.parseInt(digits.substring(4, 8)),
                        Integer.parseInt(digits.substring(2, 4)), Integer.parseInt(digits.substring(0, 2)));
                case DateFormats.YEAR4_MONTH_DAY -> LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                        Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8)));
                case DateFormats.DAY_MONTH_YEAR2 -> {
                    int yy = Integer.parseInt(digits.substring(4, 6));
                    yield LocalDate.of(yy < 70 ? 2000 + yy : 1900 + yy, Integer.parseInt(digits.substring(2, 4)),
                            Integer.parseInt(digits.substring(0, 2)));
                }
                default -> null;
            };
            return date != null && date.getYear() >= 1 ? date : null;
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
