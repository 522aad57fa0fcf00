package br.bankhistory.history.command;

import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.ingest.IngestFile;
import br.bankhistory.history.domain.ObjectPlace;
import br.bankhistory.history.domain.Uploader;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.FollowUps;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.Leases;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.TitleIndex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Re-runs a record with the current engine and settings (admins only): a rejected or suspect file after the
 * engine or the registered accounts changed, or an old one. The record keeps its id, receipt time, origin
 * and history, gains a history entry, and its items are replaced. Remessas in their lifecycle and cancelled
 * or duplicate records are not reprocessed (409): their state means something beyond the file's content.
 *
 * <p>A retorno's reconciliation is rebuilt, not lost (docs/remessa-lifecycle.md, "Reprocessing"): its answers
 * leave the remessas it answered; if it is processed again, every step of a first processing runs once in the
 * FollowUp function (reconciliation in its first order of application, so what was "earlier" stays earlier,
 * and the admins' email of an automatic file); if not, a remessa it alone answered goes back to the status it
 * had before.
 */
public final class ReprocessRecord {

    private static final JsonLog LOG = JsonLog.of(ReprocessRecord.class);
    private static final Set<RecordStatus> REPROCESSABLE = Set.of(RecordStatus.REJECTED, RecordStatus.OTHER_BANK_FILE,
            RecordStatus.SUSPECT, RecordStatus.PROCESSED);
    /** As long as an application may hold its bank's lease (ApplyRetorno): none runs while this one does. */
    private static final Duration LEASE = Duration.ofMinutes(16);

    private final RecordStore records;
    private final ItemStore items;
    private final TitleIndex index;
    private final Leases leases;
    private final FollowUps followUps;
    private final IngestFile ingest;
    private final Clock clock;

    public ReprocessRecord(RecordStore records, ItemStore items, TitleIndex index, Leases leases, FollowUps followUps,
                           IngestFile ingest, Clock clock) {
        this.records = records;
        this.items = items;
        this.index = index;
        this.leases = leases;
        this.followUps = followUps;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** Empty when the tenant has no such record. */
    public Optional<IntegrationRecord> reprocess(Identity caller, String id) {
        caller.requireAdmin("Somente administradores podem reprocessar arquivos.");
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> found = records.find(caller.tenant(), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IntegrationRecord before = found.get();
        if (!REPROCESSABLE.contains(before.status())) {
            throw new ConflictException("Arquivos na situação \"" + before.status().label()
                    + "\" não são reprocessados.");
        }
        ObjectPlace place = ObjectPlace.of(before.objectKey())
                .orElseThrow(() -> new ConflictException("O arquivo original não está num caminho reconhecido."));
        // the bank's retornos apply one at a time: none may read this one's links while they are rebuilt
        String lease = "apply#" + before.bankCode();
        // one owner per request: the lease is re-entrant for its owner, and two reprocessings of one record
        // must exclude each other as much as a reprocessing and an application do
        String owner = "reprocess#" + id + "#" + UUID.randomUUID();
        Instant now = clock.instant();
        if (!leases.acquire(caller.tenant(), lease, owner, now, now.plus(LEASE))) {
            throw new ConflictException("Um retorno deste banco está sendo aplicado agora; tente de novo em instantes.");
        }
        IntegrationRecord after;
        try {
            Map<String, Set<Integer>> answered = answeredChunks(before);
            items.deleteAll(before.tenant(), id);
            after = ingest.evaluate(new IngestFile.Arrival(before.objectKey(), before.receivedAt(), place,
                    new Uploader(before.origin(), before.userId(), before.userName()), id, before.sizeBytes(),
                    Map.of()));
            if (!records.replace(after, StatusChange.reprocessing(clock.instant(), before.status(), after.status(),
                    caller))) {
                throw new ConflictException("O registro foi alterado por outra solicitação; tente de novo.");
            }
            answered.forEach((remessa, chunks) -> chunks.forEach(c -> items.removeAnswers(caller.tenant(), remessa,
                    c, id)));
            if (!appliedAgain(after)) {
                index.remove(caller.tenant(), id);
                answered.keySet().forEach(remessa -> unanswer(caller, remessa, after));
            }
        } finally {
            leases.release(caller.tenant(), lease, owner);
        }
        // claims, reconciliation, email: what follows a first recording, once, in the FollowUp function
        followUps.processRecord(caller.tenant(), id, "reprocessed");
        LOG.info("record.reprocessed", Map.of("tenant", caller.tenant(), "recordId", id,
                "from", before.status().name(), "to", after.status().name()));
        return records.find(caller.tenant(), id);
    }

    private static boolean appliedAgain(IntegrationRecord record) {
        boolean retorno = record.kind() == FileKind.RETORNO_COBRANCA || record.kind() == FileKind.RETORNO_PAGAMENTO;
        return retorno && record.status() == RecordStatus.PROCESSED;
    }

    /** The remessas (and their chunks) the record's titles answered, from its links. */
    private Map<String, Set<Integer>> answeredChunks(IntegrationRecord record) {
        Map<String, Set<Integer>> answered = new TreeMap<>();
        int after = 0;
        while (true) {
            ItemReader.ItemPage page = items.page(record.tenant(), record.id(), after, ItemStore.CHUNK);
            for (StoredItem item : page.items()) {
                Reconciliation link = item.reconciliation();
                if (link != null && link.status() == Reconciliation.Status.MATCHED) {
                    answered.computeIfAbsent(link.recordId(), r -> new TreeSet<>()).add(ItemStore.chunkOf(link.seq()));
                }
            }
            if (page.lastSeq().isEmpty()) {
                return answered;
            }
            after = page.lastSeq().get();
        }
    }

    /** A remessa no retorno answers any more goes back to the status it had before the bank's answer. */
    private void unanswer(Identity caller, String remessaId, IntegrationRecord retorno) {
        if (items.hasAnswers(caller.tenant(), remessaId)) {
            return;
        }
        Optional<IntegrationRecord> remessa = records.find(caller.tenant(), remessaId);
        if (remessa.isEmpty() || remessa.get().status() != RecordStatus.PROCESSED_BY_BANK) {
            return;
        }
        List<StatusChange> history = records.statusHistory(caller.tenant(), remessaId);
        history.stream().filter(c -> c.to() == RecordStatus.PROCESSED_BY_BANK && c.from() != null)
                .reduce((first, second) -> second)
                .ifPresent(answer -> records.changeStatus(caller.tenant(), remessaId, new StatusChange(clock.instant(),
                        RecordStatus.PROCESSED_BY_BANK, answer.from(), caller.userId(), caller.userName(),
                        "Sem resposta do banco: o retorno " + FileNames.display(retorno.fileName()) + " foi reprocessado ("
                                + retorno.status().label() + ") e não a responde mais")));
    }
}
