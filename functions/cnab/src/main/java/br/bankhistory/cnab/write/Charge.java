package br.bankhistory.cnab.write;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Juros, multa or desconto of a title, as the bank's manual codes it.
 *
 * @param code  the bank's code for the kind of charge (FEBRABAN 240 juros: 1 value per day, 2 monthly rate,
 *              3 exempt; multa: 1 fixed value, 2 percentage; desconto: 1 fixed value until the date), or
 *              null for the layout's default
 * @param date  from when (juros, multa) or until when (desconto) it applies, or null
 * @param value the amount in reais or the rate in percent, as the code says; written with the field's
 *              decimals (a value with more decimal places than the field holds is refused)
 */
public record Charge(String code, LocalDate date, BigDecimal value) {

    public Charge {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("negative charge " + value);
        }
    }

    /** A charge with the layout's default code. */
    public static Charge of(LocalDate date, BigDecimal value) {
        return new Charge(null, date, value);
    }
}
