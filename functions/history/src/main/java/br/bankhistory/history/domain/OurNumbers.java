package br.bankhistory.history.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Nosso número as a search key: banks print it with or without leading zeros, dashes and dots, so only its
 * letters and digits count, upper-cased, leading zeros dropped.
 */
public final class OurNumbers {

    /** A key shorter than this is too short to drop a check digit or a convênio prefix from it. */
    private static final int MIN_VARIANT_LENGTH = 5;

    private OurNumbers() {
    }

    /**
     * The keys under which the remessa that sent a retorno's title may have registered it, most exact first:
     * the key itself; without its last character (banks return the nosso número with its check digit, which
     * ERPs often leave out of the remessa); without the convênio in front (some banks prefix it in the
     * retorno); with the convênio in front (ERPs that write the full "convênio + sequence" form).
     */
    public static List<String> candidates(String retornoOurNumber, String agreement) {
        String key = key(retornoOurNumber);
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        if (key.isEmpty()) {
            return List.of();
        }
        keys.add(key);
        if (key.length() > MIN_VARIANT_LENGTH) {
            keys.add(key(key.substring(0, key.length() - 1)));
        }
        String convenio = key(agreement);
        if (convenio.length() >= 4 && key.startsWith(convenio) && key.length() - convenio.length() >= MIN_VARIANT_LENGTH) {
            keys.add(key(key.substring(convenio.length())));
        }
        if (convenio.length() >= 4 && !key.startsWith(convenio)) {
            keys.add(convenio + key);
        }
        keys.remove("");
        return List.copyOf(keys);
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
