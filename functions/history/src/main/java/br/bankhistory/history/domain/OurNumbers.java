package br.bankhistory.history.domain;

import java.util.Locale;

/**
 * Nosso número as a search key: banks print it with or without leading zeros, dashes and dots, so only its
 * letters and digits count, upper-cased, leading zeros dropped.
 */
public final class OurNumbers {

    private OurNumbers() {
    }

    public static String key(String ourNumber) {
        if (ourNumber == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(ourNumber.length());
        for (int i = 0; i < ourNumber.length(); i++) {
            char c = ourNumber.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                if (out.length() == 0 && c == '0') {
                    continue;
                }
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
