package br.bankhistory.history.domain;

import java.util.Optional;

/**
 * Which remessas may be cancelled, by whom, and what a cancellation means (docs/remessa-lifecycle.md).
 *
 * <ul>
 *   <li>{@code GENERATED} (a person generated or imported it; not known to have reached the bank) and
 *       {@code REJECTED} (the file itself is unusable): cancelling withdraws it; its titles are free for a
 *       new remessa.</li>
 *   <li>{@code SENT} (the integration delivered it, no retorno yet): cancelling records that the company
 *       disowns the file and frees its titles; the bank may still process it, so the user is told to ask
 *       the bank not to.</li>
 *   <li>{@code PROCESSED_BY_BANK}: not cancellable; the bank acted on it, and only a new remessa (write-off
 *       or change instructions) can undo that.</li>
 *   <li>{@code AWAITING_APPROVAL} and {@code APPROVED} (generated, not yet released to the bank): cancelling
 *       withdraws it before it goes; its titles are free for a new remessa.</li>
 *   <li>{@code APPROVAL_REJECTED}: not cancellable; nothing went to the bank and its titles are free already.</li>
 *   <li>{@code CANCELLED}: already cancelled.</li>
 * </ul>
 * Admins may cancel any remessa of their company; other users only the ones they generated or imported.
 */
public final class RemessaLifecycle {

    private RemessaLifecycle() {
    }

    /**
     * Whether a remessa's title may go in a new remessa: its remessa was cancelled and no retorno settled the
     * title since (a title the bank paid or wrote off after the cancellation is not free: billing it again
     * would charge it twice).
     */
    public static boolean freeForNewRemittance(IntegrationRecord remessa, StoredItem title) {
        if (!titlesFreed(remessa)) {
            return false;
        }
        return title.answers().stream().noneMatch(answer -> SETTLED.contains(answer.category()));
    }

    /** The outcomes that settle a title: money moved, or the boleto is gone. */
    private static final java.util.Set<String> SETTLED = java.util.Set.of("PAID", "WRITTEN_OFF", "EFFECTED",
            "PROTESTED");

    /** Whether the record's titles were given up by the company (a cancelled remessa), unless settled since. */
    public static boolean titlesFreed(IntegrationRecord record) {
        return record.status() == RecordStatus.CANCELLED || record.status() == RecordStatus.APPROVAL_REJECTED;
    }

    /** Why this caller may not cancel this record now, state first (409) then the caller (403); empty if allowed. */
    public static Optional<String> cancelBlocked(IntegrationRecord record, Identity caller) {
        return stateBlocksCancel(record).or(() -> callerBlocksCancel(record, caller));
    }

    /** Why the record cannot be cancelled (a state reason, 409), or empty when its state allows it. */
    public static Optional<String> stateBlocksCancel(IntegrationRecord record) {
        if (record.kind() != FileKind.REMESSA_COBRANCA && record.kind() != FileKind.REMESSA_PAGAMENTO) {
            return Optional.of("Somente remessas podem ser canceladas; este arquivo é "
                    + record.kind().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return switch (record.status()) {
            case CANCELLED -> Optional.of("Esta remessa já está cancelada.");
            case PROCESSED_BY_BANK -> Optional.of("O banco já processou esta remessa (há retorno). Para desfazer, "
                    + "gere uma remessa com instruções de baixa ou alteração dos títulos.");
            case APPROVAL_REJECTED -> Optional.of("Esta remessa foi reprovada na aprovação: nada foi enviado ao "
                    + "banco e os títulos já estão livres para uma nova remessa.");
            case GENERATED, SENT, REJECTED, AWAITING_APPROVAL, APPROVED -> Optional.empty();
            default -> Optional.of("A situação atual da remessa não permite o cancelamento.");
        };
    }

    /** Why this caller may not cancel the record (403), or empty when allowed. */
    public static Optional<String> callerBlocksCancel(IntegrationRecord record, Identity caller) {
        if (caller.admin() || (!record.userId().isEmpty() && record.userId().equals(caller.userId()))) {
            return Optional.empty();
        }
        return Optional.of("Somente administradores ou quem gerou a remessa podem cancelá-la.");
    }

    /** What cancelling this record means, told to the user in the answer. */
    public static String cancellationEffect(IntegrationRecord record) {
        if (record.status() == RecordStatus.AWAITING_APPROVAL) {
            return "Remessa cancelada antes de ser aprovada: nada foi enviado ao banco. Os títulos ficam liberados "
                    + "para uma nova remessa.";
        }
        return record.status() == RecordStatus.SENT
                ? "Remessa cancelada. Ela já havia sido enviada ao banco: peça ao banco que não a processe. "
                        + "Os títulos ficam liberados para uma nova remessa."
                : "Remessa cancelada. Os títulos ficam liberados para uma nova remessa.";
    }
}
