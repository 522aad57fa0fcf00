package br.bankhistory.history.domain;

/**
 * One of the tenant's bank accounts (or convênios), as registered by its admins. A file belongs to the
 * tenant's account when its header names the same bank and the same agency and account, or the same convênio
 * (código do beneficiário); digits are compared without punctuation and leading zeros. The company's CNPJ
 * alone never suffices: a company has many accounts, and a file of another of them is not this one's
 * (docs/operations.md, "Registered accounts").
 *
 * <p>The account's channel to the bank, where this service delivers its remessas (docs/remessa-lifecycle.md,
 * "Delivery to the bank"): the AWS Transfer Family SFTP connector ({@code c-} and 17 hexadecimal digits) and the
 * directory on the bank's SFTP server; both empty when none is configured.
 */
public record BankAccount(String bankCode, String agency, String account, String agreement, String companyDocument,
                          String transferConnectorId, String remoteDirectory) {

    public BankAccount {
        bankCode = bankCode == null || bankCode.isBlank() ? "" : String.format("%3s", key(bankCode)).replace(' ', '0');
        agency = digits(agency);
        account = digits(account);
        agreement = digits(agreement);
        companyDocument = digits(companyDocument);
        transferConnectorId = transferConnectorId == null ? "" : transferConnectorId.strip();
        remoteDirectory = remoteDirectory == null ? "" : remoteDirectory.strip();
    }

    /** An account without a channel to the bank. */
    public BankAccount(String bankCode, String agency, String account, String agreement, String companyDocument) {
        this(bankCode, agency, account, agreement, companyDocument, "", "");
    }

    /** Whether remessas of this account can be delivered through an SFTP connector. */
    public boolean hasChannel() {
        return !transferConnectorId.isEmpty() && !remoteDirectory.isEmpty();
    }

    public boolean matches(String fileBank, String fileAgency, String fileAccount, String fileAgreement,
                           String fileDocument) {
        if (!key(bankCode).equals(key(fileBank))) {
            return false;
        }
        boolean sameAgreement = !key(agreement).isEmpty() && key(agreement).equals(key(fileAgreement));
        boolean sameAccount = !key(account).isEmpty() && key(account).equals(key(fileAccount))
                && !key(agency).isEmpty() && key(agency).equals(key(fileAgency));
        boolean documentAgrees = key(companyDocument).isEmpty() || key(fileDocument).isEmpty()
                || key(companyDocument).equals(key(fileDocument));
        return (sameAgreement || sameAccount) && documentAgrees;
    }

    /** Digits only, as typed ("09.018.380/0001-99" is kept as "09018380000199"). */
    static String digits(String value) {
        return value == null ? "" : value.replaceAll("[^0-9]", "");
    }

    /** What is compared: digits without leading zeros ("0001-2" and "12" are the same). */
    static String key(String value) {
        return digits(value).replaceFirst("^0+", "");
    }
}
