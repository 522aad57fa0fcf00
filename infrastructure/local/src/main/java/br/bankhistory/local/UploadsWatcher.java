package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket notification s3proxy lacks, for files written straight to the bucket (manual imports through
 * presigned uploads, remessas from {@code POST /remittances}): every {@link #DEFAULT_POLL_INTERVAL} the
 * {@code uploads/} and {@code outbound/} prefixes are listed, and each object this run has not notified yet (by key and ETag) goes
 * to the Ingest function with an S3 event shaped like AWS's. This is what makes a browser's presigned PUT
 * (from {@code POST /uploads}) show up in the history locally, as the S3 trigger does on AWS.
 *
 * <p>Objects the local stack wrote itself (the demo imports) were notified when written and are skipped.
 * Ingest is invoked asynchronously, as by S3: a failing invocation is retried by the {@link AsyncInvoker} and,
 * when every attempt failed, its event goes to the dead-letter queue (logged here as
 * {@code uploads.deadLettered}); the watcher itself never notifies the same object twice.
 */
final class UploadsWatcher implements AutoCloseable {

  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  static final List<String> PREFIXES = List.of("uploads/", "outbound/");

  private static final JsonLog LOG = JsonLog.of(UploadsWatcher.class);

  private final S3Client s3;
  private final String bucket;
  private final S3Delivery delivery;
  private final ScheduledExecutorService poller;

  private UploadsWatcher(S3Client s3, String bucket, S3Delivery delivery) {
    this.s3 = s3;
    this.bucket = bucket;
    this.delivery = delivery;
    this.poller = Pollers.daemon("uploads-watcher");
  }

  static UploadsWatcher start(S3Client s3, String bucket, S3Delivery delivery, Duration pollInterval) {
    UploadsWatcher watcher = new UploadsWatcher(s3, bucket, delivery);
    Pollers.every(watcher.poller, pollInterval, watcher::poll, e -> {
      if (!Thread.currentThread().isInterrupted()) {
        LOG.error("uploads.poll.failed", Map.of("bucket", bucket, "error", String.valueOf(e)));
      }
    });
    LOG.info("uploads.watching", Map.of("bucket", bucket, "prefixes", String.join(",", PREFIXES), "pollMs", pollInterval.toMillis()));
    return watcher;
  }

  @Override
  public void close() {
    Pollers.stop(poller, 10);
  }

  private static void log(String key, S3Delivery.Delivered delivered, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause == null) {
      LOG.info("uploads.ingested", Map.of("key", delivered.key(), "bytes", delivered.size(),
          "outcomes", delivered.report().outcomes().size()));
    } else if (cause instanceof AsyncInvoker.DeadLettered deadLettered) {
      LOG.error("uploads.deadLettered", Map.of("key", key, "queueUrl", deadLettered.queueUrl(),
          "messageId", deadLettered.messageId(), "error", String.valueOf(deadLettered.getCause())));
    } else if (!(cause instanceof CancellationException)) {
      LOG.error("uploads.failed", Map.of("key", key, "error", String.valueOf(cause)));
    }
  }

  void poll() {
    for (String prefix : PREFIXES) {
      for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents()) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        try {
          delivery.notifyCreated(object.key(), object.size(), object.eTag()).ifPresent(accepted ->
              accepted.ingested().whenComplete((delivered, error) -> log(accepted.key(), delivered, error)));
        } catch (RuntimeException e) {
          LOG.error("uploads.failed", Map.of("key", object.key(), "error", String.valueOf(e)));
        }
      }
    }
  }
}
