package br.bankhistory.history.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may approve or reject a remessa waiting for approval, and what each decision does
 * (docs/remessa-lifecycle.md, "Approval"). Pure: given the record as read, the tenant's approver group and
 * the caller, it answers the record's next state and the audit entry, refuses (403, 409), or answers empty
 * when there is nothing to write (the same approver approving again: idempotent).
 */
public final class RemessaApprovals {

    private RemessaApprovals() {
    }

    /** Whether the caller may decide on this record now (it waits, they are an approver, not its creator). */
    public static boolean mayDecide(IntegrationRecord record, ApprovalRules rules, Identity caller) {
        return decisionBlocked(record, rules, caller).isEmpty();
    }

    /**
     * Why the caller may neither approve nor reject this record now, in the rules' words (the record's state
     * first, then who the caller is), or empty when they may: what the page shows instead of the decision
     * buttons. {@link #approve} and {@link #reject} refuse by the same checks, in the words of their own decision.
     */
    public static Optional<Refusal> decisionBlocked(IntegrationRecord record, ApprovalRules rules, Identity caller) {
        return blocked(record, rules, caller, Asked.EITHER);
    }

    /**
     * A decision refused: why (pt-BR), and whether the record's state refuses it (409) or the caller may not
     * decide on it (403).
     */
    public record Refusal(String reason, boolean byState) {

        /** Throws the refusal as the API answers it: {@link ConflictException} or {@link ForbiddenException}. */
        void raise() {
            throw byState ? new ConflictException(reason) : new ForbiddenException(reason);
        }
    }

    /** The decision a refusal speaks of, as its sentences name it. */
    private enum Asked {
        APPROVE("aprovada", "aprová-la"),
        REJECT("reprovada", "reprová-la"),
        EITHER("aprovada nem reprovada", "aprová-la nem reprová-la");

        private final String participle;
        private final String infinitive;

        Asked(String participle, String infinitive) {
            this.participle = participle;
            this.infinitive = infinitive;
        }
    }

    private static Optional<Refusal> blocked(IntegrationRecord record, ApprovalRules rules, Identity caller,
                                             Asked asked) {
        return stateBlocks(record, asked.participle).map(reason -> new Refusal(reason, true))
                .or(() -> callerBlocks(record, rules, caller, asked.infinitive).map(reason -> new Refusal(reason, false)));
    }

    public static Optional<RecordDecision> approve(IntegrationRecord record, ApprovalRules rules, Identity caller,
                                             Instant now) {
        Approval approval = record.approval();
        if (approval.needed() && approval.complete() && approval.approvedBy(caller.userId())) {
            // approved by this caller already (it counted once), also once it went on to the bank
            return Optional.empty();
        }
        blocked(record, rules, caller, Asked.APPROVE).ifPresent(Refusal::raise);
        if (approval.approvedBy(caller.userId())) {
            return Optional.empty();
        }
        Approval next = approval.with(new Approval.Decision(caller.userId(), caller.userName(), now, ""));
        RecordStatus to = next.complete() ? RecordStatus.APPROVED : RecordStatus.AWAITING_APPROVAL;
        String reason = "Aprovação " + next.approvals().size() + " de " + next.required()
                + (to == RecordStatus.APPROVED ? ": remessa aprovada, liberada para envio ao banco." : "");
        IntegrationRecord after = record.withApproval(to, next);
        StatusChange change = new StatusChange(now, record.status(), to, caller.userId(), caller.userName(), reason);
        // only the approval that releases it tells other modules (the delivery step among them)
        return Optional.of(to == RecordStatus.APPROVED
                ? new RecordDecision(after, change, RemessaEvents.approved(after))
                : new RecordDecision(after, change));
    }

    public static RecordDecision reject(IntegrationRecord record, ApprovalRules rules, Identity caller, String why,
                                  Instant now) {
        blocked(record, rules, caller, Asked.REJECT).ifPresent(Refusal::raise);
        Approval.Decision rejection = new Approval.Decision(caller.userId(), caller.userName(), now, why);
        IntegrationRecord after = record.withApproval(RecordStatus.APPROVAL_REJECTED,
                record.approval().rejected(rejection));
        return new RecordDecision(after, new StatusChange(now, record.status(), RecordStatus.APPROVAL_REJECTED,
                caller.userId(), caller.userName(), "Reprovada: " + why), RemessaEvents.approvalRejected(after,
                rejection));
    }

    /** Why the record's state allows no decision (409), or empty when it waits for one. */
    private static Optional<String> stateBlocks(IntegrationRecord record, String asked) {
        Approval approval = record.approval();
        return switch (record.status()) {
            case AWAITING_APPROVAL -> Optional.empty();
            case APPROVED -> Optional.of("Esta remessa já foi aprovada (" + approval.approvals().size() + " de "
                    + approval.required() + " aprovações) e está liberada para envio; não pode mais ser " + asked
                    + ". Para impedir o envio, cancele-a.");
            case APPROVAL_REJECTED -> Optional.of("Esta remessa foi reprovada"
                    + approval.rejection().map(r -> " por " + r.userName() + ": " + r.reason()).orElse("")
                    + ". Ela não pode mais ser " + asked + "; gere uma nova remessa.");
            default -> Optional.of(approval.needed() || record.status() == RecordStatus.CANCELLED
                    ? "Esta remessa não aguarda aprovação (situação: " + record.status().label() + ")."
                    : "Este arquivo não aguarda aprovação: somente remessas geradas cujo valor exige aprovação "
                            + "passam por ela.");
        };
    }

    /** Why this caller may not decide (403), or empty when they may. */
    private static Optional<String> callerBlocks(IntegrationRecord record, ApprovalRules rules, Identity caller,
                                                 String verb) {
        if (record.approval().createdBy(caller.userId())) {
            return Optional.of("Quem criou a remessa não pode " + verb + ": a regra de alçada exige a decisão de "
                    + "outra pessoa (" + record.approval().rule() + ").");
        }
        if (rules.approver(caller.userId()).isEmpty()) {
            return Optional.of("Somente os aprovadores cadastrados da empresa podem aprovar ou reprovar remessas "
                    + "(Configurações > Aprovações).");
        }
        return Optional.empty();
    }
}
