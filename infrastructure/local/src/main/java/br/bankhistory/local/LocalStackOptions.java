package br.bankhistory.local;

import br.bankhistory.history.domain.DeliveryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to run the local stack. Each option is a command-line argument or a system property
 * ({@code -Dbankhistory.local.port=...}), the argument winning:
 * <ul>
 *   <li>{@code --port N}: the HTTP port on 127.0.0.1 (default 8080; 0 picks a free one);</li>
 *   <li>{@code --drop DIR}: the drop folder (default {@code ./drop});</li>
 *   <li>{@code --web DIR}: the folder served at {@code /} (default: the checkout's {@code web/});</li>
 *   <li>{@code --no-seed}: start empty, without the demo files;</li>
 *   <li>{@code --retry-delays-ms 1000,2000} ({@code -Dbankhistory.local.retryDelaysMs=...}): the waits before
 *       Ingest's asynchronous retries, one per retry, 0 to 2 of them ({@code none} for no retry); on AWS
  *       about 1 and 2 minutes;</li>
 *   <li>{@code --schedule-clock-seconds N} ({@code -Dbankhistory.local.scheduleClockSeconds=...}): how often the
 *       stack's clock runs the scheduled remessas whose slot is due (default 60; 0 for never: only
 *       {@code POST /local/schedules/run} runs them); on AWS every 15 minutes;</li>
 *   <li>{@code --bank-outbox DIR}: the folder standing in for the banks' SFTP, where remessas are delivered
 *       ({@code {DIR}/{tenant}/{bank}/}; default {@code ./bank-outbox}, beside {@code ./drop});</li>
 *   <li>{@code --delivery-retry-delays-ms 500,1000,2000,4000}
 *       ({@code -Dbankhistory.local.deliveryRetryDelaysMs=...}): the waits before each new try of a delivery the
 *       bank's folder refused, one per retry (0 to 9; {@code none}: one try only); on AWS 1, 5, 15 and 60 minutes.</li>
 * </ul>
 */
