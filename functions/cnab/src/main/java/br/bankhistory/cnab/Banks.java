package br.bankhistory.cnab;

import br.bankhistory.cnab.bank.BankCatalog;

/**
 * FEBRABAN bank codes and the short names people know the banks by: a thin view of
 * {@link BankCatalog#standard()}, where banks are described.
 */
public final class Banks {

    private Banks() {
    }

    /** The bank's short name, or empty when the code is not known. */
    public static String shortName(String code) {
        return BankCatalog.standard().name(code);
    }

    public static boolean isKnown(String code) {
        return BankCatalog.standard().isKnown(code);
    }
}
