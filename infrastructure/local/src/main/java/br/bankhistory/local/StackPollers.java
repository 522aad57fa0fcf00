package br.bankhistory.local;

import br.bankhistory.history.Services;
import java.time.Clock;

/**
 * Starts what polls on its own, each a local stand-in for an AWS trigger: the drop folder (the bank's SFTP), the
 * uploads watcher (the bucket's notifications of manual imports) and, unless turned off, the schedule's clock.
 */
final class StackPollers {

  private StackPollers() {}

  /** Starts them (each recorded in {@code running}); returns the drop folder. */
  static DropFolder start(LocalStackOptions options, Services services, LocalFunctions functions,
                          RunningComponents running) {
    DropFolder dropFolder = running.push(DropFolder.start(options.dropRoot(), DemoData.tenants(),
        functions.delivery(), DropFolder.DEFAULT_POLL_INTERVAL));
    running.push(UploadsWatcher.start(services.s3(), services.config().bucketName(), functions.delivery(),
        UploadsWatcher.DEFAULT_POLL_INTERVAL));
    if (!options.scheduleClock().isZero()) {
      running.push(ScheduleClock.start(functions.schedule(), Clock.systemUTC(), options.scheduleClock()));
    }
    return dropFolder;
  }
}
