package br.bankhistory.history.domain;

/** Count and sums (cents) of one outcome category of a file. */
public record Totals(long count, long amountCents, long paidCents, long feeCents) {
}
