package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.InstructionEvents;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.PendingInstruction;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.domain.Settlement;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.InstructionStore;
import br.bankhistory.history.port.ItemStore;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settles the pending instructions a retorno answers (docs/remessa-lifecycle.md, "Settled by the bank's
 * retorno"): while a retorno is applied, each of its titles linked to a remessa title is handed here; when that
 * remessa is one a scheduled run wrote, its title at position p carries the run's p-th instruction
 * ({@link InstructionStore#carryOf}), and the retorno title's answer (confirmed or rejected, the occurrence, the
 * reasons, what was paid) is recorded on the instruction, which becomes {@code SETTLED}, with an
 * {@code instruction.settled} event in the same transaction.
 *
 * <p>Idempotent by meaning: an answer the instruction already has (the same retorno applied again, reprocessed,
 * or delivered twice) records nothing and publishes nothing; a write is conditional on the instruction as read,
 * so two applications at once record an answer once. A later answer (a liquidação after the entrada confirmada)
 * becomes the settlement; an earlier-applied retorno's answer arriving late (a reprocessing) joins the history
 * without replacing it.
 */
public final class SettleInstructions {

    private static final int ATTEMPTS = 5;
    private static final JsonLog LOG = JsonLog.of(SettleInstructions.class);

    private final InstructionStore store;
    private final ItemStore items;
    private final Clock clock;

    public SettleInstructions(InstructionStore store, ItemStore items, Clock clock) {
        this.store = store;
        this.items = items;
        this.clock = clock;
    }

    /** @param order the retorno's order of application (docs/remessa-lifecycle.md, "Reconciliation") */
    public Batch batch(IntegrationRecord retorno, long order) {
        return new Batch(retorno, order);
    }

    /** The titles of one application of a retorno, gathered as they are linked, settled together. */
    public final class Batch {

        private record Answered(IntegrationRecord remessa, InstructionStore.Carry carry, int remessaSeq) {
        }

        private final IntegrationRecord retorno;
        private final long order;
        private final Map<String, Optional<InstructionStore.Carry>> carries = new HashMap<>();
        private final Map<Integer, Answered> byRetornoSeq = new TreeMap<>();

        private Batch(IntegrationRecord retorno, long order) {
            this.retorno = retorno;
            this.order = order;
        }

        /** The retorno's title at {@code retornoSeq} answers the remessa's title at {@code remessaSeq}. */
        public void add(IntegrationRecord remessa, int remessaSeq, int retornoSeq) {
            Optional<InstructionStore.Carry> carry = carries.computeIfAbsent(remessa.id(), id ->
                    remessa.objectKey() != null && remessa.objectKey().startsWith("outbound/")
                            ? store.carryOf(retorno.tenant(), remessa.objectKey()) : Optional.empty());
            if (carry.isPresent() && remessaSeq >= 1 && remessaSeq <= carry.get().instructionIds().size()) {
                byRetornoSeq.put(retornoSeq, new Answered(remessa, carry.get(), remessaSeq));
            }
        }

        /** Reads the chunks of the titles that answer an instruction, once each, and settles them. */
        public void run() {
            if (byRetornoSeq.isEmpty()) {
                return;
            }
            Instant at = clock.instant();
            int settled = 0;
            for (int chunk : new TreeSet<>(byRetornoSeq.keySet().stream().map(ItemStore::chunkOf).toList())) {
                for (StoredItem title : items.itemsOfChunk(retorno.tenant(), retorno.id(), chunk)) {
                    Answered answered = byRetornoSeq.get(title.seq());
                    Optional<Settlement> answer = answered == null ? Optional.empty()
                            : Settlement.of(title, retorno.id(), order, at);
                    if (answer.isPresent() && settle(answered, title, answer.get())) {
                        settled++;
                    }
                }
            }
            LOG.info("instructions.settled", Map.of("tenant", retorno.tenant(), "recordId", retorno.id(),
                    "answered", byRetornoSeq.size(), "settled", settled));
        }

        private boolean settle(Answered answered, StoredItem title, Settlement answer) {
            String tenant = retorno.tenant();
            InstructionStore.Carry carry = answered.carry();
            String id = carry.instructionIds().get(answered.remessaSeq() - 1);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<PendingInstruction> found = store.find(tenant, id);
                if (found.isEmpty()) {
                    return false;
                }
                PendingInstruction now = found.get();
                if (now.status() == PendingInstruction.Status.PENDING
                        && now.claimedBy().equals(Optional.of(carry.runId()))) {
                    // its run died before marking it; the bank answering its remessa proves the remessa went
                    store.carry(tenant, id, carry.runId(), new PendingInstruction.Carrier(carry.objectKey(),
                            carry.fileName(), clock.instant()));
                    continue;
                }
                if (!now.carrier().map(PendingInstruction.Carrier::key).equals(Optional.of(carry.objectKey()))) {
                    LOG.warn("instruction.not_settled", Map.of("tenant", tenant, "id", id, "status",
                            now.status().name(), "reason", "not carried by the answered remessa"));
                    return false;
                }
                Optional<PendingInstruction> next = now.answered(answer);
                if (next.isEmpty()) {
                    return false; // this answer is recorded already
                }
                if (store.settle(tenant, now, next.get(), InstructionEvents.settled(next.get(), answer,
                        answered.remessa(), answered.remessaSeq(), retorno, title))) {
                    return true;
                }
            }
            throw new RetryLaterException("instruction " + id + " of tenant " + tenant + " kept changing while "
                    + retorno.id() + " settled it");
        }
    }
}
