package br.bankhistory.history.domain;

import java.util.Optional;

/**
 * Which remessas may be cancelled, by whom, and what a cancellation means (docs/remessa-lifecycle.md).
 *
 * <ul>
 *   <li>{@code GENERATED} (a person generated or imported it; not known to have reached the bank) and
 *       {@code REJECTED} (the file itself is unusable): cancelling withdraws it; its titles are free for a
 *       new remessa.</li>
 *   <li>{@code READY_TO_SEND}, {@code AWAITING_APPROVAL}, {@code APPROVED} and {@code DELIVERY_FAILED} (generated,
 *       not at the bank): cancelling withdraws it before it goes; its titles are free for a new remessa. Not while
 *       a delivery try is under way: its outcome comes first (of a cancel and a delivery at once, one wins).</li>
 *   <li>{@code SENT} (at the bank: delivered by this service or by the integration): the service cannot take it
 *       back; the user asks the bank not to process it, and then records the cancellation saying so
 *       ({@code bankNotified}), which frees its titles.</li>
 *   <li>{@code PROCESSED_BY_BANK}: not cancellable; the bank acted on it, and only a new remessa (write-off
 *       or change instructions) can undo that.</li>
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

    /**
     * Why this caller may not cancel this record now without saying they asked the bank not to process it, state
     * first (409) then the caller (403); empty if allowed.
     */
    public static Optional<String> cancelBlocked(IntegrationRecord record, Identity caller) {
        return stateBlocksCancel(record, false).or(() -> callerBlocksCancel(record, caller));
    }

    /**
     * Why the record cannot be cancelled (a state reason, 409), or empty when its state allows it.
     *
     * @param bankNotified the user says they asked the bank not to process the remessa (needed once it is there)
     */
    public static Optional<String> stateBlocksCancel(IntegrationRecord record, boolean bankNotified) {
        if (record.kind() != FileKind.REMESSA_COBRANCA && record.kind() != FileKind.REMESSA_PAGAMENTO) {
            return Optional.of("Somente remessas podem ser canceladas; este arquivo é "
                    + record.kind().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (record.delivery().inFlight()) {
            return Optional.of("O envio desta remessa ao banco está em andamento; aguarde o resultado (\"Enviada ao "
                    + "banco\" ou \"Falha no envio\") e tente de novo.");
        }
        return switch (record.status()) {
            case CANCELLED -> Optional.of("Esta remessa já está cancelada.");
            case PROCESSED_BY_BANK -> Optional.of("O banco já processou esta remessa (há retorno). Para desfazer, "
                    + "gere uma remessa com instruções de baixa ou alteração dos títulos.");
            case APPROVAL_REJECTED -> Optional.of("Esta remessa foi reprovada na aprovação: nada foi enviado ao "
                    + "banco e os títulos já estão livres para uma nova remessa.");
            case SENT -> bankNotified ? Optional.empty() : Optional.of(SENT_NEEDS_THE_BANK);
            case GENERATED, READY_TO_SEND, REJECTED, AWAITING_APPROVAL, APPROVED, DELIVERY_FAILED -> Optional.empty();
            default -> Optional.of("A situação atual da remessa não permite o cancelamento.");
        };
    }

    /** A remessa at the bank is cancelled here only once the user says the bank was asked not to process it. */
    public static boolean cancelNeedsBankNotified(IntegrationRecord record) {
        return record.status() == RecordStatus.SENT;
    }

    /** What a user must do before a remessa at the bank can be cancelled here. */
    public static final String SENT_NEEDS_THE_BANK = "Esta remessa já está no banco: o serviço não consegue retirá-la "
            + "sozinho. Peça ao banco que não a processe e depois registre o cancelamento informando que o banco foi "
            + "avisado (na página, “Cancelar: banco avisado”; na API, bankNotified: true).";

    /** Why this caller may not cancel the record (403), or empty when allowed. */
    public static Optional<String> callerBlocksCancel(IntegrationRecord record, Identity caller) {
        if (caller.admin() || (!record.userId().isEmpty() && record.userId().equals(caller.userId()))) {
            return Optional.empty();
        }
        return Optional.of("Somente administradores ou quem gerou a remessa podem cancelá-la.");
    }

    /** What cancelling this record means, told to the user in the answer. */
    public static String cancellationEffect(IntegrationRecord record) {
        return switch (record.status()) {
            case AWAITING_APPROVAL -> "Remessa cancelada antes de ser aprovada: nada foi enviado ao banco. Os títulos "
                    + "ficam liberados para uma nova remessa.";
            case READY_TO_SEND, APPROVED, DELIVERY_FAILED -> "Remessa cancelada antes do envio: nada foi enviado ao "
                    + "banco. Os títulos ficam liberados para uma nova remessa.";
            case SENT -> "Cancelamento registrado. A remessa já estava no banco: como você informou, o banco foi "
                    + "avisado para não processá-la. Os títulos ficam liberados para uma nova remessa.";
            default -> "Remessa cancelada. Os títulos ficam liberados para uma nova remessa.";
        };
    }
}
