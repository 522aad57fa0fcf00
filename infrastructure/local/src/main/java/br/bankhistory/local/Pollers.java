package br.bankhistory.local;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The single daemon thread each local stand-in for an AWS poller (an event source mapping) runs on. */
final class Pollers {

  private Pollers() {
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
    poller.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
