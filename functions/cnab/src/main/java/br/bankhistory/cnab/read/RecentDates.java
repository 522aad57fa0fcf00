package br.bankhistory.cnab.read;

import br.bankhistory.cnab.layout.DateFormats;
import br.bankhistory.cnab.layout.FieldSpec;

import java.time.LocalDate;

/**
 * The dates of date fields that hold only digits, in the field's picture (DDMMAAAA, DDMMAA, AAAAMMDD), reusing
 * the instance of a recent identical one: dates repeat down a file.
 */
final class RecentDates {

    private static final int SIZE = 1024;
    private final long[] keys = new long[SIZE];
    private final LocalDate[] values = new LocalDate[SIZE];

    /**
     * The date of the field at bytes[base + field offset...] (cut at {@code width}) whose digits are worth
     * {@code all}, or null when impossible: the value and the picture make the key.
     */
    LocalDate of(byte[] bytes, int base, int width, long all, FieldSpec field) {
        String format = field.dateFormat();
        if (field.length() != format.length()) {
            return compute(bytes, base, width, field.offset(), format); // the key would not hold every digit read
        }
        long key = all * 4 + (format.length() == 6 ? 1 : format.charAt(0) == 'y' ? 2 : 3);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 54);
        if (keys[slot] == key) {
            return values[slot];
        }
        LocalDate date = compute(bytes, base, width, field.offset(), format);
        if (date != null) {
            keys[slot] = key;
            values[slot] = date;
        }
        return date;
    }

    private static LocalDate compute(byte[] bytes, int base, int width, int offset, String format) {
        int day;
        int month;
        int year;
        switch (format) {
            case DateFormats.DAY_MONTH_YEAR4 -> {
                day = (int) DigitFields.read(bytes, base, width, offset, 2);
                month = (int) DigitFields.read(bytes, base, width, offset + 2, 2);
                year = (int) DigitFields.read(bytes, base, width, offset + 4, 4);
            }
            case DateFormats.DAY_MONTH_YEAR2 -> {
                day = (int) DigitFields.read(bytes, base, width, offset, 2);
                month = (int) DigitFields.read(bytes, base, width, offset + 2, 2);
                int yy = (int) DigitFields.read(bytes, base, width, offset + 4, 2);
                year = yy < 70 ? 2000 + yy : 1900 + yy;
            }
            case DateFormats.YEAR4_MONTH_DAY -> {
                year = (int) DigitFields.read(bytes, base, width, offset, 4);
                month = (int) DigitFields.read(bytes, base, width, offset + 4, 2);
                day = (int) DigitFields.read(bytes, base, width, offset + 6, 2);
            }
            default -> {
                return null;
            }
        }
        return Dates.of(year, month, day);
    }
}
