package br.bankhistory.history.ingest;

import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.RecordStore;

import java.util.Map;

/** Runs the steps that follow the recording of a file on a recorded one (a follow-up: a released file). */
public final class ProcessRecord {

    private static final JsonLog LOG = JsonLog.of(ProcessRecord.class);

    private final RecordStore records;
    private final AfterRecording after;

    public ProcessRecord(RecordStore records, AfterRecording after) {
        this.records = records;
        this.after = after;
    }

    public void run(String tenant, String recordId) {
        records.find(tenant, recordId).ifPresentOrElse(record -> {
            after.run(record);
            LOG.info("followup.done", Map.of("tenant", tenant, "recordId", recordId, "status", record.status().name()));
        }, () -> LOG.warn("followup.ignored", Map.of("tenant", tenant, "recordId", recordId, "reason", "no record")));
    }
}
