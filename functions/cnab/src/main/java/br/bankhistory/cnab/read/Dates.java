package br.bankhistory.cnab.read;

import java.time.LocalDate;
import java.time.Year;

/** Builds dates without exceptions for impossible values. */
final class Dates {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Dates() {
    }

    /** The date, or null when year, month or day is out of range. */
    static LocalDate of(int year, int month, int day) {
        if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        int max = DAYS_IN_MONTH[month - 1] + (month == 2 && Year.isLeap(year) ? 1 : 0);
        return day > max ? null : LocalDate.of(year, month, day);
    }
}
