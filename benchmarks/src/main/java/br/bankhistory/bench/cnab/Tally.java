package br.bankhistory.bench.cnab;

import br.bankhistory.bench.cnab.CnabFileGenerator.CodeTotals;
import br.bankhistory.bench.cnab.CnabFileGenerator.Expected;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts and sums by occurrence code as one contender reported them, compared with the generator's truth. */
final class Tally {

    /** count, amount, paid, fee (cents); fee -1 when the contender does not read it. */
    final Map<String, long[]> byCode = new TreeMap<>();
    final boolean hasFee;

    Tally(boolean hasFee) {
        this.hasFee = hasFee;
    }

    void add(String code, long count, long amount, long paid, long fee) {
        long[] t = byCode.computeIfAbsent(code, k -> new long[4]);
        t[0] += count;
        t[1] += amount;
        t[2] += paid;
        t[3] += fee;
    }

    /** The differences with the expected totals (empty when right). */
    List<String> differences(Expected expected) {
        List<String> out = new ArrayList<>();
        TreeSet<String> codes = new TreeSet<>(expected.byCode().keySet());
        codes.addAll(byCode.keySet());
        for (String code : codes) {
            CodeTotals e = expected.byCode().getOrDefault(code, CodeTotals.ZERO);
            long[] t = byCode.getOrDefault(code, new long[4]);
            compare(out, code, "count", e.count(), t[0]);
            compare(out, code, "amount", e.amountCents(), t[1]);
            compare(out, code, "paid", e.paidCents(), t[2]);
            if (hasFee) {
                compare(out, code, "fee", e.feeCents(), t[3]);
            }
        }
        return out;
    }

    private static void compare(List<String> out, String code, String what, long expected, long actual) {
        if (expected != actual) {
            out.add("code " + code + " " + what + ": expected " + expected + ", got " + actual);
        }
    }
}
