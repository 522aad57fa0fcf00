package br.bankhistory.cnab;

import java.time.LocalDate;
import java.util.List;

/**
 * What a finance team checks on one pagamento item (CNAB 240 A+B, J+J-52, O, N, with Z), read where the
 * bank's layout prints it (empty text, 0 or null otherwise).
 *
 * @param form            the forma de pagamento, from the lote header (positions 12-13)
 * @param formCode        the G029 code as printed
 * @param companyNumber   seu número: the company's id of the payment (A 74-93, J 183-202, O 123-142, N 18-37)
 * @param bankNumber      the bank's own number of the payment (A 135-154, J 203-222, O 143-162, N 38-57)
 * @param scheduledDate   the date the company asked for
 * @param scheduledCents  the amount the company asked for
 * @param effectiveDate   data efetiva (A 155-162; J/O/N: the payment date the bank returns)
 * @param effectiveCents  valor efetivado (A 163-177; J 153-167 when effected); 0 when not effected
 * @param payeeDocument   the favorecido's / beneficiário's CPF or CNPJ digits (B 19-32, J-52 77-91)
 * @param payeeBank       the favorecido's bank code (A 21-23)
 * @param payeeAgency     agency with its digit (A 24-29)
 * @param payeeAccount    account with its digit (A 30-42)
 * @param authentication  the bank's authentication (Z 15-78)
 * @param barcode         the boleto's or bill's barcode (J / O 18-61)
 * @param interestCents   juros / mora (J 130-144, B 181-195)
 * @param fineCents       multa (B 196-210)
 * @param discountCents   desconto (J 115-129, B 166-180)
 * @param rebateCents     abatimento (B 151-165)
 * @param occurrences     every code of 231-240 (up to five), each in words
 */
public record PaymentDetails(PaymentForm form, String formCode, String companyNumber, String bankNumber,
                             LocalDate scheduledDate, long scheduledCents, LocalDate effectiveDate,
                             long effectiveCents, String payeeDocument, String payeeBank, String payeeAgency,
                             String payeeAccount, String authentication, String barcode, long interestCents,
                             long fineCents, long discountCents, long rebateCents, List<CodeText> occurrences) {

    public PaymentDetails {
        occurrences = List.copyOf(occurrences);
    }
}
