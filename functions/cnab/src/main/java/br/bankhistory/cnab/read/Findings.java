package br.bankhistory.cnab.read;

import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.text.Messages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one read: counts all of them by severity and keeps the first {@code limit},
 * at most {@link #PER_CODE} of any one code, so a defect repeated on every line (e.g. right-trimmed lines)
 * does not crowd out the rest. When a code goes over that, one {@link FindingCodes#MORE_FINDINGS} entry
 * (not counted) says how many more there were.
 */
final class Findings {

    static final int PER_CODE = 20;

    private final int limit;
    private final List<Finding> kept = new ArrayList<>();
    private final long[] counts = new long[Severity.values().length];
    private final Map<String, long[]> perCode = new LinkedHashMap<>();
    private final List<Finding> incompleteReasons = new ArrayList<>();
    private boolean incomplete;

    Findings(int limit) {
        this.limit = Math.max(0, limit);
    }

    void add(Severity severity, long line, int column, String code, String field, String messagePt,
             String messageEn) {
        counts[severity.ordinal()]++;
        long[] ofCode = perCode.computeIfAbsent(code, k -> new long[1]);
        ofCode[0]++;
        if (kept.size() < limit && ofCode[0] <= PER_CODE) {
            kept.add(new Finding(severity, (int) Math.min(line, Integer.MAX_VALUE), column, code, field, messagePt,
                    messageEn));
        }
    }

    /**
     * A finding that also makes the file structurally incomplete (a missing trailer, a cut line, counts
     * that disagree): counted and listed as any other, and kept (the first {@link #PER_CODE} of each code)
     * for the summary's {@link br.bankhistory.cnab.Completeness}.
     */
    void addIncomplete(Severity severity, long line, int column, String code, String field, String messagePt,
                       String messageEn) {
        add(severity, line, column, code, field, messagePt, messageEn);
        incomplete = true;
        long[] ofCode = perCode.get(code);
        if (ofCode != null && ofCode[0] <= PER_CODE) {
            incompleteReasons.add(new Finding(severity, (int) Math.min(line, Integer.MAX_VALUE), column, code, field,
                    messagePt, messageEn));
        }
    }

    /**
     * The file's last line was cut mid-record ({@code width} = the family's record width): ERROR, and a
     * reason the file is incomplete.
     */
    void truncatedRecord(long line, int width) {
        addIncomplete(Severity.ERROR, line, 0, FindingCodes.TRUNCATED_RECORD, "",
                Messages.pt("finding.TRUNCATED_RECORD", width),
                Messages.en("finding.TRUNCATED_RECORD", width));
    }

    /** An occurrence code the bank's table does not know: INFO, the item keeps the code as written. */
    void unknownOccurrence(long line, int column, String code, String bankCode) {
        add(Severity.INFO, line, column, FindingCodes.UNKNOWN_OCCURRENCE, "occurrence_code",
                Messages.pt("finding.UNKNOWN_OCCURRENCE", code, bankCode),
                Messages.en("finding.UNKNOWN_OCCURRENCE", code, bankCode));
    }

    /**
     * A missing trailer is an ERROR in a retorno (the bank always closes its files: the file was cut) and a
     * WARNING in a remessa (bank model files and drafts are read as they are, still incomplete).
     */
    static Severity missingTrailerSeverity(Direction direction) {
        return direction == Direction.RETORNO ? Severity.ERROR : Severity.WARNING;
    }

    /** The file ends without its trailer, after {@code line}: a reason the file is incomplete. */
    void missingFileTrailer(Direction direction, long line) {
        addIncomplete(missingTrailerSeverity(direction), line, 0, FindingCodes.MISSING_FILE_TRAILER, "",
                Messages.pt("finding.MISSING_FILE_TRAILER"), Messages.en("finding.MISSING_FILE_TRAILER"));
    }

    /** The item opened at {@code line} holds the cut record: ERROR; the item is not counted. */
    void partialItem(long line) {
        add(Severity.ERROR, line, 0, FindingCodes.PARTIAL_ITEM, "",
                Messages.pt("finding.PARTIAL_ITEM"),
                Messages.en("finding.PARTIAL_ITEM"));
    }

    br.bankhistory.cnab.Completeness completeness() {
        return incomplete ? new br.bankhistory.cnab.Completeness(false, incompleteReasons)
                : br.bankhistory.cnab.Completeness.COMPLETE;
    }

    long count(Severity severity) {
        return counts[severity.ordinal()];
    }

    List<Finding> kept() {
        List<Finding> all = new ArrayList<>(kept);
        perCode.forEach((code, count) -> {
            long more = count[0] - PER_CODE;
            if (more > 0 && all.size() < limit) {
                all.add(new Finding(Severity.INFO, 0, 0, FindingCodes.MORE_FINDINGS, code,
                        Messages.pt("finding.MORE_FINDINGS", more, code),
                        Messages.en("finding.MORE_FINDINGS", more, code)));
            }
        });
        return List.copyOf(all);
    }

    Map<Severity, Long> counts() {
        Map<Severity, Long> map = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            if (counts[severity.ordinal()] > 0) {
                map.put(severity, counts[severity.ordinal()]);
            }
        }
        return map;
    }
}
