package br.bankhistory.history.domain;

import java.util.Optional;

/**
 * Who may decide on a held file (possible duplicate, incomplete) and when (docs/operations.md, "When a file is
 * held"): administrators, while it is held.
 */
public final class HeldFiles {

    private HeldFiles() {
    }

    /** Why this caller may not release or discard files at all (403), or empty when allowed. */
    public static Optional<String> callerBlocksDecision(Identity caller) {
        return caller.admin() ? Optional.empty()
                : Optional.of("Somente administradores podem liberar ou descartar arquivos retidos.");
    }

    /** Why this caller may not release or discard this record now, or empty when allowed. */
    public static Optional<String> decisionBlocked(IntegrationRecord record, Identity caller) {
        return !record.status().held() ? Optional.of("O arquivo não está retido.") : callerBlocksDecision(caller);
    }
}
