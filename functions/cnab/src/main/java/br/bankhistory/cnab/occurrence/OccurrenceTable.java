package br.bankhistory.cnab.occurrence;

import br.bankhistory.cnab.Category;

import java.util.HashMap;
import java.util.Map;

/**
 * The occurrence codes of one bank for one kind of file (e.g. Itaú 240 cobrança retorno), with the
 * reason (motivo) codes grouped by the occurrences they apply to. Immutable once built.
 */
public final class OccurrenceTable {

    static final String ANY_OCCURRENCE = "*";

    private final String name;
    private final Map<String, Occurrence> occurrences;
    /** occurrence code (or "*") -> reason code -> text. */
    private final Map<String, Map<String, String>> reasons;

    OccurrenceTable(String name, Map<String, Occurrence> occurrences, Map<String, Map<String, String>> reasons) {
        this.name = name;
        this.occurrences = Map.copyOf(occurrences);
        Map<String, Map<String, String>> copy = new HashMap<>();
        reasons.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.reasons = Map.copyOf(copy);
    }

    public String name() {
        return name;
    }

    /** The occurrence, or one with the text "Ocorrência desconhecida" and category OTHER. */
    public Occurrence occurrence(String code) {
        Occurrence known = occurrences.get(code);
        return known != null ? known : new Occurrence(code, "Ocorrência " + code + " desconhecida", Category.OTHER);
    }

    public boolean knows(String code) {
        return occurrences.containsKey(code);
    }

    /**
     * Whether the reasons field means something for this occurrence: the table lists reasons for it (or
     * for any occurrence), or lists no reasons at all (then every code is passed on as printed).
     */
    public boolean hasReasonsFor(String occurrenceCode) {
        return reasons.isEmpty() || reasons.containsKey(occurrenceCode) || reasons.containsKey(ANY_OCCURRENCE);
    }

    /**
     * The reason's text for that occurrence, or null when the table does not list it. An occurrence with
     * its own reason group (e.g. the liquidation channels of 06) reads only that group; the others read
     * the {@code *} group (the rejection reasons): the same code means different things in each.
     */
    public String reason(String occurrenceCode, String reasonCode) {
        Map<String, String> group = reasons.get(occurrenceCode);
        if (group == null) {
            group = reasons.get(ANY_OCCURRENCE);
        }
        return group == null ? null : group.get(reasonCode);
    }

    /** "A4 - Pagador DDA", or the bare code when the table does not know it. */
    public String describeReason(String occurrenceCode, String reasonCode) {
        String text = reason(occurrenceCode, reasonCode);
        return text == null ? reasonCode : reasonCode + " - " + text;
    }

    /**
     * This table with a bank's additions: occurrences replace code by code; a reason group extends the
     * base group of the same occurrence code by code, unless the occurrence is in {@code replacedGroups}
     * (declared {@code only} in the bank's file), then the bank's group is the whole group.
     */
    OccurrenceTable overriddenBy(String overrideName, Map<String, Occurrence> moreOccurrences,
                                 Map<String, Map<String, String>> moreReasons, java.util.Set<String> replacedGroups) {
        Map<String, Occurrence> mergedOccurrences = new HashMap<>(occurrences);
        mergedOccurrences.putAll(moreOccurrences);
        Map<String, Map<String, String>> mergedReasons = new HashMap<>(reasons);
        moreReasons.forEach((occurrence, group) -> {
            Map<String, String> base = mergedReasons.get(occurrence);
            if (base == null || replacedGroups.contains(occurrence)) {
                mergedReasons.put(occurrence, group);
            } else {
                Map<String, String> merged = new HashMap<>(base);
                merged.putAll(group);
                mergedReasons.put(occurrence, merged);
            }
        });
        return new OccurrenceTable(overrideName, mergedOccurrences, mergedReasons);
    }
}
