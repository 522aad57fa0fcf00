package br.bankhistory.history.migrate;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.ingest.ApplyRetorno;
import br.bankhistory.history.ingest.ClaimRemessaTitles;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.FormerItems;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Moves the items of records of the former layout (one DynamoDB item per title) to chunks, and puts the
 * records in the title index, so the search by nosso número and reconciliation find them
 * (docs/operations.md, "Migrating items of the former layout"). Per record: the items are written as chunks by
 * the writer the Ingest path uses (its first chunk last), the title index is written the way recording does
 * (a remessa's titles claimed and indexed; a retorno applied again, which is idempotent), and only then are the
 * old items deleted. A run that stops anywhere leaves every record readable, and the next run completes it.
 * Within a tenant, remessas and other files go first, then retornos in the order they were received, so a
 * retorno applied again finds the remessas that sent its titles. This class keeps that order; listing the records
 * ({@link RecordsWithFormerItems}), copying their items ({@link FormerItemCopy}), indexing their titles
 * ({@link TitleIndexing}) and counting ({@link MigrationProgress}) are each done by their own part.
 */
public final class ItemMigration {

    private static final JsonLog LOG = JsonLog.of(ItemMigration.class);

    private final RecordStore records;
    private final FormerItems former;
    private final ItemStore items;
    private final Clock clock;
    private final RecordsWithFormerItems listing;
    private final FormerItemCopy copy;
    private final TitleIndexing titles;

    public ItemMigration(RecordStore records, FormerItems former, ItemStore items, ClaimRemessaTitles claims,
                         ApplyRetorno apply, Clock clock) {
        this.records = records;
        this.former = former;
        this.items = items;
        this.clock = clock;
        this.listing = new RecordsWithFormerItems(records, former);
        this.copy = new FormerItemCopy(former, items);
        this.titles = new TitleIndexing(claims, apply);
    }

    /**
     * @param dryRun  counts the records and items that would move, and writes nothing
     * @param tenants the tenants whose records are read (a Query of each tenant's records; there is no Scan:
     *                the operator names the tenants, as the user pool lists them), at least one
     */
    public record Options(boolean dryRun, List<String> tenants) {
        public Options {
            tenants = List.copyOf(tenants);
            if (tenants.isEmpty()) {
                throw new IllegalArgumentException("name at least one tenant (--tenant)");
            }
        }
    }

    /**
     * What a run did (or, in a dry run, would do).
     *
     * @param records    records whose items were moved (or would be)
     * @param items      items moved (or that would be); a record resumed after its chunks were written counts 0
     * @param retryLater retornos left as they were because another retorno of their bank was being applied:
     *                   readable as before, moved by the next run
     * @param orphans    item partitions without their record: left as they are, and logged
     */
    public record Summary(long records, long items, long retryLater, long orphans) {
    }

    public Summary run(Options options) {
        MigrationProgress progress = new MigrationProgress(options.dryRun(), clock);
        Map<String, SortedSet<String>> byTenant = listing.of(options.tenants());
        LOG.info("migration.started", Map.of("dryRun", options.dryRun(), "tenants", byTenant.size(),
                "records", byTenant.values().stream().mapToInt(SortedSet::size).sum()));
        byTenant.forEach((tenant, ids) -> migrateTenant(tenant, ids, progress));
        Summary summary = progress.summary();
        LOG.info("migration.finished", progress.fields());
        return summary;
    }

    /** Remessas and every other file first, then the retornos, oldest first (record ids sort by receipt). */
    private void migrateTenant(String tenant, SortedSet<String> ids, MigrationProgress progress) {
        List<String> retornos = new ArrayList<>();
        for (String id : ids) {
            Optional<IntegrationRecord> record = records.find(tenant, id);
            if (record.isEmpty()) {
                progress.orphan(tenant, id);
            } else if (TitleIndexing.isRetorno(record.get())) {
                retornos.add(id);
            } else {
                migrate(record.get(), progress);
            }
        }
        for (String id : retornos) {
            records.find(tenant, id).ifPresentOrElse(r -> migrate(r, progress), () -> progress.orphan(tenant, id));
        }
    }

    private void migrate(IntegrationRecord record, MigrationProgress progress) {
        String tenant = record.tenant();
        String id = record.id();
        if (progress.dryRun()) {
            progress.moved(copy.count(tenant, id));
            return;
        }
        long moved = items.hasChunks(tenant, id) ? 0 : copy.copy(tenant, id);
        try {
            titles.index(record);
        } catch (RetryLaterException busy) {
            progress.retryLater(record, busy);
            return; // chunks written, old items kept: the next run indexes it and deletes them
        }
        former.deleteAll(tenant, id);
        progress.moved(moved);
    }
}
