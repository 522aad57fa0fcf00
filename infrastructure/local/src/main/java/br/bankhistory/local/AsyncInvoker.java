package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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

  static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));
  /** Lambda accepts 0, 1 or 2 retries for asynchronous invocations. */
  static final int MAX_RETRIES = 2;
  /** The local stand-in for the deployed alias (the template's {@code IngestFunctionAliasArn}). */
  static final String LOCAL_FUNCTION_ARN =
      "arn:aws:lambda:us-east-1:" + HttpApiEvents.ACCOUNT_ID + ":function:bank-history-ingest:live";

  private static final JsonLog LOG = JsonLog.of(AsyncInvoker.class);

  private final RequestHandler<S3Event, IngestHandler.Report> function;
  private final String functionArn;
  private final List<Duration> retryDelays;
  private final DeadLetterQueue deadLetters;
  private final String replayHint;
  private final ObjectMapper json;
  private final Clock clock;
  private final PojoSerializer<S3Event> serializer;
  private final ScheduledExecutorService scheduler;
  private final Set<Invocation> pending = ConcurrentHashMap.newKeySet();

  /**
   * @param retryDelays the wait before each retry: its size is the number of retries (0 to 2)
   * @param replayHint  how to replay the queue, for the message of a {@link DeadLettered}
   */
  AsyncInvoker(RequestHandler<S3Event, IngestHandler.Report> function, String functionArn, List<Duration> retryDelays,
               DeadLetterQueue deadLetters, String replayHint, ObjectMapper json, Clock clock) {
    if (retryDelays.size() > MAX_RETRIES || retryDelays.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("Lambda retries an asynchronous invocation 0 to " + MAX_RETRIES
          + " times, after non-negative delays: " + retryDelays);
    }
    this.function = function;
    this.functionArn = functionArn;
    this.retryDelays = List.copyOf(retryDelays);
    this.deadLetters = deadLetters;
    this.replayHint = replayHint;
    this.json = json;
    this.clock = clock;
    this.serializer = LambdaEventSerializers.serializerFor(S3Event.class, AsyncInvoker.class.getClassLoader());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "ingest-async-invoke");
      thread.setDaemon(true);
      return thread;
    });
  }

  String queueUrl() {
    return deadLetters.url();
  }

  /** How many attempts an invocation gets in all. */
  int maxAttempts() {
    return retryDelays.size() + 1;
  }

  /** Queues an asynchronous invocation with the event (JSON, as Lambda receives it); returns at once. */
  CompletableFuture<IngestHandler.Report> invoke(String eventJson) {
    JsonNode event;
    try {
      event = json.readTree(eventJson);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("the event is not JSON", e));
    }
    Invocation invocation = new Invocation(UUID.randomUUID().toString(), eventJson, event);
    pending.add(invocation);
    invocation.result.whenComplete((report, error) -> pending.remove(invocation));
    try {
      scheduler.execute(() -> attempt(invocation));
    } catch (RejectedExecutionException e) {
      invocation.result.completeExceptionally(new IllegalStateException("the local stack is stopping", e));
    }
    return invocation.result;
  }

  private void attempt(Invocation invocation) {
    invocation.attempts++;
    try {
      S3Event event = serializer.fromJson(invocation.eventJson); // a fresh event for every attempt, as on Lambda
      IngestHandler.Report report = function.handleRequest(event, new LocalLambdaContext(functionName(),
          invocation.requestId, functionArn));
      if (invocation.attempts > 1) {
        LOG.info("ingest.retry.succeeded", fields(invocation, Map.of()));
      }
      invocation.result.complete(report);
    } catch (Throwable e) { // anything the function throws is a function error to Lambda, an Error included
      failed(invocation, e);
    }
  }

  private void failed(Invocation invocation, Throwable error) {
    if (invocation.attempts <= retryDelays.size()) {
      Duration delay = retryDelays.get(invocation.attempts - 1);
      LOG.warn("ingest.attempt.failed", fields(invocation, Map.of("error", String.valueOf(error),
          "retryInMs", delay.toMillis())));
      try {
        scheduler.schedule(() -> attempt(invocation), delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        invocation.result.cancel(false);
      }
      return;
    }
    String body = OnFailureRecord.render(json, clock.instant(), invocation.requestId, functionArn,
        invocation.attempts, invocation.event, error).toString();
    try {
      String messageId = deadLetters.send(body);
      LOG.error("ingest.deadLettered", fields(invocation, Map.of("error", String.valueOf(error),
          "queueUrl", deadLetters.url(), "messageId", messageId)));
      invocation.result.completeExceptionally(new DeadLettered(invocation, error, deadLetters.url(), messageId,
          replayHint));
    } catch (RuntimeException sendFailure) {
      // Lambda's DestinationDeliveryFailures: the one way an event is lost; the log keeps all of it
      LOG.error("ingest.destinationFailed", fields(invocation, Map.of("error", String.valueOf(error),
          "queueUrl", deadLetters.url(), "sendError", String.valueOf(sendFailure), "event", invocation.eventJson)));
      Undelivered undelivered = new Undelivered(invocation, error, deadLetters.url());
      undelivered.addSuppressed(sendFailure);
      invocation.result.completeExceptionally(undelivered);
    }
  }

  private Map<String, Object> fields(Invocation invocation, Map<String, Object> more) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("requestId", invocation.requestId);
    fields.put("objects", String.join(" ", OnFailureRecord.objects(invocation.event)));
    fields.put("attempt", invocation.attempts);
    fields.put("maxAttempts", maxAttempts());
    fields.putAll(more);
    return fields;
  }

  private String functionName() {
    String[] parts = functionArn.split(":");
    return parts.length > 6 ? parts[6] : functionArn;
  }

  /** Stops: pending retries are dropped and their futures cancelled (each is logged with its objects). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Invocation invocation : List.copyOf(pending)) {
      if (invocation.result.cancel(false)) {
        LOG.warn("ingest.abandoned", fields(invocation, Map.of("reason", "the local stack stopped")));
      }
    }
  }

  /** One asynchronous invocation: one request id for all its attempts, as on Lambda. */
  private static final class Invocation {
    final String requestId;
    final String eventJson;
    final JsonNode event;
    final CompletableFuture<IngestHandler.Report> result = new CompletableFuture<>();
    volatile int attempts;

    Invocation(String requestId, String eventJson, JsonNode event) {
      this.requestId = requestId;
      this.eventJson = eventJson;
      this.event = event;
    }
  }

  /** Every attempt failed; the on-failure record is in the dead-letter queue. */
  static final class DeadLettered extends RuntimeException {

    private final String explanation;
    private final String queueUrl;
    private final String messageId;
    private final int attempts;
    private final List<String> objects;

    private DeadLettered(Invocation invocation, Throwable lastError, String queueUrl, String messageId,
                         String replayHint) {
      this(explanation(invocation, queueUrl, messageId, replayHint), lastError, invocation, queueUrl, messageId);
    }

    private DeadLettered(String explanation, Throwable lastError, Invocation invocation, String queueUrl,
                         String messageId) {
      super(explanation + "\n  Último erro: " + lastError, lastError);
      this.explanation = explanation;
      this.queueUrl = queueUrl;
      this.messageId = messageId;
      this.attempts = invocation.attempts;
      this.objects = OnFailureRecord.objects(invocation.event);
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

    private static String explanation(Invocation invocation, String queueUrl, String messageId, String replayHint) {
      return "o Ingest falhou nas " + invocation.attempts + " tentativas (a chamada e as novas tentativas "
          + "automáticas, como o Lambda faz com eventos assíncronos) e o evento S3 foi para a fila de dead-letter, "
          + "com o erro.\n"
          + "  Objeto(s) no bucket (nada se perdeu): " + String.join(", ", OnFailureRecord.objects(invocation.event)) + "\n"
          + "  Fila de dead-letter: " + queueUrl + " (mensagem " + messageId + ")\n"
          + "Corrija a causa e reenvie os eventos da fila (replay):\n"
          + "  " + replayHint + "\n"
          + "(docs/operations.md, \"When an event lands in the dead-letter queue\"). Não copie o arquivo de novo "
          + "para a pasta: o reenvio grava o registro a partir do objeto que já está no bucket.";
    }
  }

  /** Every attempt failed and the dead-letter queue refused the record too: the event is only in the log. */
  static final class Undelivered extends RuntimeException {

    private Undelivered(Invocation invocation, Throwable lastError, String queueUrl) {
      super("o Ingest falhou nas " + invocation.attempts + " tentativas e o evento NÃO pôde ser enviado à fila de "
          + "dead-letter " + queueUrl + ". Objeto(s) no bucket: "
          + String.join(", ", OnFailureRecord.objects(invocation.event)) + ". Evento (para reenviar à mão): "
          + invocation.eventJson, lastError);
    }
  }
}
