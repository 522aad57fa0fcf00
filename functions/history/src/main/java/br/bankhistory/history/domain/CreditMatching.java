package br.bankhistory.history.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule that pairs a day's cobrança credits of an extrato with the retornos whose credited totals they are
 * (docs/remessa-lifecycle.md, "Cobrança credits in the extrato"). It depends only on what the day holds, never on
 * the order the files arrived in:
 *
 * <ol>
 *   <li>entries are taken in order (extrato record id, position), retornos in order of receipt (record id);</li>
 *   <li>first, every entry takes the earliest free retorno of a compatible account whose total equals its
 *       amount;</li>
 *   <li>then every entry still alone takes the smallest set of free retornos whose totals sum to its amount (the
 *       first such set in receipt order, among the {@value #MAX_SUMMED} earliest free retornos);</li>
 *   <li>any other entry is not found.</li>
 * </ol>
 *
 * A retorno's total is credited once: it is linked to at most one entry.
 */
public final class CreditMatching {

    /** Free retornos a sum is searched among (2^16 sets at most, a few milliseconds). */
    static final int MAX_SUMMED = 16;

    private CreditMatching() {
    }

    /** Each cobrança entry of the day with the retornos it credits (empty: not found), in entry order. */
    public static Map<CreditDay.Credit, List<CreditDay.Credit>> match(CreditDay day) {
        Map<CreditDay.Credit, List<CreditDay.Credit>> out = new LinkedHashMap<>();
        Set<CreditDay.Credit> taken = new HashSet<>();
        for (CreditDay.Credit entry : day.entries()) {
            out.put(entry, List.of());
            for (CreditDay.Credit retorno : day.retornos()) {
                if (!taken.contains(retorno) && CreditDay.sameAccount(entry, retorno)
                        && retorno.amountCents() == entry.amountCents()) {
                    taken.add(retorno);
                    out.put(entry, List.of(retorno));
                    break;
                }
            }
        }
        for (CreditDay.Credit entry : day.entries()) {
            if (out.get(entry).isEmpty()) {
                List<CreditDay.Credit> free = new ArrayList<>();
                for (CreditDay.Credit retorno : day.retornos()) {
                    if (!taken.contains(retorno) && CreditDay.sameAccount(entry, retorno) && free.size() < MAX_SUMMED) {
                        free.add(retorno);
                    }
                }
                List<CreditDay.Credit> sum = smallestSum(free, entry.amountCents());
                taken.addAll(sum);
                out.put(entry, sum);
            }
        }
        return out;
    }

    /**
     * The smallest set (two or more) summing to {@code cents}; among sets of that size, the one whose latest
     * retorno is the earliest (sets counted as binary numbers over the retornos in receipt order).
     */
    private static List<CreditDay.Credit> smallestSum(List<CreditDay.Credit> free, long cents) {
        int n = free.size();
        List<CreditDay.Credit> best = List.of();
        for (int mask = 1; mask < (1 << n); mask++) {
            int size = Integer.bitCount(mask);
            if (size < 2 || (!best.isEmpty() && size >= best.size())) {
                continue;
            }
            long total = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    total += free.get(i).amountCents();
                }
            }
            if (total == cents) {
                List<CreditDay.Credit> set = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        set.add(free.get(i));
                    }
                }
                best = set;
            }
        }
        return List.copyOf(best);
    }
}
