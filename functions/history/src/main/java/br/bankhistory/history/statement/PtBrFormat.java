package br.bankhistory.history.statement;

import br.bankhistory.cnab.PaymentForm;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The pt-BR formats statements (and anything else users read) print: {@code R$ 1.234,56}, {@code dd/MM/yyyy},
 * {@code dd/MM/yyyy HH:mm} in America/Sao_Paulo, CNPJ/CPF punctuation, and the names of categories, severities,
 * statuses and origins. Allocation-light (no {@code NumberFormat} / {@code DateTimeFormatter} per call): the
 * statement calls these tens of thousands of times per document. All methods accept null.
 */
public final class PtBrFormat {

    /** Where times are shown (docs/architecture.md: stored UTC, shown in America/Sao_Paulo). */
    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** What an empty date (or value) prints as. */
    public static final String EMPTY = "\u2014";

    private static final Map<String, String> CATEGORY = Map.ofEntries(
            Map.entry("ENTRY_CONFIRMED", "Entrada confirmada"),
            Map.entry("ENTRY_REJECTED", "Entrada rejeitada"),
            Map.entry("PAID", "Liquidado"),
            Map.entry("WRITTEN_OFF", "Baixado"),
            Map.entry("PROTESTED", "Protestado"),
            Map.entry("CHANGED", "Alterado"),
            Map.entry("FEE", "Tarifa"),
            Map.entry("SCHEDULED", "Agendado"),
            Map.entry("EFFECTED", "Efetivado"),
            Map.entry("PAYMENT_REJECTED", "Pagamento rejeitado"),
            Map.entry("OTHER", "Outros"),
            Map.entry("CREDIT", "Crédito"),
            Map.entry("DEBIT", "Débito"),
            Map.entry("INSTRUCTION_ENTRY", "Entrada de título"),
            Map.entry("INSTRUCTION_WRITE_OFF", "Pedido de baixa"),
            Map.entry("INSTRUCTION_CHANGE", "Alteração"),
            Map.entry("INSTRUCTION_PROTEST", "Protesto"),
            Map.entry("INSTRUCTION_PAYMENT", "Pagamento"),
            Map.entry("INSTRUCTION_OTHER", "Outra instrução"),
            Map.entry("REPEATED", "Já informado (não aplicado)"));

    private PtBrFormat() {
    }

    /** {@code R$ 1.234,56}; negative as {@code -R$ 1.234,56}. Plain spaces (no NBSP), so text search works. */
    public static String money(long cents) {
        char[] buf = new char[32];
        int pos = buf.length;
        boolean negative = cents < 0;
        long v = negative ? cents : -cents; // work in the negative range: Long.MIN_VALUE has no positive twin
        int fraction = (int) -(v % 100);
        v /= 100;
        buf[--pos] = (char) ('0' + fraction % 10);
        buf[--pos] = (char) ('0' + fraction / 10);
        buf[--pos] = ',';
        int group = 0;
        do {
            if (group == 3) {
                buf[--pos] = '.';
                group = 0;
            }
            buf[--pos] = (char) ('0' - (v % 10));
            v /= 10;
            group++;
        } while (v != 0);
        buf[--pos] = ' ';
        buf[--pos] = '$';
        buf[--pos] = 'R';
        if (negative) {
            buf[--pos] = '-';
        }
        return new String(buf, pos, buf.length - pos);
    }

    /** {@code 1.234} (thousands grouped with dots). */
    public static String count(long n) {
        if (n > -1000 && n < 1000) {
            return Long.toString(n);
        }
        char[] buf = new char[32];
        int pos = buf.length;
        long v = n < 0 ? n : -n;
        int group = 0;
        do {
            if (group == 3) {
                buf[--pos] = '.';
                group = 0;
            }
            buf[--pos] = (char) ('0' - (v % 10));
            v /= 10;
            group++;
        } while (v != 0);
        if (n < 0) {
            buf[--pos] = '-';
        }
        return new String(buf, pos, buf.length - pos);
    }

