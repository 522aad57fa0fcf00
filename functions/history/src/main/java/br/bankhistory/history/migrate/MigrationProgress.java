package br.bankhistory.history.migrate;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.log.JsonLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counts of one migration run and its JSON progress lines: records, items and elapsed time. */
final class MigrationProgress {

    private static final JsonLog LOG = JsonLog.of(ItemMigration.class);
    private static final int PROGRESS_EVERY = 100;

    private final boolean dryRun;
    private final Clock clock;
    private final Instant started;
    private long records;
    private long items;
    private long retryLater;
    private long orphans;

    MigrationProgress(boolean dryRun, Clock clock) {
        this.dryRun = dryRun;
        this.clock = clock;
        this.started = clock.instant();
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

    ItemMigration.Summary summary() {
        return new ItemMigration.Summary(records, items, retryLater, orphans);
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
