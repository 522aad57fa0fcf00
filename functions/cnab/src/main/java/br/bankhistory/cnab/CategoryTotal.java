package br.bankhistory.cnab;

/**
 * Count and sums (cents) of the items of one category or occurrence code; {@code amounts} sums every
 * amount by its meaning ({@code amountCents}, {@code paidCents}, {@code feeCents} repeat three of them).
 */
public record CategoryTotal(long count, long amountCents, long paidCents, long feeCents, Amounts amounts) {

    public static final CategoryTotal ZERO = new CategoryTotal(0, 0, 0, 0, Amounts.ZERO);

    public CategoryTotal {
        amounts = amounts == null ? Amounts.of(amountCents, paidCents, feeCents) : amounts;
    }

    public CategoryTotal(long count, long amountCents, long paidCents, long feeCents) {
        this(count, amountCents, paidCents, feeCents, null);
    }

    public CategoryTotal plus(Item item) {
        return new CategoryTotal(count + 1, amountCents + item.amountCents(), paidCents + item.paidCents(),
                feeCents + item.feeCents(), amounts.plus(item.amounts()));
    }
}
