package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A folder standing in for the bank's SFTP: a file put under {@code {root}/{tenant}/} is taken once its size
 * and modification time are the same on two polls in a row (so a file still being written is left alone),
 * delivered to {@code inbound/{tenant}/} and ingested, then moved to {@code {tenant}/.done/}, or to
 * {@code {tenant}/.failed/} with {@code <name>.reason.txt} beside it. Names starting with a dot are ignored.
 *
 * <p>Ingest runs asynchronously (as S3 invokes it): the file stays where it is, and is not taken again, until
 * the invocation ends. When Ingest failed on every attempt the event is in the dead-letter queue, and the
 * file goes to {@code .failed/} with a reason saying so and how to replay it (the bytes are in the bucket).
 * When the stack stops before the invocation ended, the file stays in the folder and is taken at the next start.
 */
public final class DropFolder implements AutoCloseable {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(300);
  static final String DONE = ".done";
  static final String FAILED = ".failed";

  private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final JsonLog LOG = JsonLog.of(DropFolder.class);

  private final Path root;
  private final S3Delivery delivery;
  private final Clock clock;
  private final ScheduledExecutorService poller;
  private final Map<Path, Observation> lastSeen = new HashMap<>();
  private final Set<Path> reportedStrays = new HashSet<>();
  private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();

  private record Observation(long size, Instant modified) {}

  private DropFolder(Path root, S3Delivery delivery, Clock clock) {
    this.root = root;
    this.delivery = delivery;
    this.clock = clock;
    this.poller = Pollers.daemon("drop-folder");
  }

  /** Creates the folder (and one per tenant given) and starts polling it. */
  static DropFolder start(Path root, List<String> tenants, S3Delivery delivery, Duration pollInterval) {
    Path absolute = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
      for (String tenant : tenants) {
        Files.createDirectories(absolute.resolve(tenant));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the drop folder " + absolute, e);
    }
    DropFolder folder = new DropFolder(absolute, delivery, Clock.systemUTC());
    Pollers.every(folder.poller, pollInterval, folder::poll,
        e -> LOG.error("drop.poll.failed", Map.of("root", folder.root.toString(), "error", String.valueOf(e))));
    LOG.info("drop.watching", Map.of("root", absolute.toString(), "pollMs", pollInterval.toMillis()));
    return folder;
  }

  public Path root() {
    return root;
  }

  /** The folder a tenant's files go into. */
  public Path tenantFolder(String tenant) {
    return root.resolve(tenant);
  }

  @Override
  public void close() {
    Pollers.stop(poller, 10);
  }

  private void poll() throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    Set<Path> present = new HashSet<>();
    for (Path entry : list(root)) {
      if (isHidden(entry)) {
        continue;
      }
      if (Files.isDirectory(entry)) {
        for (Path file : list(entry)) {
          if (!isHidden(file) && Files.isRegularFile(file)) {
            present.add(file);
            if (!inFlight.contains(file)) {
              takeWhenStable(entry.getFileName().toString(), file);
            }
          }
        }
      } else if (reportedStrays.add(entry)) {
        LOG.warn("drop.ignored", Map.of("file", entry.toString(), "reason", "not inside a tenant folder"));
      }
    }
    lastSeen.keySet().retainAll(present);
  }

  private void takeWhenStable(String tenant, Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Observation now = new Observation(attributes.size(), attributes.lastModifiedTime().toInstant());
    Observation before = lastSeen.put(file, now);
    if (now.equals(before)) {
      lastSeen.remove(file);
      take(tenant, file, now.size());
    }
  }

  private void take(String tenant, Path file, long size) {
    String name = DroppedFileName.of(file).text();
    LOG.info("drop.taken", Map.of("tenant", tenant, "file", name, "bytes", size));
    S3Delivery.Accepted accepted;
    inFlight.add(file);
    try {
      if (!TENANT.matcher(tenant).matches()) {
        throw new NotATenantFolder(tenant);
      }
      accepted = delivery.inbound(tenant, name, RequestBody.fromFile(file), size);
    } catch (Exception e) {
      fail(tenant, file, e);
      inFlight.remove(file);
      return;
    }
    accepted.ingested().whenComplete((delivered, error) -> {
      try {
        finish(tenant, file, accepted.key(), error);
      } finally {
        inFlight.remove(file);
      }
    });
  }

  /** After the invocation: {@code .done/}, {@code .failed/}, or left in place when the stack stopped first. */
  private void finish(String tenant, Path file, String key, Throwable error) {
    String name = DroppedFileName.of(file).text();
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause == null) {
      LOG.info("drop.ingested", Map.of("tenant", tenant, "file", name, "key", key));
      try {
        Path moved = moveInto(file, DONE);
        LOG.info("drop.done", Map.of("tenant", tenant, "file", name, "movedTo", shown(moved)));
      } catch (IOException | RuntimeException e) {
        LOG.error("drop.move.failed", Map.of("tenant", tenant, "file", name, "error", String.valueOf(e)));
      }
    } else if (cause instanceof CancellationException) {
      LOG.warn("drop.interrupted", Map.of("tenant", tenant, "file", name, "key", key,
          "reason", "the stack stopped before Ingest ended; the file is taken again at the next start"));
    } else {
      fail(tenant, file, cause instanceof Exception exception ? exception : new IllegalStateException(cause));
    }
  }

  private void fail(String tenant, Path file, Exception cause) {
    String name = DroppedFileName.of(file).text();
    try {
      Path moved = moveInto(file, FAILED);
      writeWhole(DroppedFileName.of(moved).withEnding(".reason.txt").in(moved.getParent()),
          DropFailureReason.text(name, clock.instant(), cause));
      LOG.error("drop.failed", Map.of("tenant", tenant, "file", name, "movedTo", shown(moved),
          "error", String.valueOf(cause), "stackTrace", stackTrace(cause)));
    } catch (IOException | RuntimeException e) {
      LOG.error("drop.failed", Map.of("tenant", tenant, "file", name, "error", String.valueOf(cause),
          "stackTrace", stackTrace(cause), "moveError", String.valueOf(e)));
    }
  }

  /** Written beside and moved into place, so whoever sees the file (a person, a script) reads all of it. */
  private static void writeWhole(Path target, String text) throws IOException {
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Moves the file into the tenant's {@code .done} or {@code .failed} folder under the same name, byte for
   * byte (see {@link DroppedFileName}), never over another file.
   */
  private Path moveInto(Path file, String folderName) throws IOException {
    Path folder = Files.createDirectories(file.resolveSibling(folderName));
    DroppedFileName name = DroppedFileName.of(file);
    Path target = name.in(folder);
    for (int attempt = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); attempt++) {
      target = name.withSuffix(S3Delivery.suffix(clock.instant(), attempt)).in(folder);
    }
    return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A moved file's path for the log, its name decoded as the history records it. */
  private static String shown(Path file) {
    return file.getParent().resolve(DroppedFileName.of(file).text()).toString();
  }

  private static String stackTrace(Throwable cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  /** A file directly in a folder whose name cannot be a tenant id. */
  static final class NotATenantFolder extends IllegalArgumentException {

    private final String folder;

    NotATenantFolder(String folder) {
      super("the folder name '" + folder + "' is not a tenant id (" + TENANT.pattern() + ")");
      this.folder = folder;
    }

    String folder() {
      return folder;
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }

  private static boolean isHidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }
}
