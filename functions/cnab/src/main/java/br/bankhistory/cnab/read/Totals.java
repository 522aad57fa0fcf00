package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CategoryTotal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running totals of the items of one file, in mutable counters (no allocation per item). Bounded: one
 * entry per distinct category or occurrence code; past {@link #MAX_OCCURRENCE_CODES} distinct codes the
 * rest are counted under {@link #OTHER_CODES}.
 */
final class Totals {

    static final int MAX_OCCURRENCE_CODES = 512;
    static final String OTHER_CODES = "*";
    private static final int COUNT = 0;
    private static final int AMOUNT = 1;
    private static final int PAID = 2;
    private static final int FEE = 3;

    private long itemCount;
    private long amountCents;
    private long paidCents;
    private final long[][] byCategory = new long[Category.values().length][];
    private final List<Category> categoryOrder = new ArrayList<>();
    private final Map<String, long[]> byOccurrence = new HashMap<>();
    private final List<String> occurrenceOrder = new ArrayList<>();

    void add(String occurrenceCode, Category category, long amount, long paid, long fee) {
        itemCount++;
        amountCents += amount;
        paidCents += paid;
        long[] ofCategory = byCategory[category.ordinal()];
        if (ofCategory == null) {
            ofCategory = new long[4];
            byCategory[category.ordinal()] = ofCategory;
            categoryOrder.add(category);
        }
        accumulate(ofCategory, amount, paid, fee);
        long[] ofCode = byOccurrence.get(occurrenceCode);
        if (ofCode == null) {
            String key = byOccurrence.size() >= MAX_OCCURRENCE_CODES ? OTHER_CODES : occurrenceCode;
            ofCode = byOccurrence.get(key);
            if (ofCode == null) {
                ofCode = new long[4];
                byOccurrence.put(key, ofCode);
                occurrenceOrder.add(key);
            }
        }
        accumulate(ofCode, amount, paid, fee);
    }

    private static void accumulate(long[] total, long amount, long paid, long fee) {
        total[COUNT]++;
        total[AMOUNT] += amount;
        total[PAID] += paid;
        total[FEE] += fee;
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

    /** Totals by category, in the order the categories were first seen. */
    Map<Category, CategoryTotal> byCategory() {
        Map<Category, CategoryTotal> map = new LinkedHashMap<>();
        for (Category category : categoryOrder) {
            map.put(category, toTotal(byCategory[category.ordinal()]));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Totals by occurrence code, in the order the codes were first seen. */
    Map<String, CategoryTotal> byOccurrence() {
        Map<String, CategoryTotal> map = new LinkedHashMap<>();
        for (String code : occurrenceOrder) {
            map.put(code, toTotal(byOccurrence.get(code)));
        }
        return Collections.unmodifiableMap(map);
    }

    private static CategoryTotal toTotal(long[] total) {
        return new CategoryTotal(total[COUNT], total[AMOUNT], total[PAID], total[FEE]);
    }
}
