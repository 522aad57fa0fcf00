package br.bankhistory.emulators;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a child process and every process it started. */
final class ProcessTree {

  private ProcessTree() {}

  /** Asks the process and its descendants to stop, then kills whatever is still alive after the grace period. */
  static void destroy(ProcessHandle root, Duration grace) {
    List<ProcessHandle> descendants = root.descendants().toList(); // before the parent dies and they are re-parented
    descendants.forEach(ProcessHandle::destroy);
    root.destroy();
    awaitExit(root, grace);
    descendants.forEach(handle -> awaitExit(handle, Duration.ofMillis(200)));
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    if (root.isAlive()) {
      root.destroyForcibly();
      awaitExit(root, grace);
    }
  }

  private static void awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still alive or not observable: the caller escalates
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
