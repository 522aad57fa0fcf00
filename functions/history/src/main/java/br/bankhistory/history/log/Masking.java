package br.bankhistory.history.log;

/** Hides CPF/CNPJ and account numbers before they reach a log line. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first two and the last two digits: {@code 12**********34}. */
    public static String document(String digits) {
        return keepEnds(digits, 2, 2);
    }

    /** Keeps only the last two characters: {@code ******78}. */
    public static String account(String value) {
        return keepEnds(value, 0, 2);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.length() <= head + tail) {
            return "*".repeat(trimmed.length());
        }
        return trimmed.substring(0, head) + "*".repeat(trimmed.length() - head - tail)
                + trimmed.substring(trimmed.length() - tail);
    }
}
