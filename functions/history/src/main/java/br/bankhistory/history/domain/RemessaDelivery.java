package br.bankhistory.history.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What each step of a remessa's delivery to the bank does to its record (docs/remessa-lifecycle.md, "Delivery to
 * the bank"). Pure: given the record as read, each answers the decision to write, or empty when the record is no
 * longer where the step expects it (another try took it, a cancellation won, it is at the bank already), so a step
 * that lost a race writes nothing. Written with {@code RecordStore.decide}, on the condition that the record is
 * still as read.
 */
public final class RemessaDelivery {

    private RemessaDelivery() {
    }

    /** Whether the delivery step takes this record: a remessa released for the bank, not delivered yet. */
    public static boolean deliverable(IntegrationRecord r) {
        return (r.kind() == FileKind.REMESSA_COBRANCA || r.kind() == FileKind.REMESSA_PAGAMENTO)
                && (r.status() == RecordStatus.READY_TO_SEND || r.status() == RecordStatus.APPROVED);
    }

    /** Whether try {@code claimId} holds the record's delivery now. */
    public static boolean holds(IntegrationRecord r, String claimId) {
        return deliverable(r) && r.delivery().inFlight() && r.delivery().claimId().equals(claimId);
    }

    /** Try {@code claimId} takes the delivery: nobody else holds it and its next try is due. */
    public static Optional<RecordDecision> claim(IntegrationRecord r, String claimId, Instant now,
                                                 Delivery.Destination to) {
        Delivery d = r.delivery();
        if (!deliverable(r) || d.inFlight() || (d.nextAttemptAt() != null && now.isBefore(d.nextAttemptAt()))) {
            return Optional.empty();
        }
        return Optional.of(RecordDecision.quiet(r.withDelivery(r.status(), d.claimed(claimId, now, to))));
    }

    /** The channel took the file and tells its outcome later (a transfer started). */
    public static Optional<RecordDecision> transferring(IntegrationRecord r, String claimId, String transferId) {
        return holds(r, claimId)
                ? Optional.of(RecordDecision.quiet(r.withDelivery(r.status(), r.delivery().transferring(transferId))))
                : Optional.empty();
    }

    /** The file is at the bank: "Enviada ao banco", once. */
    public static Optional<RecordDecision> delivered(IntegrationRecord r, String claimId, Instant now) {
        if (!holds(r, claimId)) {
            return Optional.empty();
        }
        Delivery d = r.delivery();
        IntegrationRecord after = r.withDelivery(RecordStatus.SENT, d.delivered(now));
        String reason = "Enviada ao banco por " + d.destination().label() + ": " + d.destination().remotePath()
                + " (tentativa " + d.attempts() + ")";
        return Optional.of(new RecordDecision(after, integration(now, r.status(), RecordStatus.SENT, reason),
                RemessaEvents.delivered(after)));
    }

    /** The finding of a failed transfer result for a remessa the destination showed delivered. */
    public static final String RESULT_CONTRADICTS = "DELIVERY_RESULT_CONTRADICTS";

    /**
     * A transfer's result that came after its try was settled without it: the destination was checked first (the
     * try outlived its lease) or the try was given up. A completed transfer of a remessa waiting for its next try or
     * in "Falha no envio" means the file is at the bank: "Enviada ao banco" now, so no try sends it again. A failed
     * transfer of a remessa the destination showed there changes no status (the file was seen at the bank) and is a
     * warning on the record, for a person to confirm with the bank. Anything else (another try's transfer, a
     * result repeated) changes nothing.
     */
    public static Optional<RecordDecision> lateResult(IntegrationRecord r, String transferId, boolean completed,
                                                      String why, Instant now) {
        Delivery d = r.delivery();
        if (d.inFlight() || transferId.isEmpty() || !d.transferId().equals(transferId)) {
            return Optional.empty();
        }
        boolean notSent = (deliverable(r) && d.state() == Delivery.State.WAITING)
                || r.status() == RecordStatus.DELIVERY_FAILED;
        if (completed && notSent) {
            IntegrationRecord after = r.withDelivery(RecordStatus.SENT, d.delivered(now));
            String reason = "Enviada ao banco por " + d.destination().label() + ": " + d.destination().remotePath()
                    + " (a transferência " + transferId + " terminou depois que a tentativa " + d.attempts()
                    + " foi dada como falha; nenhuma nova tentativa é feita)";
            return Optional.of(new RecordDecision(after, integration(now, r.status(), RecordStatus.SENT, reason),
                    RemessaEvents.delivered(after)));
        }
        if (!completed && r.status() == RecordStatus.SENT
                && r.findings().stream().noneMatch(f -> f.code().equals(RESULT_CONTRADICTS))) {
            return Optional.of(RecordDecision.quiet(r.withFindingReplaced(RESULT_CONTRADICTS, new StoredFinding(
                    "WARNING", 0, 0, RESULT_CONTRADICTS, "",
                    "O arquivo foi visto no SFTP do banco, mas a transferência " + transferId + " informou falha "
                            + "depois (" + why + "). Confirme com o banco se ele recebeu esta remessa antes de "
                            + "enviá-la de novo.",
                    "The file was seen at the bank's SFTP, but transfer " + transferId
                            + " reported a failure later."))));
        }
        return Optional.empty();
    }

