package br.bankhistory.cnab;

/**
 * The money of a cobrança item by its meaning, in cents, as the bank prints it (0 where the bank's layout
 * has no such column or leaves it blank). The same record sums items in {@link CategoryTotal}.
 *
 * @param titleCents        valor do título (face value)
 * @param paidCents         valor pago pelo sacado (what the payer paid; 0 when not paid)
 * @param netCreditedCents  valor líquido creditado to the company's account
 * @param feeCents          tarifa
 * @param interestCents     juros / mora (240 U 18-32 "juros/multa/encargos" where the bank does not split them)
 * @param fineCents         multa
 * @param discountCents     desconto
 * @param rebateCents       abatimento
 * @param iofCents          IOF
 * @param otherCreditsCents outros créditos
 * @param otherDebitsCents  outros débitos / outras despesas
 */
public record Amounts(long titleCents, long paidCents, long netCreditedCents, long feeCents, long interestCents,
                      long fineCents, long discountCents, long rebateCents, long iofCents, long otherCreditsCents,
                      long otherDebitsCents) {

    public static final Amounts ZERO = new Amounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Only the three amounts every item had before the others were read. */
    public static Amounts of(long titleCents, long paidCents, long feeCents) {
        return new Amounts(titleCents, paidCents, 0, feeCents, 0, 0, 0, 0, 0, 0, 0);
    }

    public Amounts plus(Amounts other) {
        return new Amounts(titleCents + other.titleCents, paidCents + other.paidCents,
                netCreditedCents + other.netCreditedCents, feeCents + other.feeCents,
                interestCents + other.interestCents, fineCents + other.fineCents,
                discountCents + other.discountCents, rebateCents + other.rebateCents, iofCents + other.iofCents,
                otherCreditsCents + other.otherCreditsCents, otherDebitsCents + other.otherDebitsCents);
    }

    /** The amounts in a fixed order (the order of the components), for code that sums them in arrays. */
    public long[] toArray() {
        return new long[] {titleCents, paidCents, netCreditedCents, feeCents, interestCents, fineCents, discountCents,
                rebateCents, iofCents, otherCreditsCents, otherDebitsCents};
    }

    /** The inverse of {@link #toArray()}, from {@code offset}. */
    public static Amounts fromArray(long[] values, int offset) {
        return new Amounts(values[offset], values[offset + 1], values[offset + 2], values[offset + 3],
                values[offset + 4], values[offset + 5], values[offset + 6], values[offset + 7], values[offset + 8],
                values[offset + 9], values[offset + 10]);
    }

    /** How many amounts {@link #toArray()} holds. */
    public static final int COUNT = 11;
}
