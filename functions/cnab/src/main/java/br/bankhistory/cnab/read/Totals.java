package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Amounts;
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
    /** Slots 1.. hold the amounts in {@link Amounts#toArray()} order. */
    private static final int SLOTS = 1 + Amounts.COUNT;

    private long itemCount;
    private long amountCents;
    private long paidCents;
    private final long[][] byCategory = new long[Category.values().length][];
    private final List<Category> categoryOrder = new ArrayList<>();
    private final Map<String, long[]> byOccurrence = new HashMap<>();
    private final List<String> occurrenceOrder = new ArrayList<>();
    /**
     * The occurrence code of the last item and its counters: the codes are shared instances (see
     * {@link RecentCodes}, {@link SmallStrings}), and runs of one code are common, so a run is counted without a
     * lookup.
     */
    private String lastCode;
    private long[] lastOfCode;

    /** Counts a complete item (a partial one is not counted). */
    void add(ItemDraft item) {
        String occurrenceCode = item.occurrenceCode;
        Category category = item.category;
        itemCount++;
        amountCents += item.amountCents;
        paidCents += item.paidCents;
        long[] ofCategory = byCategory[category.ordinal()];
        if (ofCategory == null) {
            ofCategory = new long[SLOTS];
            byCategory[category.ordinal()] = ofCategory;
            categoryOrder.add(category);
        }
        accumulate(ofCategory, item);
        long[] ofCode = occurrenceCode == lastCode ? lastOfCode : byOccurrence.get(occurrenceCode);
        if (ofCode == null) {
            String key = byOccurrence.size() >= MAX_OCCURRENCE_CODES ? OTHER_CODES : occurrenceCode;
            ofCode = byOccurrence.get(key);
            if (ofCode == null) {
                ofCode = new long[SLOTS];
                byOccurrence.put(key, ofCode);
                occurrenceOrder.add(key);
            }
        }
        lastCode = occurrenceCode;
        lastOfCode = ofCode;
        accumulate(ofCode, item);
    }

    private static void accumulate(long[] total, ItemDraft item) {
        total[COUNT]++;
        total[1] += item.amountCents;
        total[2] += item.paidCents;
        total[3] += item.netCents;
        total[4] += item.feeCents;
        total[5] += item.interestCents;
        total[6] += item.fineCents;
        total[7] += item.discountCents;
        total[8] += item.rebateCents;
        total[9] += item.iofCents;
        total[10] += item.otherCreditsCents;
        total[11] += item.otherDebitsCents;
    }

    /** Count and title/paid sums of the items whose occurrence code is one of {@code codes} (trailer checks). */
    long[] ofOccurrences(java.util.Collection<String> codes) {
        long[] sum = new long[3];
        for (String code : codes) {
            long[] total = byOccurrence.get(code);
            if (total != null) {
                sum[0] += total[COUNT];
                sum[1] += total[1];
                sum[2] += total[2];
            }
        }
        return sum;
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
        Amounts amounts = Amounts.fromArray(total, 1);
        return new CategoryTotal(total[COUNT], amounts.titleCents(), amounts.paidCents(), amounts.feeCents(), amounts);
    }
}
