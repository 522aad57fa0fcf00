package br.bankhistory.local;

import br.bankhistory.history.handler.ScheduleHandler;
import br.bankhistory.history.log.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for the EventBridge schedule that fires every 15 minutes on AWS: every
 * {@link #DEFAULT_INTERVAL} it invokes the stack's {@link ScheduleHandler} with the time as its
 * {@code scheduledTime}, so each tenant's accounts run when their slot comes ({@code PUT /settings/schedule};
 * weekdays at 16:30 America/Sao_Paulo by default) and once per slot. {@code POST /local/schedules/run} is "run
 * now", whatever the time.
 */
final class ScheduleClock implements AutoCloseable {

  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  private static final JsonLog LOG = JsonLog.of(ScheduleClock.class);

  private final ScheduleHandler schedule;
  private final Clock clock;
  private final ScheduledExecutorService ticker;

  private ScheduleClock(ScheduleHandler schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
    this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "schedule-clock");
      thread.setDaemon(true);
      return thread;
    });
  }

  static ScheduleClock start(ScheduleHandler schedule, Clock clock, Duration interval) {
    ScheduleClock scheduleClock = new ScheduleClock(schedule, clock);
    scheduleClock.ticker.scheduleWithFixedDelay(scheduleClock::tickSafely, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    LOG.info("schedule.clock.started", Map.of("intervalMs", interval.toMillis()));
    return scheduleClock;
  }

  /** One scheduled invocation, as EventBridge Scheduler's; a failure is logged and the next tick runs as usual. */
  private void tickSafely() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("scheduledTime", clock.instant().toString());
    input.put("executionId", "local-clock");
    try {
      Map<String, Object> report = schedule.handleRequest(input, null);
      if (!((List<?>) report.get("remessas")).isEmpty()) {
        LOG.info("schedule.clock.ran", Map.of("remessas", ((List<?>) report.get("remessas")).size()));
      }
    } catch (RuntimeException e) {
      LOG.error("schedule.clock.failed", Map.of("error", String.valueOf(e)));
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
