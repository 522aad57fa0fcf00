package br.bankhistory.cnab;

/**
 * What a file is, detected from its content (never from its name).
 *
 * @param bankCode      the three-digit FEBRABAN code, or empty when unknown
 * @param bankName      the bank's short name, or empty when unknown
 * @param layoutVersion the layout version printed in the header (240: positions 164-166), or empty
 */
public record Classification(Layout layout, Direction direction, Service service,
                             String bankCode, String bankName, String layoutVersion) {

    public static Classification notCnab() {
        return new Classification(Layout.NOT_CNAB, Direction.UNKNOWN, Service.UNKNOWN, "", "", "");
    }

    public boolean isCnab() {
        return layout != Layout.NOT_CNAB;
    }
}
