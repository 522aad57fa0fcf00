package br.bankhistory.history.domain;

import br.bankhistory.cnab.Finding;

/** A finding as the history keeps it (a stable shape, independent of the engine's classes). */
public record StoredFinding(String severity, long line, int column, String code, String field, String message,
                            String messageEn) {

    public static StoredFinding of(Finding finding) {
        return new StoredFinding(finding.severity().name(), finding.line(), finding.column(), finding.code(),
                finding.field(), finding.messagePt(), finding.messageEn());
    }
}
