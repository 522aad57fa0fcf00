package br.bankhistory.history.domain;

/** Count and sums (cents) of one outcome category of a file. */
public record Totals(long count, long amountCents, long paidCents, long feeCents) {

    /** Both counts and sums together. */
    public Totals plus(Totals other) {
        return new Totals(count + other.count, amountCents + other.amountCents, paidCents + other.paidCents,
                feeCents + other.feeCents);
    }
}
