package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CategoryTotal;
import br.bankhistory.cnab.Item;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running totals of the items of one file. Bounded: one entry per distinct category or occurrence
 * code; past {@link #MAX_OCCURRENCE_CODES} distinct codes the rest are counted under {@link #OTHER_CODES}.
 */
final class Totals {

    static final int MAX_OCCURRENCE_CODES = 512;
    static final String OTHER_CODES = "*";

    private long itemCount;
    private long amountCents;
    private long paidCents;
    private final Map<Category, CategoryTotal> byCategory = new LinkedHashMap<>();
    private final Map<String, CategoryTotal> byOccurrence = new LinkedHashMap<>();

    void add(Item item) {
        itemCount++;
        amountCents += item.amountCents();
        paidCents += item.paidCents();
        byCategory.merge(item.category(), CategoryTotal.ZERO.plus(item), (old, one) -> old.plus(item));
        String code = item.occurrenceCode();
        if (!byOccurrence.containsKey(code) && byOccurrence.size() >= MAX_OCCURRENCE_CODES) {
            code = OTHER_CODES;
        }
        byOccurrence.merge(code, CategoryTotal.ZERO.plus(item), (old, one) -> old.plus(item));
    }

    long itemCount() {
        return itemCount;
    }

    long amountCents() {
        return amountCents;
    }

    long paidCents() {
        return paidCents;
    }

    Map<Category, CategoryTotal> byCategory() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
    }

    Map<String, CategoryTotal> byOccurrence() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byOccurrence));
    }
}
