package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What Lambda does with an asynchronous invocation (S3 invokes Ingest asynchronously): the event is queued and
 * the function called with it; when the function throws, the same event (same request id) is tried again
 * after a delay, twice by default (Lambda's {@code MaximumRetryAttempts}, 0 to 2); when the last attempt
 * also throws, an on-failure destination record ({@link OnFailureRecord}) goes to the dead-letter queue.
 *
 * <p>Lambda waits about 1 and then 2 minutes between attempts; locally the delays default to 1 and 2 seconds.
 * Attempts run one at a time on one scheduler thread; waiting between them is a scheduled task, nothing sleeps.
 *
 * <p>The returned future completes with the function's report, or exceptionally with a {@link DeadLettered}
 * (the event is in the queue) or an {@link Undelivered} (the queue refused it too: on AWS the
 * {@code DestinationDeliveryFailures} metric, locally an error log with the whole event). It is cancelled when
 * the invoker stops before the invocation ended.
 */
final class AsyncInvoker implements AutoCloseable {

  /** The local stand-in for the deployed alias (the template's {@code IngestFunctionAliasArn}). */
  static final String LOCAL_FUNCTION_ARN =
      "arn:aws:lambda:us-east-1:" + HttpApiEvents.ACCOUNT_ID + ":function:bank-history-ingest:live";

  private static final JsonLog LOG = JsonLog.of(AsyncInvoker.class);

  private final ManagedRuntimeIngest function;
  private final AsyncRetryPolicy retries;
  private final DeadLetterHandOff deadLetters;
  private final ObjectMapper json;
  private final ScheduledExecutorService scheduler;
  private final Set<AsyncInvocation> pending = ConcurrentHashMap.newKeySet();

  /**
   * @param retryDelays the wait before each retry: its size is the number of retries (0 to 2)
   * @param replayHint  how to replay the queue, for the message of a {@link DeadLettered}
   */
  AsyncInvoker(RequestHandler<S3Event, IngestHandler.Report> function, String functionArn, List<Duration> retryDelays,
               DeadLetterQueue deadLetters, String replayHint, ObjectMapper json, Clock clock) {
    this.retries = new AsyncRetryPolicy(retryDelays);
    this.function = new ManagedRuntimeIngest(function, functionArn);
    this.deadLetters = new DeadLetterHandOff(deadLetters, functionArn, replayHint, json, clock, retries.maxAttempts());
    this.json = json;
    this.scheduler = Pollers.daemon("ingest-async-invoke");
  }

  String queueUrl() {
    return deadLetters.queueUrl();
  }

  /** How many attempts an invocation gets in all. */
  int maxAttempts() {
    return retries.maxAttempts();
  }

  /** Queues an asynchronous invocation with the event (JSON, as Lambda receives it); returns at once. */
  CompletableFuture<IngestHandler.Report> invoke(String eventJson) {
    JsonNode event;
    try {
      event = json.readTree(eventJson);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("the event is not JSON", e));
    }
    AsyncInvocation invocation = new AsyncInvocation(UUID.randomUUID().toString(), eventJson, event);
    pending.add(invocation);
    invocation.result.whenComplete((report, error) -> pending.remove(invocation));
    try {
      scheduler.execute(() -> attempt(invocation));
    } catch (RejectedExecutionException e) {
      invocation.result.completeExceptionally(new IllegalStateException("the local stack is stopping", e));
    }
    return invocation.result;
  }

  private void attempt(AsyncInvocation invocation) {
    invocation.attempts++;
    try {
      S3Event event = function.event(invocation.eventJson); // a fresh event for every attempt, as on Lambda
      IngestHandler.Report report = function.handle(event, invocation.requestId);
      if (invocation.attempts > 1) {
        LOG.info("ingest.retry.succeeded", invocation.logFields(maxAttempts(), Map.of()));
      }
      invocation.result.complete(report);
    } catch (Throwable e) { // anything the function throws is a function error to Lambda, an Error included
      failed(invocation, e);
    }
  }

  private void failed(AsyncInvocation invocation, Throwable error) {
    Optional<Duration> retry = retries.delayAfter(invocation.attempts);
    if (retry.isEmpty()) {
      deadLetters.handOff(invocation, error);
      return;
    }
    Duration delay = retry.get();
    LOG.warn("ingest.attempt.failed", invocation.logFields(maxAttempts(), Map.of("error", String.valueOf(error),
        "retryInMs", delay.toMillis())));
    try {
      scheduler.schedule(() -> attempt(invocation), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      invocation.result.cancel(false);
    }
  }

  /** Stops: pending retries are dropped and their futures cancelled (each is logged with its objects). */
  @Override
  public void close() {
    Pollers.stop(scheduler, 10);
    for (AsyncInvocation invocation : List.copyOf(pending)) {
      if (invocation.result.cancel(false)) {
        LOG.warn("ingest.abandoned", invocation.logFields(maxAttempts(), Map.of("reason", "the local stack stopped")));
      }
    }
  }

  /** Every attempt failed; the on-failure record is in the dead-letter queue. */
  static final class DeadLettered extends RuntimeException {

    private final String explanation;
    private final String queueUrl;
    private final String messageId;
    private final int attempts;
    private final List<String> objects;

    DeadLettered(AsyncInvocation invocation, Throwable lastError, String queueUrl, String messageId,
                 String replayHint) {
      this(explanation(invocation, queueUrl, messageId, replayHint), lastError, invocation, queueUrl, messageId);
    }

    private DeadLettered(String explanation, Throwable lastError, AsyncInvocation invocation, String queueUrl,
                         String messageId) {
      super(explanation + "\n  Último erro: " + lastError, lastError);
      this.explanation = explanation;
      this.queueUrl = queueUrl;
      this.messageId = messageId;
      this.attempts = invocation.attempts;
      this.objects = invocation.objects();
    }

    /** What happened and what to do, in pt-BR, without the technical error (the message adds it). */
    String explanation() {
      return explanation;
    }

    String queueUrl() {
      return queueUrl;
    }

    String messageId() {
      return messageId;
    }

    int attempts() {
      return attempts;
    }

    List<String> objects() {
      return objects;
    }

    private static String explanation(AsyncInvocation invocation, String queueUrl, String messageId, String replayHint) {
      return "o Ingest falhou nas " + invocation.attempts + " tentativas (a chamada e as novas tentativas "
          + "automáticas, como o Lambda faz com eventos assíncronos) e o evento S3 foi para a fila de dead-letter, "
          + "com o erro.\n"
          + "  Objeto(s) no bucket (nada se perdeu): " + String.join(", ", invocation.objects()) + "\n"
          + "  Fila de dead-letter: " + queueUrl + " (mensagem " + messageId + ")\n"
          + "Corrija a causa e reenvie os eventos da fila (replay):\n"
          + "  " + replayHint + "\n"
          + "(docs/operations.md, \"When an event lands in the dead-letter queue\"). Não copie o arquivo de novo "
          + "para a pasta: o reenvio grava o registro a partir do objeto que já está no bucket.";
    }
  }

  /** Every attempt failed and the dead-letter queue refused the record too: the event is only in the log. */
  static final class Undelivered extends RuntimeException {

    Undelivered(AsyncInvocation invocation, Throwable lastError, String queueUrl) {
      super("o Ingest falhou nas " + invocation.attempts + " tentativas e o evento NÃO pôde ser enviado à fila de "
          + "dead-letter " + queueUrl + ". Objeto(s) no bucket: "
          + String.join(", ", invocation.objects()) + ". Evento (para reenviar à mão): "
          + invocation.eventJson, lastError);
    }
  }
}
