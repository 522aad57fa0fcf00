package br.bankhistory.history.command;

import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.ingest.IngestFile;
import br.bankhistory.history.ingest.ObjectPlace;
import br.bankhistory.history.ingest.Uploader;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.TitleIndex;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-runs a record with the current engine and settings (admins only): a rejected or suspect file after the
 * engine or the registered accounts changed, or an old one. The record keeps its id, receipt time, origin
 * and history, gains a history entry, and its items are replaced. Remessas in their lifecycle and cancelled
 * or duplicate records are not reprocessed (409): their state means something beyond the file's content.
 */
public final class ReprocessRecord {

    private static final JsonLog LOG = JsonLog.of(ReprocessRecord.class);
    private static final Set<RecordStatus> REPROCESSABLE = Set.of(RecordStatus.REJECTED, RecordStatus.OTHER_BANK_FILE,
            RecordStatus.SUSPECT, RecordStatus.PROCESSED);

    private final RecordStore records;
    private final ItemStore items;
    private final TitleIndex index;
    private final IngestFile ingest;
    private final Clock clock;

    public ReprocessRecord(RecordStore records, ItemStore items, TitleIndex index, IngestFile ingest, Clock clock) {
        this.records = records;
        this.items = items;
        this.index = index;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** Empty when the tenant has no such record. */
    public Optional<IntegrationRecord> reprocess(Identity caller, String id) {
        if (!caller.admin()) {
            throw new ForbiddenException("Somente administradores podem reprocessar arquivos.");
        }
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
        items.deleteAll(before.tenant(), id);
        index.remove(before.tenant(), id);
        IntegrationRecord after = ingest.evaluate(new IngestFile.Arrival(before.objectKey(), before.receivedAt(), place,
                new Uploader(before.origin(), before.userId(), before.userName()), id, before.sizeBytes(), Map.of()));
        StatusChange change = new StatusChange(clock.instant(), before.status(), after.status(), caller.userId(),
                caller.userName(), "Reprocessado com a versão atual do leitor");
        if (!records.replace(after, change)) {
            throw new ConflictException("O registro foi alterado por outra solicitação; tente de novo.");
        }
        LOG.info("record.reprocessed", Map.of("tenant", caller.tenant(), "recordId", id,
                "from", before.status().name(), "to", after.status().name()));
        return records.find(caller.tenant(), id);
    }
}
