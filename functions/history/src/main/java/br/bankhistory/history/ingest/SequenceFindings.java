package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.port.SequenceLog;

import java.util.Optional;

/** The NSA of each file, per account and direction, noted as seen; a gap or a repeat is a finding. */
final class SequenceFindings {

    private final SequenceLog sequences;

    SequenceFindings(SequenceLog sequences) {
        this.sequences = sequences;
    }

    /**
     * NSA gaps and repeats per account and direction are findings (warnings). A remessa this service generated
     * carries the NSA it issued: it is noted as seen, and is no finding even when its file arrives after a later
     * one (generations run concurrently; their notifications come in any order).
     */
    Optional<StoredFinding> of(IntegrationRecord r, long issued) {
        if (Layout.NOT_CNAB.name().equals(r.layout()) || r.sequenceNumber() <= 0) {
            return Optional.empty();
        }
        String account = Accounts.sequenceKey(r.bankCode(), r.agency(), r.account(), r.agreement(), r.direction());
        long nsa = r.sequenceNumber();
        SequenceLog.Observation seen = sequences.observe(r.tenant(), account, nsa, r.id());
        if (issued == nsa) {
            return Optional.empty();
        }
        return switch (seen.kind()) {
            case GAP -> Optional.of(new StoredFinding(Severity.WARNING.name(), 1, 158, "NSA_GAP", "nsa",
                    "NSA " + nsa + " após " + seen.previous() + ": faltam arquivos desta conta entre eles.",
                    "NSA " + nsa + " after " + seen.previous() + ": files of this account are missing."));
            case REPEATED -> Optional.of(new StoredFinding(Severity.WARNING.name(), 1, 158, "NSA_REPEATED", "nsa",
                    "NSA " + nsa + " repetido ou fora de ordem (o maior já recebido é " + seen.previous()
                            + ").",
                    "NSA " + nsa + " repeated or out of order (highest seen: " + seen.previous() + ")."));
            default -> Optional.empty();
        };
    }
}
