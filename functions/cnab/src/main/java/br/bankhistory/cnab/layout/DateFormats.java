package br.bankhistory.cnab.layout;

/** The date pictures CNAB layouts use. */
public final class DateFormats {

    public static final String DAY_MONTH_YEAR4 = "ddMMyyyy";
    public static final String DAY_MONTH_YEAR2 = "ddMMyy";
    public static final String YEAR4_MONTH_DAY = "yyyyMMdd";

    private DateFormats() {
    }

    static boolean isKnown(String format) {
        return format.equals(DAY_MONTH_YEAR4) || format.equals(DAY_MONTH_YEAR2) || format.equals(YEAR4_MONTH_DAY);
    }
}
