package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads the dead-letter queue in batches until no new message comes, has each message re-driven once
 * ({@link MessageRedrive}), and puts the failed ones back in sight at once for the next run.
 */
final class QueueReplay {

  /** Long enough for Ingest to record a large file before the message could be handed to someone else. */
  static final int VISIBILITY_TIMEOUT_SECONDS = 300;

  // the replay tool's log lines, whichever class writes them
  private static final JsonLog LOG = JsonLog.of(ReplayDeadLetters.class);

  private final SqsClient sqs;
  private final String queueUrl;
  private final MessageRedrive redrive;

  QueueReplay(SqsClient sqs, String queueUrl, ReplayDeadLetters.Target target) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.redrive = new MessageRedrive(sqs, queueUrl, target);
  }

  /**
   * Replays up to {@code maxMessages} messages.
   *
   * @param waitSeconds SQS long polling for each receive
   */
  ReplayDeadLetters.Summary run(int waitSeconds, int maxMessages) {
    List<ReplayDeadLetters.Replayed> results = new ArrayList<>();
    Map<String, String> failedReceipts = new LinkedHashMap<>(); // message id -> latest receipt handle
    Set<String> seen = new HashSet<>();
    int replayed = 0;
    try {
      while (seen.size() < maxMessages) {
        int batch = Math.min(10, maxMessages - seen.size());
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
            .maxNumberOfMessages(batch)
            .visibilityTimeout(VISIBILITY_TIMEOUT_SECONDS)
            .waitTimeSeconds(waitSeconds)).messages();
        int fresh = 0;
        for (Message message : messages) {
          if (!seen.add(message.messageId())) {
            // seen earlier in this run (its visibility ran out): keep the newest receipt, do not replay twice
            failedReceipts.computeIfPresent(message.messageId(), (id, old) -> message.receiptHandle());
            continue;
          }
          fresh++;
          ReplayDeadLetters.Replayed result = redrive.replay(message);
          results.add(result);
          if (result.replayed()) {
            replayed++;
          } else {
            failedReceipts.put(message.messageId(), message.receiptHandle());
          }
        }
        if (fresh == 0) {
          break;
        }
      }
    } finally {
      // failures are left in the queue, visible again at once for the next run (or a look with the console/CLI)
      failedReceipts.values().forEach(this::makeVisible);
    }
    ReplayDeadLetters.Summary summary = new ReplayDeadLetters.Summary(queueUrl, replayed, failedReceipts.size(),
        DeadLetterQueue.approximateDepth(sqs, queueUrl), List.copyOf(results));
    LOG.info("replay.done", Map.of("queueUrl", queueUrl, "replayed", summary.replayed(), "failed", summary.failed(),
        "remaining", summary.remaining()));
    return summary;
  }

  private void makeVisible(String receipt) {
    try {
      sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receipt).visibilityTimeout(0));
    } catch (RuntimeException e) {
      LOG.warn("replay.visibility.failed", Map.of("queueUrl", queueUrl, "error", String.valueOf(e)));
    }
  }
}
