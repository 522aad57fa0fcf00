package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of one record by layout field name, looked up through layers: the first layer that has a
 * non-null value for a name wins (framing first, then the item's extra fields, the item, the header's
 * extra fields, the header). Empty strings are left out, so the layout's default applies.
 */
final class Values implements Function<String, Object> {

    private final Map<String, ?>[] layers;

    @SafeVarargs
    Values(Map<String, ?>... layers) {
        this.layers = layers;
    }

    @Override
    public Object apply(String name) {
        for (Map<String, ?> layer : layers) {
            Object value = layer.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A mutable map that ignores null and empty values. */
    static final class Builder {
        private final Map<String, Object> values = new HashMap<>();

        Builder put(String name, Object value) {
            if (value == null || (value instanceof String text && text.isBlank())) {
                return this;
            }
            values.put(name, value);
            return this;
        }

        Map<String, Object> build() {
            return values;
        }
    }

    /** The header's values under the field names every layout shares. */
    static Map<String, Object> of(RemessaHeader header) {
        String document = CnabText.digits(header.companyDocument());
        LocalDateTime at = header.generatedAt();
        return new Builder()
                .put("bank_code", header.bankCode())
                .put("company_name", header.companyName())
                .put("company_document", document)
                .put("company_document_type", Party.documentType(document))
                .put("agency", header.agency())
                .put("agency_digit", header.agencyDigit())
                .put("account", header.account())
                .put("account_digit", header.accountDigit())
                .put("agreement", header.agreement())
                .put("wallet", header.wallet())
                .put("sequence_number", header.sequenceNumber())
                .put("return_number", header.sequenceNumber())
                .put("generated_on", at.toLocalDate())
                .put("generated_at", at.toLocalTime())
                .put("recorded_on", at.toLocalDate())
                .build();
    }

    /** A title's values under the shared field names. */
    static Map<String, Object> of(CobrancaTitle title, String family, String bankCode) {
        if (!title.instruction().acceptedBy(family, bankCode)) {
            String record = LayoutCatalog.CNAB240.equals(family) ? "segment-P" : "detail-remessa";
            throw new CnabWriteException(family + "/" + bankCode + "/" + record, "occurrence_code",
                    CnabWriteException.Code.UNSUPPORTED_INSTRUCTION, title.instruction().name(), bankCode);
        }
        if (title.hasPix() && title.instruction() != Instruction.ENTRY
                && !Instruction.ENTRY.code(family, bankCode, true).equals(Instruction.ENTRY.code(family, bankCode))) {
            // the bank enters a boleto with Pix under a code of its own, and takes its Pix record with no other
            String record = LayoutCatalog.CNAB240.equals(family) ? "segment-P" : "detail-remessa";
            throw new CnabWriteException(family + "/" + bankCode + "/" + record, "occurrence_code",
                    CnabWriteException.Code.PIX_ONLY_ON_ENTRY, title.instruction().name(), bankCode);
        }
        Party payer = title.payer();
        String payerDocument = CnabText.digits(payer.document());
        Builder values = new Builder()
                .put("occurrence_code", title.occurrenceCode(family, bankCode))
                .put("our_number", title.ourNumber())
                .put("document_number", title.yourNumber())
                .put("due_date", title.dueDate())
                .put("amount", title.amountCents())
                .put("issued_on", title.issueDate())
                .put("payer_document_type", Party.documentType(payerDocument))
                .put("payer_document", payerDocument)
                .put("payer_name", payer.name())
                .put("payer_address", payer.address())
                .put("payer_district", payer.district())
                .put("payer_zip", CnabText.digits(payer.zip()))
                .put("payer_city", payer.city())
                .put("payer_state", payer.state());
        charge(values, "interest", title.interest());
        charge(values, "fine", title.fine());
        charge(values, "discount", title.discount());
        return values.build();
    }

    /** A charge goes to {@code <kind>_code}, {@code <kind>_date} and, as value or rate, {@code <kind>_value} / {@code <kind>_rate}. */
    private static void charge(Builder values, String kind, Charge charge) {
        if (charge == null) {
            return;
        }
        values.put(kind + "_code", charge.code())
                .put(kind + "_date", charge.date())
                .put(kind + "_value", charge.value())
                .put(kind + "_rate", charge.value());
    }
}
