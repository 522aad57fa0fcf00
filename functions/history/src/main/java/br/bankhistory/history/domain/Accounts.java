package br.bankhistory.history.domain;

/** The one way an account is written as a filter value: agency and account digits, without leading zeros. */
public final class Accounts {

    private Accounts() {
    }

    public static String key(String agency, String account) {
        return trimZeros(agency) + "/" + trimZeros(account);
    }

    /**
     * The account a file's NSA counts for: bank, agency and account (the convênio when the file names no
     * account), and direction. Ingest (what a file's header says) and remessa generation (what the request
     * says) use the same key, so the NSA issued for a remessa is the one its file is later seen with.
     */
    public static String sequenceKey(String bankCode, String agency, String account, String agreement,
                                     String direction) {
        boolean noAccount = account == null || account.isBlank() || trimZeros(account).equals("0");
        return bankCode + "/" + key(agency, noAccount ? agreement : account) + "/" + direction;
    }

    /**
     * The key of the account index: the account number without leading zeros (the convênio when a file
     * names no account), so "17600", "000000017600" and "4459/17600" all find the file of account 17600.
     */
    public static String accountKey(String typed) {
        int slash = typed.indexOf('/');
        return trimZeros(slash < 0 ? typed : typed.substring(slash + 1));
    }

    /** The agency of an "agency/account" filter, when one was typed. */
    public static java.util.Optional<String> agencyOf(String typed) {
        int slash = typed.indexOf('/');
        String agency = slash < 0 ? "" : trimZeros(typed.substring(0, slash));
        return agency.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(agency);
    }

    /** Whether two numbers are the same once punctuation and leading zeros are gone. */
    public static boolean sameNumber(String a, String b) {
        return trimZeros(a).equals(trimZeros(b));
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
