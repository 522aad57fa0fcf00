package br.bankhistory.cnab;

import java.util.List;
import java.util.Map;

/**
 * Everything a reader learned about one file, without holding its items (they are streamed).
 *
 * @param findings       the first findings, at most {@link ReadOptions#maxFindings()}
 * @param findingCounts  every finding counted, by severity (even past the stored ones)
 * @param byCategory     totals by normalised category (insertion order = first seen)
 * @param byOccurrence   totals by raw occurrence code
 * @param completeness   whether the file is structurally whole (trailers present, no cut line, counts agree)
 */
public record FileSummary(Classification classification, FileHeader header, long lineCount, long itemCount,
                          long totalAmountCents, long totalPaidCents, Map<Category, CategoryTotal> byCategory,
                          Map<String, CategoryTotal> byOccurrence, List<Finding> findings,
                          Map<Severity, Long> findingCounts, Completeness completeness) {

    public FileSummary {
        completeness = completeness == null ? Completeness.COMPLETE : completeness;
    }

    /** A summary without a completeness verdict (taken as complete). */
    public FileSummary(Classification classification, FileHeader header, long lineCount, long itemCount,
                       long totalAmountCents, long totalPaidCents, Map<Category, CategoryTotal> byCategory,
                       Map<String, CategoryTotal> byOccurrence, List<Finding> findings,
                       Map<Severity, Long> findingCounts) {
        this(classification, header, lineCount, itemCount, totalAmountCents, totalPaidCents, byCategory,
                byOccurrence, findings, findingCounts, null);
    }

    public long errorCount() {
        return findingCounts.getOrDefault(Severity.ERROR, 0L);
    }

    public long warningCount() {
        return findingCounts.getOrDefault(Severity.WARNING, 0L);
    }
}
