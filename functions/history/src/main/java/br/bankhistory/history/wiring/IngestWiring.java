package br.bankhistory.history.wiring;

import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.ingest.ReceiveFile;
import br.bankhistory.history.log.Metrics;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;

/**
 * The Ingest function's wiring: {@link ReceiveFile}, that is recording the file, then claiming the remessa's
 * titles, reconciling a retorno and emailing the admins. The SES client and Jakarta Mail wait for the first
 * email (see {@link Components}).
 */
public final class IngestWiring {

    private final Components parts;
    private final ReceiveFile receiveFile;

    public IngestWiring(Components parts) {
        this.parts = parts;
        this.receiveFile = new ReceiveFile(parts.ingestFile(), parts.afterRecording(), parts.records(),
                Metrics.stdout());
    }

    public static IngestWiring create(ServiceConfig config) {
        return new IngestWiring(new Components(config, Clock.systemUTC()));
    }

    public static IngestWiring fromEnvironment() {
        return create(ServiceConfig.fromEnvironment(System.getenv()));
    }

    public ServiceConfig config() {
        return parts.config();
    }

    public ObjectMapper json() {
        return parts.json();
    }

    public ReceiveFile receiveFile() {
        return receiveFile;
    }
}
