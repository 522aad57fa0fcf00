package br.bankhistory.history.notify;

import br.bankhistory.history.domain.Categories;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The email's text: money, dates and categories as the one pt-BR formatter writes them ({@link
 * br.bankhistory.cnab.text.PtBr}, {@link Categories}), the email's short dates, and how untrusted text is made safe.
 */
final class PtBr {

    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    private PtBr() {
    }

    /** {@code R$ 1.234,56}; negative amounts as {@code -R$ 1,00}. */
    static String money(long cents) {
        return br.bankhistory.cnab.text.PtBr.money(cents);
    }

    /** {@code 1.234} */
    static String count(long n) {
        return br.bankhistory.cnab.text.PtBr.count(n);
    }

    /** {@code dd/MM/yyyy}, or empty. */
    static String date(LocalDate date) {
        return br.bankhistory.cnab.text.PtBr.date(date);
    }

    /** {@code dd/MM}, or empty. */
    static String dayMonth(LocalDate date) {
        return date == null ? "" : DAY_MONTH.format(date);
    }

    /** The calendar day of an instant in America/Sao_Paulo, or null. */
    static LocalDate day(Instant instant) {
        return instant == null ? null : instant.atZone(SAO_PAULO).toLocalDate();
    }

    /** {@code dd/MM/yyyy HH:mm} in America/Sao_Paulo, or empty. */
    static String dateTime(Instant instant) {
        return br.bankhistory.cnab.text.PtBr.dateTime(instant);
    }

    /** The category's pt-BR name; an unknown key is shown as it is. */
    static String category(String key) {
        return Categories.label(key);
    }

    /** Sort position of a category key: the engine's in their order, unknown ones after. */
    static int categoryOrder(String key) {
        return Categories.order(key);
    }

    static String severity(String severity) {
        if (severity == null) {
            return "Ocorrência";
        }
        return switch (severity) {
            case "ERROR" -> "Erro";
            case "WARNING" -> "Aviso";
            case "INFO" -> "Informação";
            default -> severity;
        };
    }

    /** "1 título", "9 títulos", with the noun right for the file's service. */
    static String items(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /**
     * Untrusted text (file names, bank texts, payer names) made one clean line: control characters (CR, LF,
     * tabs, NUL, bidi overrides) become spaces, runs of spaces collapse, the ends are trimmed; null is empty.
     */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || isFormatting(c);
            if (blank) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** HTML-escapes text for element content and double- or single-quoted attribute values. */
    static String html(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Shortens to at most {@code max} characters, keeping the start and the end (e.g. the extension). */
    static String abbreviateMiddle(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        if (max <= 1) {
            return "…".substring(0, Math.max(0, max));
        }
        int keep = max - 1;
        int tail = Math.min(keep / 3, 12);
        int head = keep - tail;
        return value.substring(0, head) + "…" + value.substring(value.length() - tail);
    }

    /** Shortens to at most {@code max} characters, ending with an ellipsis when cut. */
    static String abbreviateEnd(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        return max <= 1 ? "…".substring(0, Math.max(0, max)) : value.substring(0, max - 1) + "…";
    }

    /** Bidi overrides and other invisible formatting characters that could disguise a file name. */
    private static boolean isFormatting(char c) {
        return Character.getType(c) == Character.FORMAT;
    }
}
