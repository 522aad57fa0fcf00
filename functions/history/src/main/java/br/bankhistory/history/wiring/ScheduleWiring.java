package br.bankhistory.history.wiring;

import br.bankhistory.history.command.RunSchedule;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.handler.RemittanceBodies;

import java.time.Clock;

/**
 * The Schedule function's wiring: {@link RunSchedule}, the pending instructions gathered into remessas written by
 * {@code GenerateRemittance}. Nothing of ingest, the statement or the emails.
 */
public final class ScheduleWiring {

    private final RunSchedule runSchedule;

    public ScheduleWiring(Components parts) {
        this.runSchedule = new RunSchedule(parts.instructions(), parts.leases(), parts.generateRemittance(),
                RemittanceBodies::parse, parts.json(), parts.clock());
    }

    public static ScheduleWiring create(ServiceConfig config) {
        return new ScheduleWiring(new Components(config, Clock.systemUTC()));
    }

    public static ScheduleWiring fromEnvironment() {
        return create(ServiceConfig.fromEnvironment(System.getenv()));
    }

    public RunSchedule runSchedule() {
        return runSchedule;
    }
}
