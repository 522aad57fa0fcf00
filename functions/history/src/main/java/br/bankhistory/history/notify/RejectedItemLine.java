package br.bankhistory.history.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * One rejected title or payment as the admin email lists it (plain text, as decoded by the engine).
 *
 * @param ourNumber   nosso número (a payment's number at the bank); may be blank
 * @param yourNumber  seu número: the company's own number of the title or payment; may be blank
 * @param payer       pagador (cobrança) or favorecido (pagamento); may be blank
 * @param occurrence  the occurrence in words, e.g. "02 - Entrada rejeitada"; may be blank
 * @param reasons     the rejection reasons in words; may be empty
 * @param amountCents the title's or payment's amount (a payment: the amount asked for); 0 when unknown
 * @param date        a payment's date asked for (a title: its due date); null when unknown
 */
public record RejectedItemLine(String ourNumber, String yourNumber, String payer, String occurrence,
                               List<String> reasons, long amountCents, LocalDate date) {

    public RejectedItemLine {
        ourNumber = ourNumber == null ? "" : ourNumber;
        yourNumber = yourNumber == null ? "" : yourNumber;
        payer = payer == null ? "" : payer;
        occurrence = occurrence == null ? "" : occurrence;
        reasons = reasons == null ? List.of() : reasons.stream().filter(r -> r != null && !r.isBlank()).toList();
    }

    /** A line with only the number, who, what and why. */
    public RejectedItemLine(String ourNumber, String payer, String occurrence, List<String> reasons) {
        this(ourNumber, "", payer, occurrence, reasons, 0, null);
    }
}
