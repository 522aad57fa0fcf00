package br.bankhistory.cnab;

/** Count and sums (cents) of the items of one category or occurrence code. */
public record CategoryTotal(long count, long amountCents, long paidCents, long feeCents) {

    public static final CategoryTotal ZERO = new CategoryTotal(0, 0, 0, 0);

    public CategoryTotal plus(Item item) {
        return new CategoryTotal(count + 1, amountCents + item.amountCents(), paidCents + item.paidCents(),
                feeCents + item.feeCents());
    }
}
