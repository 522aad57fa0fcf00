package br.bankhistory.cnab.text;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.PaymentForm;
import br.bankhistory.cnab.Service;
import br.bankhistory.cnab.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * How people in Brazil read the engine's values, without the JVM's locale data: money {@code R$ 1.234,56}
 * (negative {@code -R$ 1.234,56}, {@code Long.MIN_VALUE} included), counts {@code 1.234}, dates
 * {@code dd/MM/yyyy}, times in America/Sao_Paulo, CPF/CNPJ with their punctuation, and the pt-BR names of
 * categories, severities, services, directions and payment forms. The one formatter of the engine (the
 * command line uses it; the service's statement and e-mail can).
 */
public final class PtBr {

    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static final Map<Category, String> CATEGORIES = categories();

    private PtBr() {
    }

    /**
     * {@code R$ 1.234,56}; negative amounts {@code -R$ 1.234,56}. Plain spaces, so text search works. Written
     * into one small buffer, as the statement formats every amount of files of a million items with it.
     */
    public static String money(long cents) {
        char[] buf = new char[32];
        int pos = buf.length;
        boolean negative = cents < 0;
        long v = negative ? cents : -cents; // the negative range: Long.MIN_VALUE has no positive twin
        int fraction = (int) -(v % 100);
        v /= 100;
        buf[--pos] = (char) ('0' + fraction % 10);
        buf[--pos] = (char) ('0' + fraction / 10);
        buf[--pos] = ',';
        pos = grouped(buf, pos, v);
        buf[--pos] = ' ';
        buf[--pos] = '$';
        buf[--pos] = 'R';
        if (negative) {
            buf[--pos] = '-';
        }
        return new String(buf, pos, buf.length - pos);
    }

    /** {@code 1.234}; negative {@code -1.234}. */
    public static String count(long n) {
        if (n > -1000 && n < 1000) {
            return Long.toString(n);
        }
        char[] buf = new char[32];
        int pos = grouped(buf, buf.length, n < 0 ? n : -n);
        if (n < 0) {
            buf[--pos] = '-';
        }
        return new String(buf, pos, buf.length - pos);
    }

    /** Writes the digits of {@code -negative} before {@code pos}, thousands grouped with dots; the new start. */
    private static int grouped(char[] buf, int pos, long negative) {
        long v = negative;
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
        return pos;
    }

    /** {@code dd/MM/yyyy}, or empty for null. */
    public static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return date.toString();
        }
        return two(date.getDayOfMonth()) + "/" + two(date.getMonthValue()) + "/" + four(year);
    }

    /** {@code dd/MM/yyyy HH:mm} in America/Sao_Paulo, or empty for null. */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, SAO_PAULO);
        return date(local.toLocalDate()) + " " + two(local.getHour()) + ":" + two(local.getMinute());
    }

    /**
     * A CNPJ as {@code 00.000.000/0000-00} (the alphanumeric CNPJ of 2026 too), a CPF as {@code 000.000.000-00};
     * anything else stripped, as given.
     */
    public static String document(String document) {
        if (document == null) {
            return "";
        }
        String d = document.strip();
        if (d.length() == 14 && d.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            return d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5, 8) + "/" + d.substring(8, 12)
                    + "-" + d.substring(12);
        }
        if (d.length() == 11 && d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
        }
        return d;
    }

    /** The pt-BR name of an outcome or instruction ({@code PAID} -> "Liquidado"). */
    public static String category(Category category) {
        return category == null ? "" : CATEGORIES.get(category);
    }

    /** Like {@link #category(Category)} from its name; an unknown name is returned as given. */
    public static String category(String name) {
        if (name == null) {
            return "";
        }
        for (Category category : Category.values()) {
            if (category.name().equals(name)) {
                return CATEGORIES.get(category);
            }
        }
        return name;
    }

    /** "Erro", "Aviso", "Informação". */
    public static String severity(Severity severity) {
        if (severity == null) {
            return "";
        }
        return switch (severity) {
            case ERROR -> "Erro";
            case WARNING -> "Aviso";
            case INFO -> "Informação";
        };
    }

    public static String service(Service service) {
        if (service == null) {
            return "";
        }
        return switch (service) {
            case COBRANCA -> "Cobrança";
            case PAGAMENTO -> "Pagamento";
            case EXTRATO -> "Extrato bancário";
            case UNKNOWN -> "Desconhecido";
        };
    }

    public static String direction(Direction direction) {
        if (direction == null) {
            return "";
        }
        return switch (direction) {
            case REMESSA -> "Remessa";
            case RETORNO -> "Retorno";
            case UNKNOWN -> "Desconhecida";
        };
    }

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
            case CONCESSIONARIA -> "Conta de consumo";
            case TRIBUTO -> "Tributo";
            case CHEQUE -> "Cheque";
            case ORDEM_PAGAMENTO -> "Ordem de pagamento";
            case OTHER -> "Outra forma";
        };
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String four(int value) {
        String s = Integer.toString(value);
        return "0".repeat(4 - s.length()) + s;
    }

    private static Map<Category, String> categories() {
        Map<Category, String> names = new EnumMap<>(Category.class);
        names.put(Category.ENTRY_CONFIRMED, "Entrada confirmada");
        names.put(Category.ENTRY_REJECTED, "Entrada rejeitada");
        names.put(Category.PAID, "Liquidado");
        names.put(Category.WRITTEN_OFF, "Baixado");
        names.put(Category.PROTESTED, "Protestado");
        names.put(Category.CHANGED, "Alterado");
        names.put(Category.FEE, "Tarifa");
        names.put(Category.SCHEDULED, "Agendado");
        names.put(Category.EFFECTED, "Efetivado");
        names.put(Category.PAYMENT_REJECTED, "Pagamento rejeitado");
        names.put(Category.OTHER, "Outros");
        names.put(Category.CREDIT, "Crédito");
        names.put(Category.DEBIT, "Débito");
        names.put(Category.INSTRUCTION_ENTRY, "Instrução: entrada de título");
        names.put(Category.INSTRUCTION_WRITE_OFF, "Instrução: pedido de baixa");
        names.put(Category.INSTRUCTION_CHANGE, "Instrução: alteração");
        names.put(Category.INSTRUCTION_PROTEST, "Instrução: protesto");
        names.put(Category.INSTRUCTION_PAYMENT, "Instrução: pagamento");
        names.put(Category.INSTRUCTION_OTHER, "Instrução: outras");
        return names;
    }
}
