package br.bankhistory.history.wiring;

import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.ingest.ProcessRecord;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;

/**
 * The FollowUp function's wiring: {@link ProcessRecord}, the steps after a file's recording run on a record
 * named by a message (claim the remessa's titles, reconcile, email). It reads no file's bytes into the engine.
 */
public final class FollowUpWiring {

    private final Components parts;
    private final ProcessRecord processRecord;

    public FollowUpWiring(Components parts) {
        this.parts = parts;
        this.processRecord = new ProcessRecord(parts.records(), parts.afterRecording());
    }

    public static FollowUpWiring create(ServiceConfig config) {
        return new FollowUpWiring(new Components(config, Clock.systemUTC()));
    }

    public static FollowUpWiring fromEnvironment() {
        return create(ServiceConfig.fromEnvironment(System.getenv()));
    }

    public ServiceConfig config() {
        return parts.config();
    }

    public ObjectMapper json() {
        return parts.json();
    }

    public ProcessRecord processRecord() {
        return processRecord;
    }
}
