package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * What the local stack has started so far, stopped in the reverse order: a component that fails to stop is
 * logged and the next one is stopped all the same.
 */
final class RunningComponents {

  // the stack's log lines, whichever class writes them
  private static final JsonLog LOG = JsonLog.of(LocalStack.class);

  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  /** Records a component that started; returns it. */
  <T extends AutoCloseable> T push(T component) {
    running.push(component);
    return component;
  }

  /** Stops {@code component} before everything started so far, as if it had started last. */
  void moveToTop(AutoCloseable component) {
    running.remove(component);
    running.push(component);
  }

  boolean isEmpty() {
    return running.isEmpty();
  }

  /** Stops every component, the last started first. */
  void closeAll() {
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        LOG.error("local.stop.failed", Map.of("component", next.getClass().getSimpleName(), "error", String.valueOf(e)));
      }
    }
  }
}
