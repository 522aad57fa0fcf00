package br.bankhistory.cnab;

import java.time.LocalDate;

/**
 * One entry of a bank statement (extrato, CNAB 240 service 04, segment E). The item that carries it has
 * category {@link Category#CREDIT} or {@link Category#DEBIT}, its amount and its date.
 *
 * @param accountingDate data contábil (135-142), or null
 * @param date           data do lançamento (143-150)
 * @param amountCents    valor do lançamento (151-168), always positive
 * @param credit         true for "C" (169), false for "D"
 * @param categoryCode   FEBRABAN category of the entry (170-172, e.g. 202 "Líquido de cobrança")
 * @param categoryText   the category in words, or empty when unknown
 * @param historyCode    the bank's history code (173-176)
 * @param historyText    the bank's history text (177-201)
 * @param documentNumber número do documento / complemento (202-240)
 */
public record StatementEntry(LocalDate accountingDate, LocalDate date, long amountCents, boolean credit,
                             String categoryCode, String categoryText, String historyCode, String historyText,
                             String documentNumber) {
}
