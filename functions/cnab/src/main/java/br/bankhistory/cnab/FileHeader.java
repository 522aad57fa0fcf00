package br.bankhistory.cnab;

import java.time.LocalDate;

/**
 * The company and file identity printed in the file header. Fields are empty (or null for the date)
 * when the layout does not carry them.
 *
 * @param companyDocument CNPJ or CPF digits, as printed (callers mask it before logging)
 * @param sequenceNumber  NSA, the file sequence number, or 0 when absent
 */
public record FileHeader(String companyName, String companyDocument, String agency, String account,
                         String agreement, long sequenceNumber, LocalDate generatedOn) {

    public static FileHeader empty() {
        return new FileHeader("", "", "", "", "", 0, null);
    }
}