public record LocalStackOptions(int port, Path dropRoot, boolean seed, Optional<Path> webRoot,
                                List<Duration> ingestRetryDelays, Duration scheduleClock, Path bankOutboxRoot,
                                List<Duration> deliveryRetryDelays) {

  public static final int DEFAULT_PORT = 8080;
  static final String USAGE = "options: [--port N] [--drop DIR] [--web DIR] [--no-seed] [--retry-delays-ms A,B]"
      + " [--schedule-clock-seconds N] [--bank-outbox DIR] [--delivery-retry-delays-ms A,B,...]";

  public LocalStackOptions {
    ingestRetryDelays = List.copyOf(ingestRetryDelays);
    deliveryRetryDelays = List.copyOf(deliveryRetryDelays);
    DeliveryPolicy.LOCAL.withRetryDelays(deliveryRetryDelays); // refuses what a delivery cannot wait
    if (ingestRetryDelays.size() > AsyncRetryPolicy.MAX_RETRIES || ingestRetryDelays.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("--retry-delays-ms takes 0 to " + AsyncRetryPolicy.MAX_RETRIES
          + " non-negative delays (Lambda retries an asynchronous invocation at most twice)");
    }
    if (scheduleClock.isNegative()) {
      throw new IllegalArgumentException("--schedule-clock-seconds takes 0 (never) or more seconds");
    }
  }

  /**
   * With Lambda's two retries, after 1 and 2 seconds, the schedule's clock every minute, and the bank's folder
   * beside the drop folder.
   */
  public LocalStackOptions(int port, Path dropRoot, boolean seed, Optional<Path> webRoot) {
    this(port, dropRoot, seed, webRoot, AsyncRetryPolicy.DEFAULT_RETRY_DELAYS, ScheduleClock.DEFAULT_INTERVAL,
        dropRoot.resolveSibling(BANK_OUTBOX), DeliveryPolicy.LOCAL.retryDelays());
  }

  /** The default bank folder's name, beside the drop folder. */
  public static final String BANK_OUTBOX = "bank-outbox";

  /** The same options with other waits before Ingest's retries. */
  public LocalStackOptions withIngestRetryDelays(List<Duration> delays) {
    return new LocalStackOptions(port, dropRoot, seed, webRoot, delays, scheduleClock, bankOutboxRoot,
        deliveryRetryDelays);
  }

  /** The same options with the schedule's clock ticking this often ({@link Duration#ZERO}: never). */
  public LocalStackOptions withScheduleClock(Duration interval) {
    return new LocalStackOptions(port, dropRoot, seed, webRoot, ingestRetryDelays, interval, bankOutboxRoot,
        deliveryRetryDelays);
  }

  public static LocalStackOptions parse(String... args) {
    int port = Integer.getInteger("bankhistory.local.port", DEFAULT_PORT);
    Path drop = Path.of(System.getProperty("bankhistory.local.drop", "drop"));
    boolean seed = Boolean.parseBoolean(System.getProperty("bankhistory.local.seed", "true"));
    Optional<Path> web = Optional.ofNullable(System.getProperty("bankhistory.web.dir")).map(Path::of);
    String retryDelays = System.getProperty("bankhistory.local.retryDelaysMs");
    long clockSeconds = Long.getLong("bankhistory.local.scheduleClockSeconds", ScheduleClock.DEFAULT_INTERVAL.toSeconds());
    Path bankOutbox = Path.of(System.getProperty("bankhistory.local.bankOutbox", BANK_OUTBOX));
    String deliveryDelays = System.getProperty("bankhistory.local.deliveryRetryDelaysMs");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--drop" -> drop = Path.of(value(args, ++i, "--drop"));
        case "--web" -> web = Optional.of(Path.of(value(args, ++i, "--web")));
        case "--no-seed" -> seed = false;
        case "--retry-delays-ms" -> retryDelays = value(args, ++i, "--retry-delays-ms");
        case "--schedule-clock-seconds" -> clockSeconds = Long.parseLong(value(args, ++i, "--schedule-clock-seconds"));
        case "--bank-outbox" -> bankOutbox = Path.of(value(args, ++i, "--bank-outbox"));
        case "--delivery-retry-delays-ms" -> deliveryDelays = value(args, ++i, "--delivery-retry-delays-ms");
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535");
    }
    List<Duration> deliveryWaits;
    try {
      deliveryWaits = deliveryDelays == null ? DeliveryPolicy.LOCAL.retryDelays() : delays(deliveryDelays);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--delivery-retry-delays-ms takes milliseconds separated by commas, e.g. "
          + "500,1000");
    }
    return new LocalStackOptions(port, drop, seed, web.or(LocalStackOptions::checkoutWebFolder),
        retryDelays == null ? AsyncRetryPolicy.DEFAULT_RETRY_DELAYS : delays(retryDelays), Duration.ofSeconds(clockSeconds),
        bankOutbox, deliveryWaits);
  }

  /** {@code 1000,2000} (milliseconds); {@code none} or empty for no retry. */
  static List<Duration> delays(String millis) {
    String trimmed = millis.trim();
    if (trimmed.isEmpty() || trimmed.equals("none")) {
      return List.of();
    }
    try {
      return Arrays.stream(trimmed.split(",")).map(String::trim).map(Long::parseLong).map(Duration::ofMillis).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--retry-delays-ms takes milliseconds separated by commas, e.g. 1000,2000");
    }
  }

  /**
   * For tests: a free port, the given drop folder, seeded or not, the checkout's web page, no schedule clock (a
   * test's instructions wait for the test's own run, whatever the time of day); the bank's folder inside the drop
   * folder (hidden: the drop folder ignores it), three quick tries of a delivery.
   */
  public static LocalStackOptions forTests(Path dropRoot, boolean seed) {
    return new LocalStackOptions(0, dropRoot, seed, checkoutWebFolder(), AsyncRetryPolicy.DEFAULT_RETRY_DELAYS,
        Duration.ZERO, dropRoot.resolve("." + BANK_OUTBOX), List.of(Duration.ofMillis(100), Duration.ofMillis(100)));
  }

  /** The repository's {@code web/}: next to the root {@code pom.xml}, searched upwards from the working directory. */
  static Optional<Path> checkoutWebFolder() {
    String checkout = System.getProperty("bankhistory.checkout");
    Path start = checkout != null && !checkout.isBlank() ? Path.of(checkout) : Path.of("");
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("web")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return Optional.of(dir.resolve("web"));
      }
    }
    return Optional.empty();
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; " + USAGE);
    }
    return args[index];
  }
}
