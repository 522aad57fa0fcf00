package br.bankhistory.history.domain;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.PaymentDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The bank's answer to an instruction, read from the retorno title that answers the remessa title carrying it
 * (docs/remessa-lifecycle.md, "Settled by the bank's retorno"): confirmed or rejected, the occurrence, the
 * rejection reasons, and for a title or payment the bank paid the amount and the date.
 *
 * @param order    the retorno's order of application: a later-applied retorno's answer is the later one
 * @param position the title's position in its retorno (two answers in one retorno keep their file order)
 * @param meaning  what the answer says (occurrence, date, amounts): the same answer applied again (a
 *                 reprocessing, a repeated delivery) is the same meaning and settles nothing more
 */
public record Settlement(Outcome outcome, String occurrenceCode, String occurrenceDescription, List<Reason> reasons,
                         String retornoId, Instant at, OptionalLong amountCents, Optional<LocalDate> paidOn,
                         long order, int position, String meaning) {

    public enum Outcome { CONFIRMED, REJECTED }

    /** A rejection reason as the bank codes it, and its text. */
    public record Reason(String code, String description) {
    }

    /** Earlier answers first: by order of application, then by position in the retorno. */
    public static final Comparator<Settlement> APPLIED = Comparator.comparingLong(Settlement::order)
            .thenComparingInt(Settlement::position);

    public Settlement {
        reasons = List.copyOf(reasons);
    }

    /**
     * The answer a retorno title gives, if it is one: a rejection (entry or payment rejected) or a confirmation
     * (the bank registered, paid, wrote off, protested, changed, scheduled or effected it). Tariffs and other
     * notices say nothing of the instruction and settle nothing.
     */
    public static Optional<Settlement> of(StoredItem title, String retornoId, long order, Instant at) {
        Category category = title.item().category();
        if (category == null) {
            return Optional.empty();
        }
        Outcome outcome = switch (category) {
            case ENTRY_REJECTED, PAYMENT_REJECTED -> Outcome.REJECTED;
            case ENTRY_CONFIRMED, PAID, WRITTEN_OFF, PROTESTED, CHANGED, SCHEDULED, EFFECTED -> Outcome.CONFIRMED;
            default -> null;
        };
        if (outcome == null) {
            return Optional.empty();
        }
        OptionalLong amount = OptionalLong.empty();
        Optional<LocalDate> paidOn = Optional.empty();
        if (category == Category.PAID || category == Category.EFFECTED) {
            PaymentDetails payment = title.payment();
            long cents = payment != null && payment.effectiveCents() > 0 ? payment.effectiveCents() : title.paidCents();
            amount = cents > 0 ? OptionalLong.of(cents) : OptionalLong.empty();
            paidOn = Optional.ofNullable(payment != null && payment.effectiveDate() != null ? payment.effectiveDate()
                    : title.occurrenceDate());
        }
        String code = nz(title.occurrenceCode()).strip();
        String meaning = code + "|" + title.occurrenceDate() + "|" + title.amountCents() + "|" + title.paidCents();
        return Optional.of(new Settlement(outcome, code, nz(title.occurrenceText()).strip(),
                reasons(title.item().reasons()), retornoId, at, amount, paidOn, order, title.seq(), meaning));
    }

    /** "08 - Nome do pagador não informado" as its code and text. */
    static List<Reason> reasons(List<String> decoded) {
        if (decoded == null) {
            return List.of();
        }
        return decoded.stream().map(r -> {
            int dash = r.indexOf(" - ");
            return dash < 0 ? new Reason(r.strip(), "") : new Reason(r.substring(0, dash).strip(),
                    r.substring(dash + 3).strip());
        }).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
