package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CodeText;
import br.bankhistory.cnab.occurrence.Occurrence;
import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.List;

/**
 * A payment's ocorrências field (up to five 2-character codes) decoded: the first code is the item's
 * occurrence, any rejection code makes the payment rejected, and the codes after the first are its reasons.
 *
 * @param first      the first code (or the field stripped, when it holds no whole code)
 * @param occurrence the first code's occurrence in the table
 * @param known      whether the table knows the first code
 * @param category   the occurrence's category, or PAYMENT_REJECTED when any code is a rejection
 * @param reasons    the codes after the first, in words
 * @param occurrences every code, each with its words (empty words when the table does not know it)
 */
record PaymentCodes(String first, Occurrence occurrence, boolean known, Category category, List<String> reasons,
                    List<CodeText> occurrences) {

    static PaymentCodes decode(OccurrenceTable table, String raw) {
        List<String> codes = ReasonCodes.split(raw, 2, false);
        String first = codes.isEmpty() ? raw.strip() : codes.get(0);
        Occurrence occurrence = table.occurrence(first);
        Category category = occurrence.category();
        List<CodeText> decoded = new java.util.ArrayList<>(codes.size());
        List<String> reasons = new java.util.ArrayList<>(codes.size());
        for (String code : codes) {
            if (table.occurrence(code).category() == Category.PAYMENT_REJECTED) {
                category = Category.PAYMENT_REJECTED;
            }
            String text = table.knows(code) ? table.occurrence(code).text() : "";
            decoded.add(new CodeText(code, text));
            if (decoded.size() > 1) {
                // a payment's further codes are occurrences of the same table, not reasons of the first
                reasons.add(code + " - " + (text.isEmpty() ? ReasonCodes.UNKNOWN_REASON : text));
            }
        }
        return new PaymentCodes(first, occurrence, table.knows(first), category, List.copyOf(reasons),
                List.copyOf(decoded));
    }
}
