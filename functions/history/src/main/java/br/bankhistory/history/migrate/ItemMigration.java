package br.bankhistory.history.migrate;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.ingest.ApplyRetorno;
import br.bankhistory.history.ingest.ClaimRemessaTitles;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.FormerItems;
import br.bankhistory.history.port.ItemReader;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.titles.TitleRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves the items of records of the former layout (one DynamoDB item per title) to chunks, and puts the
 * records in the title index, so the search by nosso número and reconciliation find them
 * (docs/operations.md, "Migrating items of the former layout"). Per record: the items are written as chunks by
 * the writer the Ingest path uses (its first chunk last), the title index is written the way recording does
 * (a remessa's titles claimed and indexed; a retorno applied again, which is idempotent), and only then are the
 * old items deleted. A run that stops anywhere leaves every record readable, and the next run completes it.
 * Within a tenant, remessas and other files go first, then retornos in the order they were received, so a
 * retorno applied again finds the remessas that sent its titles.
 */
public final class ItemMigration {

    private static final JsonLog LOG = JsonLog.of(ItemMigration.class);
    private static final int RECORDS_PAGE = 200;
    private static final int PROGRESS_EVERY = 100;

    private final RecordStore records;
    private final FormerItems former;
    private final ItemStore items;
    private final ClaimRemessaTitles claims;
    private final ApplyRetorno apply;
    private final Clock clock;

    public ItemMigration(RecordStore records, FormerItems former, ItemStore items, ClaimRemessaTitles claims,
                         ApplyRetorno apply, Clock clock) {
        this.records = records;
        this.former = former;
        this.items = items;
        this.claims = claims;
        this.apply = apply;
        this.clock = clock;
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
        Progress progress = new Progress(options.dryRun(), clock.instant());
        Map<String, SortedSet<String>> byTenant = listed(options.tenants());
        LOG.info("migration.started", Map.of("dryRun", options.dryRun(), "tenants", byTenant.size(),
                "records", byTenant.values().stream().mapToInt(SortedSet::size).sum()));
        byTenant.forEach((tenant, ids) -> migrateTenant(tenant, ids, progress));
        Summary summary = progress.summary();
        LOG.info("migration.finished", progress.fields());
        return summary;
    }

    /** Remessas and every other file first, then the retornos, oldest first (record ids sort by receipt). */
    private void migrateTenant(String tenant, SortedSet<String> ids, Progress progress) {
        List<String> retornos = new ArrayList<>();
        for (String id : ids) {
            Optional<IntegrationRecord> record = records.find(tenant, id);
            if (record.isEmpty()) {
                progress.orphan(tenant, id);
            } else if (isRetorno(record.get())) {
                retornos.add(id);
            } else {
                migrate(record.get(), progress);
            }
        }
        for (String id : retornos) {
            records.find(tenant, id).ifPresentOrElse(r -> migrate(r, progress), () -> progress.orphan(tenant, id));
        }
    }

    private void migrate(IntegrationRecord record, Progress progress) {
        String tenant = record.tenant();
        String id = record.id();
        if (progress.dryRun()) {
            progress.moved(countFormer(tenant, id));
            return;
        }
        long moved = items.hasChunks(tenant, id) ? 0 : copy(tenant, id);
        try {
            index(record);
        } catch (RetryLaterException busy) {
            progress.retryLater(record, busy);
            return; // chunks written, old items kept: the next run indexes it and deletes them
        }
        former.deleteAll(tenant, id);
        progress.moved(moved);
    }

    /**
     * The old items, page by page, into chunks. The writer is closed only when every item was added: a failure
     * leaves the first chunk unwritten, and the record reads its old items as before.
     */
    private long copy(String tenant, String id) {
        ItemStore.Writer writer = items.writer(tenant, id);
        long count = 0;
        int after = 0;
        while (true) {
            ItemReader.ItemPage page = former.page(tenant, id, after, ItemStore.CHUNK);
            for (StoredItem item : page.items()) {
                writer.add(item); // chunks keep what the file says; links are written by the index step
                count++;
            }
            if (page.lastSeq().isEmpty() || page.items().isEmpty()) {
                break;
            }
            after = page.lastSeq().get();
        }
        writer.close();
        return count;
    }

    /** As recording would have: a live remessa claims and indexes its titles, a retorno is applied again. */
    private void index(IntegrationRecord record) {
        if (TitleRegistry.LIVE.contains(record.status())) {
            claims.claim(record);
        } else if (record.status() == RecordStatus.CANCELLED) {
            claims.index(record); // it was live once, and retornos still tell about its titles
        } else if (isRetorno(record)) {
            apply.apply(record); // a retorno that was not processed is not applied, as on its arrival
        }
    }

    private long countFormer(String tenant, String id) {
        long count = 0;
        int after = 0;
        while (true) {
            ItemReader.ItemPage page = former.page(tenant, id, after, ItemStore.CHUNK);
            count += page.items().size();
            if (page.lastSeq().isEmpty() || page.items().isEmpty()) {
                return count;
            }
            after = page.lastSeq().get();
        }
    }

    private static boolean isRetorno(IntegrationRecord r) {
        return r.kind() == FileKind.RETORNO_COBRANCA || r.kind() == FileKind.RETORNO_PAGAMENTO;
    }

    /** The named tenants' records with old items: a Query of each tenant's records, one small Query each. */
    private Map<String, SortedSet<String>> listed(List<String> tenants) {
        Map<String, SortedSet<String>> byTenant = new TreeMap<>();
        for (String tenant : tenants) {
            SortedSet<String> ids = byTenant.computeIfAbsent(tenant, t -> new TreeSet<>());
            Optional<String> after = Optional.empty();
            do {
                RecordStore.RecordPage page = records.list(tenant, ListFilter.NONE, after, RECORDS_PAGE);
                page.records().stream().map(IntegrationRecord::id).filter(id -> former.hasItems(tenant, id))
                        .forEach(ids::add);
                after = page.lastId();
            } while (after.isPresent());
        }
        return byTenant;
    }

    /** Counts and JSON progress lines: records, items and elapsed time. */
    private final class Progress {
        private final boolean dryRun;
        private final Instant started;
        private long records;
        private long items;
        private long retryLater;
        private long orphans;

        Progress(boolean dryRun, Instant started) {
            this.dryRun = dryRun;
            this.started = started;
        }

        boolean dryRun() {
            return dryRun;
        }

        void moved(long count) {
            records++;
            items += count;
            if (records % PROGRESS_EVERY == 0) {
                LOG.info("migration.progress", fields());
            }
        }

        void retryLater(IntegrationRecord record, RetryLaterException why) {
            retryLater++;
            LOG.warn("migration.retry_later", Map.of("tenant", record.tenant(), "recordId", record.id(),
                    "reason", why.getMessage()));
        }

        void orphan(String tenant, String id) {
            orphans++;
            LOG.warn("migration.record_missing", Map.of("tenant", tenant, "recordId", id));
        }

        Summary summary() {
            return new Summary(records, items, retryLater, orphans);
        }

        Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dryRun", dryRun);
            fields.put("records", records);
            fields.put("items", items);
            fields.put("retryLater", retryLater);
            fields.put("orphans", orphans);
            fields.put("elapsedMs", Duration.between(started, clock.instant()).toMillis());
            return fields;
        }
    }
}