    /**
     * Try {@code claimId} failed (the channel refused the file, or it never reached the destination): another try
     * after the policy's wait, or "Falha no envio" after the last.
     */
    public static Optional<RecordDecision> failed(IntegrationRecord r, String claimId, String why, Instant now,
                                                  DeliveryPolicy policy) {
        if (!holds(r, claimId)) {
            return Optional.empty();
        }
        Delivery d = r.delivery();
        if (d.attempts() < policy.maxAttempts()) {
            Duration wait = policy.delayAfter(d.attempts());
            String reason = "Tentativa " + d.attempts() + " de " + policy.maxAttempts() + " do envio ao banco falhou: "
                    + (why.endsWith(".") ? why : why + ".") + " Nova tentativa em " + wait(wait) + ".";
            return Optional.of(new RecordDecision(r.withDelivery(r.status(), d.retryAt(why, now.plus(wait))),
                    integration(now, r.status(), r.status(), reason)));
        }
        return Optional.of(finalFailure(r, d, why, now, "Falha no envio ao banco após " + d.attempts()
                + (d.attempts() == 1 ? " tentativa: " : " tentativas: ") + why));
    }

    /** No try can be made (the account has no channel configured): "Falha no envio" at once, with the reason. */
    public static Optional<RecordDecision> cannotSend(IntegrationRecord r, String why, Instant now) {
        if (!deliverable(r) || r.delivery().inFlight()) {
            return Optional.empty();
        }
        return Optional.of(finalFailure(r, r.delivery(), why, now, "Falha no envio ao banco: " + why));
    }

    /** An admin asks again for a remessa whose delivery failed: it waits for delivery, with a new round of tries. */
    public static RecordDecision requestAgain(IntegrationRecord r, Identity by, Instant now) {
        if (r.status() != RecordStatus.DELIVERY_FAILED) {
            throw new ConflictException(r.status() == RecordStatus.SENT
                    ? "Esta remessa já foi enviada ao banco; ela não é enviada de novo."
                    : "Somente remessas com falha no envio podem ser enviadas de novo (situação: "
                            + r.status().label() + ").");
        }
        IntegrationRecord after = r.withDelivery(RecordStatus.READY_TO_SEND, r.delivery().requestedAgain());
        return new RecordDecision(after, new StatusChange(now, r.status(), RecordStatus.READY_TO_SEND, by.userId(),
                by.userName(), "Novo envio ao banco pedido por " + by.userName()),
                RemessaEvents.deliveryRequested(r, after, by));
    }

    private static RecordDecision finalFailure(IntegrationRecord r, Delivery d, String why, Instant now,
                                               String reason) {
        IntegrationRecord after = r.withDelivery(RecordStatus.DELIVERY_FAILED, d.failed(why));
        return new RecordDecision(after, integration(now, r.status(), RecordStatus.DELIVERY_FAILED, reason),
                RemessaEvents.deliveryFailed(r, after));
    }

    private static StatusChange integration(Instant at, RecordStatus from, RecordStatus to, String reason) {
        return new StatusChange(at, from, to, "", Identity.INTEGRATION_USER_NAME, reason);
    }

    /** "30 s", "5 min", "1 h" (pt-BR). */
    static String wait(Duration d) {
        if (d.toMinutes() >= 60 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        if (d.getSeconds() >= 60 && d.toSecondsPart() == 0) {
            return d.toMinutes() + " min";
        }
        return d.getSeconds() >= 1 ? d.getSeconds() + " s" : d.toMillis() + " ms";
    }
}
