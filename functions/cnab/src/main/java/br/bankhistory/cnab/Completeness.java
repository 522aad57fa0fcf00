package br.bankhistory.cnab;

import java.util.List;

/**
 * Whether a file is structurally whole: a file trailer, every lote closed by its trailer, no cut last
 * line, record counts that agree with the trailers. Each reason is also one of the summary's findings
 * (codes {@link FindingCodes#MISSING_FILE_TRAILER}, {@link FindingCodes#MISSING_LOTE_TRAILER},
 * {@link FindingCodes#TRUNCATED_RECORD}, {@link FindingCodes#LOTE_TRAILER_COUNT},
 * {@link FindingCodes#FILE_TRAILER_COUNT}).
 */
public record Completeness(boolean complete, List<Finding> reasons) {

    public static final Completeness COMPLETE = new Completeness(true, List.of());

    public Completeness {
        reasons = List.copyOf(reasons);
    }
}
