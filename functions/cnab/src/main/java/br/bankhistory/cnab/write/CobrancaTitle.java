package br.bankhistory.cnab.write;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One boleto in a cobrança remessa: a P+Q(+R) group in CNAB 240, a detail (and the bank's complements)
 * in CNAB 400.
 *
 * @param ourNumber   nosso número as the bank assigned it, check digit included where the bank's field
 *                    holds it (the engine computes no check digit)
 * @param yourNumber  seu número / número do documento
 * @param amountCents valor do título in cents
 * @param interest    juros de mora, or null
 * @param fine        multa, or null
 * @param discount    desconto, or null
 * @param extraFields values for layout fields the typed input does not model, by field name (e.g.
 *                    {@code protest_days}, {@code kind}, {@code company_use}); they win over the typed values
 */
public record CobrancaTitle(Instruction instruction, String ourNumber, String yourNumber, LocalDate dueDate,
                            long amountCents, LocalDate issueDate, Party payer, Charge interest, Charge fine,
                            Charge discount, Map<String, String> extraFields) {

    public CobrancaTitle {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(dueDate, "dueDate");
        ourNumber = ourNumber == null ? "" : ourNumber;
        yourNumber = yourNumber == null ? "" : yourNumber;
        payer = payer == null ? Party.of("", "") : payer;
        extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
        if (amountCents < 0) {
            throw new IllegalArgumentException("negative amount " + amountCents);
        }
    }

    /** An entry (registration) of a title with no juros, multa or desconto. */
    public static CobrancaTitle entry(String ourNumber, String yourNumber, LocalDate dueDate, long amountCents,
                                      LocalDate issueDate, Party payer) {
        return new CobrancaTitle(Instruction.ENTRY, ourNumber, yourNumber, dueDate, amountCents, issueDate, payer,
                null, null, null, Map.of());
    }

    public CobrancaTitle withInstruction(Instruction value) {
        return new CobrancaTitle(value, ourNumber, yourNumber, dueDate, amountCents, issueDate, payer, interest,
                fine, discount, extraFields);
    }

    public CobrancaTitle withCharges(Charge interestValue, Charge fineValue, Charge discountValue) {
        return new CobrancaTitle(instruction, ourNumber, yourNumber, dueDate, amountCents, issueDate, payer,
                interestValue, fineValue, discountValue, extraFields);
    }

    /**
     * The title with the Pix of a boleto híbrido: written in the bank's Pix record where its layout has one
     * (Santander 400 record 8: key type, key, txid; Itaú 400 record 3: key, entered as occurrence 71), read back as {@link br.bankhistory.cnab.Item#pix()}.
     */
    public CobrancaTitle withPix(br.bankhistory.cnab.Pix pix) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(extraFields);
        if (!pix.keyType().isEmpty()) {
            fields.put("pix_key_type", pix.keyType());
        }
        if (!pix.key().isEmpty()) {
            fields.put("pix_key", pix.key());
        }
        if (!pix.txid().isEmpty()) {
            fields.put("pix_txid", pix.txid());
        }
        if (!pix.emv().isEmpty()) {
            fields.put("pix_emv", pix.emv());
        }
        return withExtraFields(fields);
    }

    /** Whether the title carries a Pix ({@link #withPix}): some banks enter such a boleto under a code of their own. */
    public boolean hasPix() {
        return extraFields.keySet().stream().anyMatch(name -> name.startsWith("pix_"));
    }

    /** The movement code the remessa writes for the title: its instruction's, for a boleto with Pix where the bank has one. */
    public String occurrenceCode(String family, String bankCode) {
        return instruction.code(family, bankCode, hasPix());
    }

    public CobrancaTitle withExtraFields(Map<String, String> value) {
        return new CobrancaTitle(instruction, ourNumber, yourNumber, dueDate, amountCents, issueDate, payer, interest,
                fine, discount, value);
    }
}
