package br.bankhistory.history.domain;

/**
 * Where a recorded file stands. Retornos and other files end in one of the first three; remessas then live
 * through the remessa states (see docs/remessa-lifecycle.md).
 */
public enum RecordStatus {
    /** Read and recorded; findings, if any, are warnings. */
    PROCESSED("Processado"),
    /** Kept and recorded, but not trusted: unreadable, not CNAB, too large, or with errors. */
    REJECTED("Rejeitado"),
    /** A text file from the bank that is not CNAB (a transmission receipt, a printed report). */
    OTHER_BANK_FILE("Outro arquivo do banco"),
    /** A remessa generated or imported by a person, not known to have reached the bank. */
    GENERATED("Gerada"),
    /**
     * A remessa the service generated and handed to the integration ({@code sendAutomatically}, the scheduled
     * run) that needs no approval: waiting for its delivery to the bank's channel.
     */
    READY_TO_SEND("Aguardando envio"),
    /**
     * A remessa the service generated whose total needs approval under the tenant's rules (alçadas): kept,
     * not released to the bank, until enough distinct approvers approve it or one rejects it.
     */
    AWAITING_APPROVAL("Aguardando aprovação"),
    /** A remessa that waited for approval and got every approval it needed: the delivery step takes it. */
    APPROVED("Aprovada"),
    /**
     * A remessa an approver rejected (with a reason): never released, its titles free for a new remessa. Not
     * {@link #REJECTED}, which says the file itself is unusable.
     */
    APPROVAL_REJECTED("Reprovada"),
    /** A remessa at the bank: delivered by this service, or put in {@code outbound/} by the integration on its own. */
    SENT("Enviada ao banco"),
    /** A remessa whose delivery to the bank failed at its last try: an admin may ask for it again. */
    DELIVERY_FAILED("Falha no envio"),
    /** A remessa the bank answered with a retorno. */
    PROCESSED_BY_BANK("Processada pelo banco"),
    /** A remessa a user cancelled. */
    CANCELLED("Cancelada"),
    /** The same bytes as a file the tenant already has: recorded, pointing at the first, not processed again. */
    DUPLICATE("Duplicado"),
    /** The file names a bank account or convênio the tenant has not registered: kept, not processed. */
    SUSPECT("Suspeito"),
    /**
     * Probably a file the tenant already has (the same content by meaning, or the same bank, account, NSA and
     * date): kept and held, not processed nor reconciled, until an admin releases or discards it.
     */
    POSSIBLE_DUPLICATE("Possível duplicado"),
    /**
     * A retorno that is not whole (no file trailer, a lote without its trailer, a cut last line, counts its
     * trailers contradict): kept and held, not processed nor reconciled, until an admin releases or discards it.
     */
    INCOMPLETE("Incompleto"),
    /** A held file an admin decided not to process. */
    DISCARDED("Descartado");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    /** Whether a file in this status waits, kept and unprocessed, for an admin to release or discard it. */
    public boolean held() {
        return this == POSSIBLE_DUPLICATE || this == INCOMPLETE;
    }

    /** The pt-BR name users read. */
    public String label() {
        return label;
    }
}
