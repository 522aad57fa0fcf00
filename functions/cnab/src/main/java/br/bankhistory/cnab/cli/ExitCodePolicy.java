package br.bankhistory.cnab.cli;

import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.Severity;

/**
 * The inspect command's exit-code policy for a file that was read: {@link Inspect#NOT_CNAB} when it is not
 * CNAB, {@link Inspect#FINDINGS_WITH_ERRORS} when it has an ERROR finding, else {@link Inspect#CLEAN}.
 */
final class ExitCodePolicy {

    private ExitCodePolicy() {
    }

    static int of(FileSummary summary) {
        return !summary.classification().isCnab() ? Inspect.NOT_CNAB
                : summary.errorCount() > 0 ? Inspect.FINDINGS_WITH_ERRORS : Inspect.CLEAN;
    }

    /** Why a file is not CNAB: its first ERROR finding's message, or a generic one. */
    static String notCnabReason(FileSummary summary) {
        return summary.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::messageEn).findFirst().orElse("not a CNAB file");
    }
}
