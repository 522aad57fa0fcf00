package br.bankhistory.history.wiring;

import br.bankhistory.history.command.RunSchedule;
import br.bankhistory.history.command.ScheduleRemessa;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.handler.RemittanceBodies;

import java.time.Clock;

/**
 * The Schedule function's wiring: {@link RunSchedule}, the pending instructions gathered into remessas written by
 * {@code GenerateRemittance}. Nothing of ingest, the statement or the emails.
 */
public final class ScheduleWiring {

    private final RunSchedule runSchedule;
    private final Clock clock;

    public ScheduleWiring(Components parts) {
        this(parts, RunSchedule.Hook.NONE);
    }

    /** @param hook told of each step of a run (tests stop a run between two, as a crash would) */
    public ScheduleWiring(Components parts, RunSchedule.Hook hook) {
        this.clock = parts.clock();
        this.runSchedule = new RunSchedule(parts.instructions(), parts.leases(), parts.settings(), parts.files(),
                new ScheduleRemessa(parts.instructions(), parts.files(), parts.generateRemittance(),
                        RemittanceBodies::parse, parts.json(), parts.clock(), hook), parts.clock());
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

    public Clock clock() {
        return clock;
    }
}
