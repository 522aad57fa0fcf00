package br.bankhistory.history.handler;

import br.bankhistory.history.wiring.ScheduleWiring;
import br.bankhistory.history.command.RunSchedule;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.LogContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scheduled remessas (EventBridge Scheduler on AWS, every 15 minutes; the local stack's clock and
 * {@code POST /local/schedules/run} locally): gathers the pending instructions of every tenant that has any (or
 * of the one {@code tenant} named) into one remessa per bank account and service, for the accounts whose slot is
 * due at the schedule's {@code scheduledTime} (the invocation's time when absent), or for every account with
 * {@code "runNow": true}. The {@code executionId} is only logged; the answer lists the remessas written, the groups
 * left for the next run and the instructions a dead run had left claimed.
 */
public final class ScheduleHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final JsonLog LOG = JsonLog.of(ScheduleHandler.class);

    private static final class Production {
        static final ScheduleWiring WIRING = ScheduleWiring.fromEnvironment();
    }

    private final ScheduleWiring wiring;

    /** The Lambda runtime's constructor: production wiring from the environment, built once per sandbox. */
    public ScheduleHandler() {
        this(Production.WIRING);
    }

    public ScheduleHandler(ScheduleWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> event = input == null ? Map.of() : input;
        // one owner per invocation: a repeated delivery of one execution must not share the first one's leases
        String runId = UUID.randomUUID().toString();
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : runId;
        try (LogContext log = LogContext.open(ScheduleHandler.class, requestId)) {
            Object tenant = event.get("tenant");
            LOG.info("schedule.started", Map.of("runId", runId,
                    "scheduledTime", String.valueOf(event.getOrDefault("scheduledTime", "")),
                    "executionId", String.valueOf(event.getOrDefault("executionId", "")),
                    "tenant", String.valueOf(tenant == null ? "" : tenant)));
            RunSchedule.When when = when(event);
            RunSchedule.Report report;
            if (tenant instanceof String one && !one.isEmpty()) {
                if (!Tenants.isValidTenant(one)) {
                    throw new IllegalArgumentException("not a tenant: " + one);
                }
                report = wiring.runSchedule().run(one, runId, when);
            } else {
                report = wiring.runSchedule().runAll(runId, when);
            }
            return answer(runId, report);
        }
    }

    private RunSchedule.When when(Map<String, Object> event) {
        Instant at = wiring.clock().instant();
        Object scheduled = event.get("scheduledTime");
        if (scheduled instanceof String text && !text.isBlank()) {
            try {
                at = Instant.parse(text);
            } catch (DateTimeParseException notATime) {
                throw new IllegalArgumentException("scheduledTime is not an ISO-8601 instant: " + text);
            }
        }
        return Boolean.TRUE.equals(event.get("runNow")) ? RunSchedule.When.now(at) : RunSchedule.When.due(at);
    }

    private static Map<String, Object> answer(String runId, RunSchedule.Report report) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", runId);
        answer.put("remessas", report.remessas().stream().map(r -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("tenant", r.tenant());
            one.put("account", r.group());
            one.put("key", r.key());
            one.put("fileName", r.fileName());
            one.put("sequenceNumber", r.sequenceNumber());
            one.put("instructions", List.copyOf(r.instructionIds()));
            return one;
        }).toList());
        answer.put("skipped", report.skipped().stream().map(s -> Map.of("tenant", s.tenant(), "account", s.group(),
                "reason", s.reason())).toList());
        answer.put("recovered", report.recovered().stream().map(r -> Map.of("tenant", r.tenant(), "account",
                r.group(), "key", r.key(), "fileName", r.fileName(), "instructions", List.copyOf(r.instructionIds()),
                "outcome", r.carried() ? "CARRIED" : "PENDING_AGAIN")).toList());
        return answer;
    }
}
