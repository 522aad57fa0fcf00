package br.bankhistory.history.notify;

import java.util.List;

/**
 * One rejected title or payment as the admin email lists it (plain text, as decoded by the engine).
 *
 * @param ourNumber  nosso número (or the payment's identification); may be blank
 * @param payer      pagador (cobrança) or favorecido (pagamento); may be blank
 * @param occurrence the occurrence in words, e.g. "02 - Entrada rejeitada"; may be blank
 * @param reasons    the rejection reasons in words; may be empty
 */
public record RejectedItemLine(String ourNumber, String payer, String occurrence, List<String> reasons) {

    public RejectedItemLine {
        ourNumber = ourNumber == null ? "" : ourNumber;
        payer = payer == null ? "" : payer;
        occurrence = occurrence == null ? "" : occurrence;
        reasons = reasons == null ? List.of() : reasons.stream().filter(r -> r != null && !r.isBlank()).toList();
    }
}
