package br.bankhistory.cnab.write;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * The company and file identity a remessa carries: in its headers, and in every detail where the bank's
 * layout repeats it (agency, account, convênio). Each value goes to the layout fields of the same meaning
 * ({@code company_name}, {@code agency}, {@code agreement}, ...), at the bank's own positions.
 *
 * @param bankCode       FEBRABAN code of the bank the file goes to ("341"): picks the layout
 * @param companyName    beneficiário / empresa name (free text: cut to the field)
 * @param companyDocument CNPJ or CPF; punctuation is ignored
 * @param agreement      convênio / código do beneficiário / código de transmissão, as the bank issued it
 * @param wallet         carteira number as the bank names it (BB "17", Itaú "109"), where the layout has one
 * @param sequenceNumber NSA, the file's sequence number
 * @param generatedAt    generation date and time of the file
 * @param extraFields    values for layout fields the typed input does not model, by field name (e.g.
 *                       {@code wallet_variation} for Banco do Brasil), applied to every record that has
 *                       the field; they win over the typed values
 */
public record RemessaHeader(String bankCode, String companyName, String companyDocument, String agency,
                           String agencyDigit, String account, String accountDigit, String agreement,
                           String wallet, long sequenceNumber, LocalDateTime generatedAt,
                           Map<String, String> extraFields) {

    public RemessaHeader {
        Objects.requireNonNull(bankCode, "bankCode");
        Objects.requireNonNull(generatedAt, "generatedAt");
        companyName = companyName == null ? "" : companyName;
        companyDocument = companyDocument == null ? "" : companyDocument;
        agency = agency == null ? "" : agency;
        agencyDigit = agencyDigit == null ? "" : agencyDigit;
        account = account == null ? "" : account;
        accountDigit = accountDigit == null ? "" : accountDigit;
        agreement = agreement == null ? "" : agreement;
        wallet = wallet == null ? "" : wallet;
        extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("negative sequence number " + sequenceNumber);
        }
    }

    public static Builder builder(String bankCode) {
        return new Builder(bankCode);
    }

    /** Builds a {@link RemessaHeader} field by field; unset text fields are empty. */
    public static final class Builder {
        private final String bankCode;
        private String companyName = "";
        private String companyDocument = "";
        private String agency = "";
        private String agencyDigit = "";
        private String account = "";
        private String accountDigit = "";
        private String agreement = "";
        private String wallet = "";
        private long sequenceNumber = 1;
        private LocalDateTime generatedAt = LocalDateTime.now();
        private Map<String, String> extraFields = Map.of();

        private Builder(String bankCode) {
            this.bankCode = bankCode;
        }

        public Builder company(String name, String document) {
            this.companyName = name;
            this.companyDocument = document;
            return this;
        }

        public Builder agency(String number, String digit) {
            this.agency = number;
            this.agencyDigit = digit;
            return this;
        }

        public Builder account(String number, String digit) {
            this.account = number;
            this.accountDigit = digit;
            return this;
        }

        public Builder agreement(String value) {
            this.agreement = value;
            return this;
        }

        public Builder wallet(String value) {
            this.wallet = value;
            return this;
        }

        public Builder sequenceNumber(long value) {
            this.sequenceNumber = value;
            return this;
        }

        public Builder generatedAt(LocalDateTime value) {
            this.generatedAt = value;
            return this;
        }

        public Builder extraFields(Map<String, String> value) {
            this.extraFields = value;
            return this;
        }

        public RemessaHeader build() {
            return new RemessaHeader(bankCode, companyName, companyDocument, agency, agencyDigit, account,
                    accountDigit, agreement, wallet, sequenceNumber, generatedAt, extraFields);
        }
    }
}
