package br.bankhistory.local;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The single daemon thread each local stand-in for an AWS poller (an event source mapping) runs on, and its polls. */
final class Pollers {

  private Pollers() {
  }

  /** One poll, which may fail. */
  interface Poll {
    void run() throws IOException;
  }

  /**
   * Runs {@code poll} on {@code poller} now and then every {@code interval} after the last one ended; a poll that
   * fails is handed to {@code failed} (to log it) and the next poll runs as usual.
   */
  static void every(ScheduledExecutorService poller, Duration interval, Poll poll, Consumer<Exception> failed) {
    poller.scheduleWithFixedDelay(() -> {
      try {
        poll.run();
      } catch (RuntimeException | IOException e) {
        failed.accept(e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Stops the poller, waiting a few seconds for a poll under way. */
  static void stop(ScheduledExecutorService poller) {
    stop(poller, 5);
  }

  /** Stops the poller, waiting up to {@code seconds} for a poll under way. */
  static void stop(ScheduledExecutorService poller, long seconds) {
    poller.shutdownNow();
    try {
      poller.awaitTermination(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
