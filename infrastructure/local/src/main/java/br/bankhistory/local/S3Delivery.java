package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.ingest.IngestOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What happens on AWS when a file reaches the bucket: the object is written (never over an existing
 * one: a name already taken gets a timestamp suffix) and S3 invokes the Ingest function asynchronously with
 * the notification ({@link AsyncInvoker}: retries, then the dead-letter queue). Used by the drop folder and the
 * demo data alike; {@link #notifyCreated} sends the notification for an object someone else wrote (a
 * browser's presigned upload, see {@link UploadsWatcher}).
 *
 * <p>Every object notified is remembered by key and ETag, so each one is notified once per run. Writing and
 * notifying are serialised, which keeps the watcher from notifying an object this class is writing and
 * notifying itself; the invocations run one at a time on the invoker's thread.
 */
final class S3Delivery {

  /** Who a manual file is attributed to: the object metadata the service reads. */
  record Uploader(String userId, String userName) {}

  /** The key the file was written to and what Ingest reported. */
  record Delivered(String key, long size, IngestHandler.Report report) {}

  /**
   * The object is in the bucket and its notification was sent; {@code ingested} completes when the
   * asynchronous invocation ends: with what Ingest reported, or exceptionally (an
   * {@link AsyncInvoker.DeadLettered} once the retries are exhausted; a {@link NotRecorded} when Ingest
   * returned without recording the key).
   */
  record Accepted(String key, long size, CompletableFuture<Delivered> ingested) {}

  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_NAME_ATTEMPTS = 5;

  private final S3Client s3;
  private final String bucket;
  private final S3Events events;
  private final AsyncInvoker ingest;
  private final Clock clock;
  private final Set<String> notified = new HashSet<>();

  S3Delivery(S3Client s3, String bucket, S3Events events, AsyncInvoker ingest, Clock clock) {
    this.s3 = s3;
    this.bucket = bucket;
    this.events = events;
    this.ingest = ingest;
    this.clock = clock;
  }

  /** A bank drop: {@code inbound/{tenant}/{fileName}}, attributed to the integration. */
  Accepted inbound(String tenant, String fileName, RequestBody content, long size) {
    return deliver("inbound/" + tenant + "/", fileName, content, size, Map.of());
  }

  /** A manual import: {@code uploads/{tenant}/{user}/{fileName}} with the user's metadata. */
  Accepted upload(String tenant, Uploader uploader, String fileName, RequestBody content, long size) {
    Map<String, String> metadata = Map.of(
        "user-id", uploader.userId(),
        "user-name", URLEncoder.encode(uploader.userName(), StandardCharsets.UTF_8).replace("+", "%20"));
    return deliver("uploads/" + tenant + "/" + uploader.userId() + "/", fileName, content, size, metadata);
  }

  private synchronized Accepted deliver(String prefix, String fileName, RequestBody content, long size,
                                        Map<String, String> metadata) {
    String key = freeKey(prefix, fileName);
    PutObjectResponse put = s3.putObject(request -> request.bucket(bucket).key(key).metadata(metadata), content);
    return sendNotification(key, size, unquote(put.eTag()));
  }

  /**
   * The S3 notification for an object already in the bucket, unless this run already sent one for the same
   * key and ETag (then empty).
   */
  synchronized Optional<Accepted> notifyCreated(String key, long size, String eTag) {
    if (notified.contains(identity(key, unquote(eTag)))) {
      return Optional.empty();
    }
    return Optional.of(sendNotification(key, size, unquote(eTag)));
  }

  private Accepted sendNotification(String key, long size, String eTag) {
    notified.add(identity(key, eTag)); // once per object and ETag: the invoker retries, the watcher does not
    String event = events.render(bucket, key, size, eTag, clock.instant()).toString();
    CompletableFuture<Delivered> ingested = ingest.invoke(event).thenApply(report -> {
      failIfIgnored(key, report);
      return new Delivered(key, size, report);
    });
    return new Accepted(key, size, ingested);
  }

  private static String identity(String key, String eTag) {
    return key + "\n" + eTag;
  }

  /**
   * The key for the file, with a timestamp suffix when the plain one is taken. (Checked before writing
   * rather than with a conditional put: the local stack is the only writer of these prefixes, and an HTTP
   * client's silent retry of a conditional PUT would see its own first attempt as someone else's object.)
   */
  private String freeKey(String prefix, String fileName) {
    String key = prefix + fileName;
    for (int attempt = 1; exists(key); attempt++) {
      if (attempt > MAX_NAME_ATTEMPTS) {
        throw new IllegalStateException("no free key for " + prefix + fileName + " after " + MAX_NAME_ATTEMPTS + " tries");
      }
      key = prefix + withSuffix(fileName, clock.instant(), attempt);
    }
    return key;
  }

  private boolean exists(String key) {
    try {
      s3.headObject(request -> request.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** An object the function refused to record (a key it does not accept) is a failed delivery. */
  private static void failIfIgnored(String key, IngestHandler.Report report) {
    report.outcomes().stream()
        .filter(IngestOutcome.Ignored.class::isInstance)
        .map(IngestOutcome.Ignored.class::cast)
        .findFirst()
        .ifPresent(ignored -> {
          throw new NotRecorded(key, ignored.reason());
        });
  }

  /** Ingest ran and refused the object (its key or bucket is not one it records). */
  static final class NotRecorded extends IllegalStateException {

    private final String key;

    NotRecorded(String key, String reason) {
      super("Ingest did not record " + key + ": " + reason);
      this.key = key;
    }

    String key() {
      return key;
    }
  }

  /** {@code RETORNO.ret} becomes {@code RETORNO-20261123T213015123Z.ret}. */
  static String withSuffix(String fileName, Instant when, int attempt) {
    String suffix = suffix(when, attempt);
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) + suffix + fileName.substring(dot) : fileName + suffix;
  }

  /** What {@link #withSuffix} puts before the extension: {@code -20261123T213015123Z}, {@code -...Z-2}. */
  static String suffix(Instant when, int attempt) {
    return "-" + SUFFIX.format(when) + (attempt > 1 ? "-" + attempt : "");
  }

  private static String unquote(String eTag) {
    return eTag == null ? "" : eTag.replace("\"", "");
  }
}