    /** {@code dd/MM/yyyy}, or {@link #EMPTY} for null. */
    public static String date(LocalDate date) {
        if (date == null) {
            return EMPTY;
        }
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return date.toString();
        }
        char[] c = new char[10];
        put2(c, 0, date.getDayOfMonth());
        c[2] = '/';
        put2(c, 3, date.getMonthValue());
        c[5] = '/';
        put2(c, 6, year / 100);
        put2(c, 8, year % 100);
        return new String(c);
    }

    /** {@code dd/MM/yyyy HH:mm} in America/Sao_Paulo, or {@link #EMPTY} for null. */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return EMPTY;
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZONE);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return t.toString();
        }
        char[] c = new char[6];
        c[0] = ' ';
        put2(c, 1, t.getHour());
        c[3] = ':';
        put2(c, 4, t.getMinute());
        return date(t.toLocalDate()) + new String(c);
    }

    /**
     * A CNPJ as {@code 00.000.000/0000-00} (also the 2026 alphanumeric CNPJ), a CPF as {@code 000.000.000-00};
     * anything else as given. Not masked: the statement is the company's own document.
     */
    public static String document(String document) {
        if (document == null) {
            return "";
        }
        String d = document.strip();
        if (d.length() == 14 && isAlphanumeric(d)) {
            return d.substring(0, 2) + '.' + d.substring(2, 5) + '.' + d.substring(5, 8) + '/' + d.substring(8, 12)
                    + '-' + d.substring(12);
        }
        if (d.length() == 11 && isDigits(d)) {
            return d.substring(0, 3) + '.' + d.substring(3, 6) + '.' + d.substring(6, 9) + '-' + d.substring(9);
        }
        return d;
    }

    /** The pt-BR name of an outcome or instruction category ({@code PAID} -> "Liquidado"); unknown keys as given. */
    public static String category(String category) {
        if (category == null) {
            return "";
        }
        return CATEGORY.getOrDefault(category, category);
    }

    /** "Erro", "Aviso", "Informação"; unknown severities as given. */
    public static String severity(String severity) {
        if (severity == null) {
            return "";
        }
        return switch (severity) {
            case "ERROR" -> "Erro";
            case "WARNING" -> "Aviso";
            case "INFO" -> "Informação";
            default -> severity;
        };
    }

    /** The status as users read it ("Processado", "Rejeitado", ...). */
    public static String status(RecordStatus status) {
        return status == null ? "" : status.label();
    }

    /** "Integração" for automatic files; the person's name (or "Manual") otherwise. */
    public static String user(Origin origin, String userName) {
        if (origin == Origin.AUTOMATIC) {
            return "Integração";
        }
        return userName == null || userName.isBlank() ? "Manual" : userName.strip();
    }

    /** "Automática" / "Manual". */
    public static String origin(Origin origin) {
        if (origin == null) {
            return "";
        }
        return origin == Origin.AUTOMATIC ? "Automática" : "Manual";
    }

    /**
     * Seu número as a person reads it: a number without the zeros the layout pads it with ({@code 00000011} is
     * {@code 11}); only zeros is no number at all (empty); anything with letters or symbols as printed.
     */
    public static String yourNumber(String yourNumber) {
        if (yourNumber == null) {
            return "";
        }
        String s = yourNumber.strip();
        if (!isDigits(s)) {
            return s;
        }
        int first = 0;
        while (first < s.length() && s.charAt(first) == '0') {
            first++;
        }
        return s.substring(first);
    }

    /** The forma de pagamento in words ("TED", "Boleto", "Tributo", ...); empty for null. */
    public static String paymentForm(PaymentForm form) {
        if (form == null) {
            return "";
        }
        return switch (form) {
            case CREDITO_CONTA -> "Crédito em conta";
            case DOC -> "DOC";
            case TED -> "TED";
            case PIX -> "Pix";
            case BOLETO -> "Boleto";
            case CONCESSIONARIA -> "Concessionária";
            case TRIBUTO -> "Tributo";
            case CHEQUE -> "Cheque";
            case ORDEM_PAGAMENTO -> "Ordem de pagamento";
            case OTHER -> "Outra";
        };
    }

    /** The statement's title for a kind: "Extrato do Retorno de Cobrança", ... */
    public static String statementTitle(FileKind kind) {
        if (kind == null) {
            return "Extrato do Arquivo";
        }
        return switch (kind) {
            case REMESSA_COBRANCA -> "Extrato da Remessa de Cobrança";
            case REMESSA_PAGAMENTO -> "Extrato da Remessa de Pagamento";
            case RETORNO_COBRANCA -> "Extrato do Retorno de Cobrança";
            case RETORNO_PAGAMENTO -> "Extrato do Retorno de Pagamento";
            case EXTRATO -> "Extrato Bancário";
            case OTHER -> "Extrato do Arquivo";
        };
    }

    private static void put2(char[] c, int at, int value) {
        c[at] = (char) ('0' + value / 10 % 10);
        c[at + 1] = (char) ('0' + value % 10);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
