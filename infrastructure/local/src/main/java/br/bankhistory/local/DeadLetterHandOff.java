package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;

/**
 * Hands an invocation whose every attempt failed to the dead-letter queue as an on-failure destination record
 * ({@link OnFailureRecord}), and ends its future with a {@link AsyncInvoker.DeadLettered}, or with an
 * {@link AsyncInvoker.Undelivered} when the queue refuses the record too.
 */
final class DeadLetterHandOff {

  // the invoker's log lines, whichever class writes them
  private static final JsonLog LOG = JsonLog.of(AsyncInvoker.class);

  private final DeadLetterQueue deadLetters;
  private final String functionArn;
  private final String replayHint;
  private final ObjectMapper json;
  private final Clock clock;
  private final int maxAttempts;

  DeadLetterHandOff(DeadLetterQueue deadLetters, String functionArn, String replayHint, ObjectMapper json, Clock clock,
                    int maxAttempts) {
    this.deadLetters = deadLetters;
    this.functionArn = functionArn;
    this.replayHint = replayHint;
    this.json = json;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
  }

  String queueUrl() {
    return deadLetters.url();
  }

  /** Sends the record of the invocation's last {@code error} and completes its future exceptionally. */
  void handOff(AsyncInvocation invocation, Throwable error) {
    String body = OnFailureRecord.render(json, clock.instant(), invocation.requestId, functionArn,
        invocation.attempts, invocation.event, error).toString();
    try {
      String messageId = deadLetters.send(body);
      LOG.error("ingest.deadLettered", invocation.logFields(maxAttempts, Map.of("error", String.valueOf(error),
          "queueUrl", deadLetters.url(), "messageId", messageId)));
      invocation.result.completeExceptionally(new AsyncInvoker.DeadLettered(invocation, error, deadLetters.url(),
          messageId, replayHint));
    } catch (RuntimeException sendFailure) {
      // Lambda's DestinationDeliveryFailures: the one way an event is lost; the log keeps all of it
      LOG.error("ingest.destinationFailed", invocation.logFields(maxAttempts, Map.of("error", String.valueOf(error),
          "queueUrl", deadLetters.url(), "sendError", String.valueOf(sendFailure), "event", invocation.eventJson)));
      AsyncInvoker.Undelivered undelivered = new AsyncInvoker.Undelivered(invocation, error, deadLetters.url());
      undelivered.addSuppressed(sendFailure);
      invocation.result.completeExceptionally(undelivered);
    }
  }
}
