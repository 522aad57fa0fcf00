package br.bankhistory.history.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How Brazilians read money, dates and the outcome categories, and how untrusted text is made safe. */
final class PtBr {

    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(SAO_PAULO);

    /** The pt-BR names of {@code br.bankhistory.cnab.Category}, in the order the email lists them. */
    private static final Map<String, String> CATEGORIES = orderedCategories();

    private PtBr() {
    }

    /** {@code R$ 1.234,56}; negative amounts as {@code -R$ 1,00}. */
    static String money(long cents) {
        String sign = cents < 0 ? "-" : "";
        // Math.abs(Long.MIN_VALUE) is negative: go through the unsigned string
        String digits = cents == Long.MIN_VALUE ? Long.toUnsignedString(Long.MIN_VALUE) : Long.toString(Math.abs(cents));
        while (digits.length() < 3) {
            digits = "0" + digits;
        }
        String reais = digits.substring(0, digits.length() - 2);
        String centavos = digits.substring(digits.length() - 2);
        StringBuilder grouped = new StringBuilder(reais.length() + reais.length() / 3);
        for (int i = 0; i < reais.length(); i++) {
            if (i > 0 && (reais.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(reais.charAt(i));
        }
        return sign + "R$ " + grouped + "," + centavos;
    }

    /** {@code 1.234} */
    static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + grouped;
    }

    /** {@code dd/MM/yyyy}, or empty. */
    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
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
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** The category's pt-BR name; an unknown key is shown as it is. */
    static String category(String key) {
        return CATEGORIES.getOrDefault(key, key);
    }

    /** Sort position of a category key: the known ones in the order above, unknown ones after. */
    static int categoryOrder(String key) {
        int i = 0;
        for (String known : CATEGORIES.keySet()) {
            if (known.equals(key)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
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

    private static Map<String, String> orderedCategories() {
        var map = new java.util.LinkedHashMap<String, String>();
        map.put("ENTRY_CONFIRMED", "Entrada confirmada");
        map.put("ENTRY_REJECTED", "Entrada rejeitada");
        map.put("PAID", "Liquidado");
        map.put("WRITTEN_OFF", "Baixado");
        map.put("PROTESTED", "Protestado");
        map.put("CHANGED", "Alterado");
        map.put("FEE", "Tarifa");
        map.put("SCHEDULED", "Agendado");
        map.put("EFFECTED", "Efetivado");
        map.put("PAYMENT_REJECTED", "Pagamento rejeitado");
        map.put("OTHER", "Outros");
        map.put("REPEATED", "Já informado por retorno anterior");
        map.put("INSTRUCTION_ENTRY", "Instrução: entrada de título");
        map.put("INSTRUCTION_WRITE_OFF", "Instrução: pedido de baixa");
        map.put("INSTRUCTION_CHANGE", "Instrução: alteração");
        map.put("INSTRUCTION_PROTEST", "Instrução: protesto");
        map.put("INSTRUCTION_PAYMENT", "Instrução: pagamento");
        map.put("INSTRUCTION_OTHER", "Instrução: outras");
        return java.util.Collections.unmodifiableMap(map);
    }
}
