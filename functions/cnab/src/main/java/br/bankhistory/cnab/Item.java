package br.bankhistory.cnab;

import java.time.LocalDate;
import java.util.List;

/**
 * One title (cobrança) or payment (pagamento): a T+U pair, a P+Q(+R/S/Y) group, a 400 detail, an A(+B),
 * J(+J-52), O or N(+Z) group. Complement records are folded into it. Money is in cents.
 *
 * @param line            the 1-based line of the item's first record
 * @param ourNumber       nosso número as printed, trimmed
 * @param yourNumber      seu número / número do documento, trimmed
 * @param occurrenceCode  movimento / ocorrência code as printed (2 characters)
 * @param occurrenceText  the code in words (pt-BR)
 * @param reasons         decoded reason codes with their text, e.g. "A4 - Pagador DDA"
 * @param dueDate         vencimento, or null
 * @param amountCents     valor do título / pagamento
 * @param paidCents       valor pago (0 when not paid)
 * @param feeCents        tarifa
 * @param occurrenceDate  data da ocorrência / pagamento, or null
 * @param creditDate      data do crédito, or null
 * @param counterpartName pagador (cobrança) or favorecido / beneficiário (pagamento)
 */
public record Item(int line, String segment, String ourNumber, String yourNumber, String occurrenceCode,
                   String occurrenceText, Category category, List<String> reasons, LocalDate dueDate,
                   long amountCents, long paidCents, long feeCents, LocalDate occurrenceDate,
                   LocalDate creditDate, String counterpartName, String counterpartDocument) {
}
