package br.bankhistory.history.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * How a cobrança credit links an extrato's entry and the retornos whose credited total it is
 * (docs/remessa-lifecycle.md, "Cobrança credits in the extrato"), as each side shows it.
 *
 * @param status      MATCHED (an extrato entry, {@code with} the retornos whose totals sum to it), NOT_FOUND (an
 *                    extrato entry no retorno accounts for), CREDITED (a retorno's credit date, {@code with} the
 *                    extrato entry that credited it)
 * @param date        the credit date (the entry's date; the retorno's credit date)
 * @param amountCents the entry's amount (extrato side) or the retorno's total credited on the date (retorno side)
 * @param with        the other side: retornos, or the one extrato entry; empty when NOT_FOUND
 */
public record CreditLink(Status status, LocalDate date, long amountCents, List<Party> with) {

    public CreditLink {
        with = with == null ? List.of() : List.copyOf(with);
    }

    public enum Status {
        MATCHED, NOT_FOUND, CREDITED
    }

    /**
     * The other file of the link.
     *
     * @param seq         the extrato entry's position (on a retorno's link), 0 for a retorno
     * @param line        the extrato entry's line, 0 for a retorno
     * @param amountCents the retorno's total credited on the date, or the extrato entry's amount
     */
    public record Party(String recordId, String fileName, int seq, int line, long amountCents) {
    }
}
