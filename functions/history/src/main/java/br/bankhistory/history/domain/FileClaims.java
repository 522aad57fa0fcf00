package br.bankhistory.history.domain;

import java.time.LocalDate;

/**
 * The names under which a record claims what its file is, so that a second file that is the same is told
 * apart from a new one (docs/operations.md, "Duplicates"): the same bytes; the same content by meaning (line
 * endings, a byte-order mark, trailing blanks and a final blank line or EOF mark aside); the same bank,
 * account or convênio, direction, service, NSA and generation date.
 */
public final class FileClaims {

    private FileClaims() {
    }

    public static String bytes(String sha256) {
        return "HASH#" + sha256;
    }

    public static String content(String normalizedSha256) {
        return "NORM#" + normalizedSha256;
    }

    /** Empty when the file carries no NSA or no generation date (nothing to recognise it by). */
    public static String meaning(String bankCode, String agency, String account, String agreement, String direction,
                                 String service, long nsa, LocalDate generatedOn) {
        if (nsa <= 0 || generatedOn == null || bankCode.isEmpty()) {
            return "";
        }
        return "MEAN#" + Accounts.sequenceKey(bankCode, agency, account, agreement, direction) + "/" + service + "/"
                + nsa + "/" + generatedOn;
    }
}
