package br.bankhistory.cnab.read;

import br.bankhistory.cnab.occurrence.OccurrenceTable;

import java.util.List;

/**
 * What the codes of recent items decoded to, for one read: the same few occurrence and reason codes repeat
 * down a file, and putting them in words (splitting the field, looking each code up, "A4 - text") costs
 * more than the rest of the item. Both decodings are functions of the table and the field's text only, and
 * their results are immutable, so items share them. A fixed number of slots: memory does not grow.
 */
final class DecodeCache {

    private static final int SLOTS = 256;

    private final Slots<List<String>> reasons = new Slots<>();
    private final Slots<PaymentCodes> payments = new Slots<>();

    /** {@link ReasonCodes#describe}, remembered. */
    List<String> reasons(OccurrenceTable table, String occurrenceCode, String raw, int width, int skip) {
        int kind = width << 8 | skip;
        int slot = reasons.slot(occurrenceCode, raw, kind);
        List<String> known = reasons.get(slot, table, occurrenceCode, raw, kind);
        if (known != null) {
            return known;
        }
        return reasons.put(slot, table, occurrenceCode, raw, kind,
                ReasonCodes.describe(table, occurrenceCode, raw, width, skip));
    }

    /** {@link PaymentCodes#decode}, remembered. */
    PaymentCodes payment(OccurrenceTable table, String raw) {
        int slot = payments.slot("", raw, 0);
        PaymentCodes known = payments.get(slot, table, "", raw, 0);
        if (known != null) {
            return known;
        }
        return payments.put(slot, table, "", raw, 0, PaymentCodes.decode(table, raw));
    }

    /** One value per slot, keyed by a table, two texts and a number; a new key takes the slot over. */
    private static final class Slots<V> {

        private final OccurrenceTable[] tables = new OccurrenceTable[SLOTS];
        private final String[] firsts = new String[SLOTS];
        private final String[] seconds = new String[SLOTS];
        private final int[] kinds = new int[SLOTS];
        private final Object[] values = new Object[SLOTS];

        int slot(String first, String second, int kind) {
            int hash = (first.hashCode() * 31 + second.hashCode()) * 31 + kind;
            return (hash ^ hash >>> 16) & (SLOTS - 1);
        }

        @SuppressWarnings("unchecked")
        V get(int slot, OccurrenceTable table, String first, String second, int kind) {
            return tables[slot] == table && kinds[slot] == kind && first.equals(firsts[slot])
                    && second.equals(seconds[slot]) ? (V) values[slot] : null;
        }

        V put(int slot, OccurrenceTable table, String first, String second, int kind, V value) {
            tables[slot] = table;
            firsts[slot] = first;
            seconds[slot] = second;
            kinds[slot] = kind;
            values[slot] = value;
            return value;
        }
    }
}
