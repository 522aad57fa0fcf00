package br.bankhistory.history.domain;

/** The one way an account is written as a filter value: agency and account digits, without leading zeros. */
public final class Accounts {

    private Accounts() {
    }

    public static String key(String agency, String account) {
        return trimZeros(agency) + "/" + trimZeros(account);
    }

    /** Accepts "agency/account" as users type it. */
    public static String key(String typed) {
        int slash = typed.indexOf('/');
        return slash < 0 ? key("", typed) : key(typed.substring(0, slash), typed.substring(slash + 1));
    }

    private static String trimZeros(String value) {
        String digits = value == null ? "" : value.strip().replace("-", "").replace(".", "");
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
