package br.bankhistory.history.domain;

/**
 * The key a title is known by at its bank: the bank, the account it is registered under (agency and
 * account, or the convênio when there is no account) and its nosso número ({@link OurNumbers#key}). Two
 * remessas carrying the same key carry the same boleto.
 */
public final class TitleKeys {

    private TitleKeys() {
    }

    /** A payment, known by the company's number for it (seu número): two remessas with it pay it twice. */
    public static String ofPayment(String bankCode, String agency, String account, String agreement,
                                   String yourNumber) {
        String number = yourNumber == null ? "" : yourNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (number.isEmpty()) {
            return "";
        }
        return Accounts.sequenceKey(bankCode, agency, account, agreement, "") + "PAG:" + number;
    }

    public static String of(String bankCode, String agency, String account, String agreement, String ourNumber) {
        String number = OurNumbers.key(ourNumber);
        if (number.isEmpty()) {
            return "";
        }
        String where = Accounts.sequenceKey(bankCode, agency, account, agreement, "");
        return where + number;
    }
}
