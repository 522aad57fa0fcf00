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
 * @param amounts         every amount by its meaning (cobrança); {@code amountCents}, {@code paidCents} and
 *                        {@code feeCents} repeat its title, paid and fee amounts
 * @param payment         the pagamento's details, or null for other items
 * @param pix             the boleto's Pix, or null when the file carries none for the item
 * @param entry           the bank statement entry (extrato), or null for other items
 * @param partial         true when the item was built from a record cut short at the end of the file (a
 *                        truncated file): it is not counted in the summary's totals
 */
public record Item(int line, String segment, String ourNumber, String yourNumber, String occurrenceCode,
                   String occurrenceText, Category category, List<String> reasons, LocalDate dueDate,
                   long amountCents, long paidCents, long feeCents, LocalDate occurrenceDate,
                   LocalDate creditDate, String counterpartName, String counterpartDocument, Amounts amounts,
                   PaymentDetails payment, Pix pix, StatementEntry entry, boolean partial) {

    public Item {
        amounts = amounts == null ? Amounts.of(amountCents, paidCents, feeCents) : amounts;
    }

    /** The item with only the fields every reader had before the amounts, details, Pix and entries. */
    public Item(int line, String segment, String ourNumber, String yourNumber, String occurrenceCode,
                String occurrenceText, Category category, List<String> reasons, LocalDate dueDate,
                long amountCents, long paidCents, long feeCents, LocalDate occurrenceDate,
                LocalDate creditDate, String counterpartName, String counterpartDocument) {
        this(line, segment, ourNumber, yourNumber, occurrenceCode, occurrenceText, category, reasons, dueDate,
                amountCents, paidCents, feeCents, occurrenceDate, creditDate, counterpartName, counterpartDocument,
                null, null, null, null, false);
    }
}
