package br.bankhistory.history.statement;

import br.bankhistory.cnab.PaymentForm;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.text.PtBr;
import br.bankhistory.history.domain.Categories;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the statement prints, in the formats of the one pt-BR formatter ({@link PtBr}: money, dates, documents,
 * payment forms) and the one category bundle ({@link Categories}), with the statement's own conventions: a dash
 * for what is missing, seu número without its padding, the document titles, statuses and origins. All methods
 * accept null.
 */
public final class PtBrFormat {

    /** Where times are shown (docs/architecture.md: stored UTC, shown in America/Sao_Paulo). */
    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** What an empty date (or value) prints as. */
    public static final String EMPTY = "\u2014";

    private PtBrFormat() {
    }

    /** {@code R$ 1.234,56}; negative as {@code -R$ 1.234,56} (the engine's format, {@link PtBr#money}). */
    public static String money(long cents) {
        return PtBr.money(cents);
    }

    /** {@code 1.234} (thousands grouped with dots). */
    public static String count(long n) {
        return PtBr.count(n);
    }

    /** {@code dd/MM/yyyy}, or {@link #EMPTY} for null. */
    public static String date(LocalDate date) {
        return date == null ? EMPTY : PtBr.date(date);
    }

    /** {@code dd/MM/yyyy HH:mm} in America/Sao_Paulo, or {@link #EMPTY} for null. */
    public static String dateTime(Instant instant) {
        return instant == null ? EMPTY : PtBr.dateTime(instant);
    }

    /**
     * A CNPJ as {@code 00.000.000/0000-00} (also the 2026 alphanumeric CNPJ), a CPF as {@code 000.000.000-00};
     * anything else as given. Not masked: the statement is the company's own document.
     */
    public static String document(String document) {
        return PtBr.document(document);
    }

    /** The pt-BR name of an outcome or instruction category ({@code PAID} -> "Liquidado"); unknown keys as given. */
    public static String category(String category) {
        return category == null ? "" : Categories.label(category);
    }

    /** "Erro", "Aviso", "Informação"; unknown severities as given. */
    public static String severity(String severity) {
        if (severity == null) {
            return "";
        }
        for (Severity known : Severity.values()) {
            if (known.name().equals(severity)) {
                return PtBr.severity(known);
            }
        }
        return severity;
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
        return PtBr.paymentForm(form);
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


    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

}
