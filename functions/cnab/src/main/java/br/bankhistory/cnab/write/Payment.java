package br.bankhistory.cnab.write;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** One payment in a CNAB 240 pagamento remessa: a transfer (segments A+B) or a boleto (J+J-52). */
public sealed interface Payment permits Payment.Transfer, Payment.Boleto {

    /** Seu número: the company's own id of the payment, echoed in the retorno. */
    String yourNumber();

    LocalDate paymentDate();

    long amountCents();

    /** Values for layout fields the typed input does not model, by field name; they win over typed values. */
    Map<String, String> extraFields();

    /**
     * A credit to an account (crédito em conta, TED): segment A, and B with the payee's document and address.
     * Same bank as the file: payment form 01 (crédito em conta corrente), câmara 000; another bank: form 41
     * (TED), câmara 018. Override with {@code payment_form} / {@code clearing_house} in the extra fields.
     *
     * @param bankCode FEBRABAN code of the payee's bank
     */
    record Transfer(String yourNumber, Party payee, String bankCode, String agency, String agencyDigit,
                    String account, String accountDigit, LocalDate paymentDate, long amountCents,
                    Map<String, String> extraFields) implements Payment {

        public Transfer {
            Objects.requireNonNull(payee, "payee");
            Objects.requireNonNull(paymentDate, "paymentDate");
            yourNumber = yourNumber == null ? "" : yourNumber;
            bankCode = bankCode == null ? "" : bankCode;
            agency = agency == null ? "" : agency;
            agencyDigit = agencyDigit == null ? "" : agencyDigit;
            account = account == null ? "" : account;
            accountDigit = accountDigit == null ? "" : accountDigit;
            extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
            if (amountCents < 0) {
                throw new IllegalArgumentException("negative amount " + amountCents);
            }
        }

        /**
         * This transfer made by Pix to a key (forma de lançamento 45, Pix transferência): written in the lote of
         * that form, with the key in the bank's Pix segment B where its layout has one (Itaú SISPAG), and read
         * back as {@link br.bankhistory.cnab.Item#pix()}.
         *
         * @param keyType the key's type as the bank codes it (Itaú: 01 CPF/CNPJ, 02 e-mail, 03 celular,
         *                04 chave aleatória, 05 dados bancários)
         */
        public Transfer withPix(String keyType, String key) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(extraFields);
            fields.put("payment_form", "45");
            fields.put("pix_key_type", Objects.requireNonNull(keyType, "keyType"));
            fields.put("pix_key", Objects.requireNonNull(key, "key"));
            return new Transfer(yourNumber, payee, bankCode, agency, agencyDigit, account, accountDigit, paymentDate,
                    amountCents, fields);
        }
    }

    /**
     * Payment of a boleto by its barcode: segment J, and J-52 with the payer's (the company's) and the
     * beneficiary's documents. Barcode of the file's bank: payment form 30, another bank's: 31.
     *
     * @param barcode             the 44 digits of the bar code (not the 47-digit linha digitável)
     * @param documentAmountCents the boleto's face value
     * @param amountCents         the amount paid (the lote trailer sums these)
     */
    record Boleto(String yourNumber, String barcode, String beneficiaryName, String beneficiaryDocument,
                  LocalDate dueDate, long documentAmountCents, LocalDate paymentDate, long amountCents,
                  Map<String, String> extraFields) implements Payment {

        public Boleto {
            Objects.requireNonNull(barcode, "barcode");
            Objects.requireNonNull(paymentDate, "paymentDate");
            yourNumber = yourNumber == null ? "" : yourNumber;
            beneficiaryName = beneficiaryName == null ? "" : beneficiaryName;
            beneficiaryDocument = beneficiaryDocument == null ? "" : beneficiaryDocument;
            extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
            if (amountCents < 0 || documentAmountCents < 0) {
                throw new IllegalArgumentException("negative amount");
            }
        }
    }
}
