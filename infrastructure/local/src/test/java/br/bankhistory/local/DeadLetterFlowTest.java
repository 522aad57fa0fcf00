package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.handler.IngestHandler;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A fault injected for real: the Ingest function's services point at a port nobody listens on, so every attempt
 * throws (the SDK's own retries included). The asynchronous invoke retries twice, then the on-failure record
 * lands in ElasticMQ; nothing is lost; once the fault is gone, the replay records the file exactly once, and
 * replaying again is harmless.
 */
class DeadLetterFlowTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static EmulatorStack aws;
  private static SqsClient sqs;

  private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

  @TempDir
  Path work;

  @BeforeAll
  static void startEmulators() {
    aws = EmulatorStack.builder().withSqs(true).start();
    sqs = DeadLetterQueue.localClient(aws.sqsEndpoint(), aws.region(), aws.accessKey(), aws.secretKey());
  }

  @AfterAll
  static void stopEmulators() {
    sqs.close();
    int sqsPort = aws.sqsEndpoint().getPort();
    aws.close();
    assertThat(LocalStackDeadLetterTest.isListening(sqsPort)).as("ElasticMQ").isFalse();
  }

  @AfterEach
  void closeWhatTheTestOpened() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  /** One attempt of the faulty function: when, and with which request id. */
  private record Attempt(Instant at, String requestId) {}

  @Test
  void aDroppedFileWhoseIngestKeepsFailingIsDeadLetteredThenReplayedExactlyOnce() throws Exception {
    Storage storage = newStorage();
    Services working = storage.services();
    Services broken = Faults.unreachable(storage.table(), storage.bucket(), aws);
    List<Attempt> attempts = new CopyOnWriteArrayList<>();
    IngestHandler faulty = new IngestHandler(broken.ingest());
    RequestHandler<S3Event, IngestHandler.Report> counting = (event, context) -> {
      attempts.add(new Attempt(Instant.now(), context.getAwsRequestId()));
      return faulty.handleRequest(event, context);
    };
    DeadLetterQueue queue = open(DeadLetterQueue.create(sqs, "ingest-dlq-" + NAMES.incrementAndGet(), false));
    List<Duration> delays = List.of(Duration.ofMillis(300), Duration.ofMillis(600));
    AsyncInvoker invoker = open(new AsyncInvoker(counting, AsyncInvoker.LOCAL_FUNCTION_ARN, delays, queue,
        "curl -s -X POST http://127.0.0.1:8080/local/replay-dead-letters", JSON, Clock.systemUTC()));
    S3Delivery delivery = new S3Delivery(working.s3(), storage.bucket(), new S3Events(JSON, aws.region()), invoker,
        Clock.systemUTC());
    DropFolder drop = open(DropFolder.start(work.resolve("drop"), List.of("acme"), delivery, Duration.ofMillis(100)));
    byte[] content = Faults.demoBytes("acme/caixa.ret");
    String name = "RETORNO CAIXA 2311.ret"; // a space: '+' in the event's key

    Files.write(drop.tenantFolder("acme").resolve(name), content);

    Path failed = drop.tenantFolder("acme").resolve(".failed").resolve(name);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      assertThat(failed).exists();
      assertThat(failed.resolveSibling(name + ".reason.txt")).exists();
    });
    // Lambda's async retries: 3 attempts, one request id, after the configured delays
    assertThat(attempts).hasSize(3);
    assertThat(attempts).extracting(Attempt::requestId).containsOnly(attempts.get(0).requestId());
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(delays.get(0));
    assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(delays.get(1));
    String reason = Files.readString(failed.resolveSibling(name + ".reason.txt"));
    assertThat(reason).contains("dead-letter", queue.url(), "3 tentativas",
        "s3://" + storage.bucket() + "/inbound/acme/" + name,
        "curl -s -X POST http://127.0.0.1:8080/local/replay-dead-letters");
    assertThat(drop.tenantFolder("acme").resolve(name)).doesNotExist();

    // the on-failure record, shaped like AWS's, with the original event and the error
    List<Message> waiting = peek(queue);
    assertThat(waiting).hasSize(1);
    JsonNode record = JSON.readTree(waiting.get(0).body());
    assertThat(record.path("version").asText()).isEqualTo("1.0");
    assertThat(record.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    JsonNode context = record.path("requestContext");
    assertThat(context.path("requestId").asText()).isEqualTo(attempts.get(0).requestId());
    assertThat(context.path("functionArn").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:bank-history-ingest:live");
    assertThat(context.path("condition").asText()).isEqualTo("RetriesExhausted");
    assertThat(context.path("approximateInvokeCount").asInt()).isEqualTo(3);
    assertThat(record.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
    assertThat(record.path("responseContext").path("executedVersion").asText()).isEqualTo("$LATEST");
    assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
    assertThat(record.path("responsePayload").path("errorType").asText()).isNotBlank();
    assertThat(record.path("responsePayload").path("errorMessage").asText()).isNotBlank();
    JsonNode payload = record.path("requestPayload");
    JsonNode s3 = payload.path("Records").path(0).path("s3");
    assertThat(payload.path("Records").path(0).path("eventName").asText()).isEqualTo("ObjectCreated:Put");
    assertThat(s3.path("bucket").path("name").asText()).isEqualTo(storage.bucket());
    assertThat(s3.path("object").path("key").asText()).isEqualTo("inbound/acme/RETORNO+CAIXA+2311.ret");
    assertThat(s3.path("object").path("size").asLong()).isEqualTo(content.length);
    S3Event asLambdaSeesIt = LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
        .fromJson(payload.toString());
    assertThat(asLambdaSeesIt.getRecords().get(0).getS3().getObject().getUrlDecodedKey())
        .isEqualTo("inbound/acme/" + name);

    // nothing lost: the bytes are in the bucket (and in .failed/); no record was written
    assertThat(working.s3().getObjectAsBytes(r -> r.bucket(storage.bucket()).key("inbound/acme/" + name)).asByteArray())
        .isEqualTo(content);
    assertThat(Files.readAllBytes(failed)).isEqualTo(content);
    assertThat(Faults.recordsNamed(working, "acme", name)).isEmpty();

    // replayed while the fault persists: it fails and stays in the queue
    ReplayDeadLetters.Summary stillBroken = ReplayDeadLetters.replay(sqs, queue.url(), faulty);
    assertThat(stillBroken.replayed()).isZero();
    assertThat(stillBroken.failed()).isEqualTo(1);
    assertThat(stillBroken.remaining()).isEqualTo(1);
    assertThat(stillBroken.messages().get(0).result()).startsWith("failed: ");
    assertThat(Faults.recordsNamed(working, "acme", name)).isEmpty();

    // the fault fixed: the replay records it once and empties the queue
    IngestHandler fixed = new IngestHandler(working.ingest());
    ReplayDeadLetters.Summary summary = ReplayDeadLetters.replay(sqs, queue.url(), fixed);
    assertThat(summary.replayed()).isEqualTo(1);
    assertThat(summary.failed()).isZero();
    assertThat(summary.remaining()).isZero();
    assertThat(summary.messages()).singleElement().satisfies(message -> {
      assertThat(message.objects()).containsExactly("s3://" + storage.bucket() + "/inbound/acme/" + name);
      assertThat(message.result()).startsWith("recorded acme/");
    });
    assertThat(Faults.recordsNamed(working, "acme", name)).hasSize(1);
    assertThat(queue.approximateDepth()).isZero();

    // replaying again is harmless: an empty queue, or the same record sent again
    ReplayDeadLetters.Summary again = ReplayDeadLetters.replay(sqs, queue.url(), fixed);
    assertThat(List.of(again.replayed(), again.failed(), again.remaining())).containsExactly(0, 0, 0);
    queue.send(waiting.get(0).body());
    ReplayDeadLetters.Summary duplicate = ReplayDeadLetters.replay(sqs, queue.url(), fixed);
    assertThat(duplicate.replayed()).isEqualTo(1);
    assertThat(duplicate.messages().get(0).result()).startsWith("already recorded acme/");
    assertThat(duplicate.remaining()).isZero();
    assertThat(Faults.recordsNamed(working, "acme", name)).hasSize(1);
  }

  @Test
  void seedingAndTheUploadsWatcherGoThroughTheSameAsyncInvokeAndQueue() {
    Storage storage = newStorage();
    Services working = storage.services();
    IngestHandler faulty = new IngestHandler(Faults.unreachable(storage.table(), storage.bucket(), aws).ingest());
    DeadLetterQueue queue = open(DeadLetterQueue.create(sqs, "ingest-dlq-" + NAMES.incrementAndGet(), false));
    // no retries (MaximumRetryAttempts 0): one attempt each
    AsyncInvoker invoker = open(new AsyncInvoker(faulty, AsyncInvoker.LOCAL_FUNCTION_ARN, List.of(), queue,
        "replay", JSON, Clock.systemUTC()));
    S3Delivery delivery = new S3Delivery(working.s3(), storage.bucket(), new S3Events(JSON, aws.region()), invoker,
        Clock.systemUTC());

    int seeded = DemoData.seed(delivery);

    assertThat(seeded).isZero();
    int demoFiles = DemoData.files().size();
    assertThat(queue.approximateDepth()).isEqualTo(demoFiles);
    assertThat(peek(queue)).allSatisfy(message ->
        assertThat(JSON.readTree(message.body()).path("requestContext").path("approximateInvokeCount").asInt())
            .isEqualTo(1));

    // a browser's presigned upload, noticed by the watcher: dead-lettered too
    byte[] content = Faults.demoBytes("acme/remessa-caixa-cnab240.rem");
    String key = "uploads/acme/carla/0123456789abcdef/remessa enviada.rem";
    working.s3().putObject(r -> r.bucket(storage.bucket()).key(key)
        .metadata(java.util.Map.of("user-id", "carla", "user-name", "Carla%20Dias")), RequestBody.fromBytes(content));
    open(UploadsWatcher.start(working.s3(), storage.bucket(), delivery, Duration.ofMillis(100)));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(queue.approximateDepth()).isEqualTo(demoFiles + 1));

    ReplayDeadLetters.Summary summary = ReplayDeadLetters.replay(sqs, queue.url(), new IngestHandler(working.ingest()));

    assertThat(summary.replayed()).isEqualTo(demoFiles + 1);
    assertThat(summary.failed()).isZero();
    assertThat(summary.remaining()).isZero();
    for (DemoData.DemoFile file : DemoData.files()) {
      assertThat(Faults.recordsNamed(working, file.tenant(), file.fileName())).as(file.fileName()).hasSize(1);
    }
    assertThat(Faults.recordsNamed(working, "acme", "remessa enviada.rem")).singleElement()
        .satisfies(record -> assertThat(record.userName()).isEqualTo("Carla Dias"));
  }

  @Test
  void whenTheQueueIsDownTooTheFileStaysInFailedWithTheWholeEvent() throws Exception {
    Storage storage = newStorage();
    Services working = storage.services();
    IngestHandler faulty = new IngestHandler(Faults.unreachable(storage.table(), storage.bucket(), aws).ingest());
    SqsClient deadSqs = open(DeadLetterQueue.localClient(Faults.deadEndpoint(), aws.region(), aws.accessKey(),
        aws.secretKey()));
    String realUrl = DeadLetterQueue.create(sqs, "ingest-dlq-" + NAMES.incrementAndGet(), false).url();
    DeadLetterQueue queue = DeadLetterQueue.existing(deadSqs, realUrl); // ElasticMQ unreachable from this client
    AsyncInvoker invoker = open(new AsyncInvoker(faulty, AsyncInvoker.LOCAL_FUNCTION_ARN, List.of(), queue,
        "replay", JSON, Clock.systemUTC()));
    S3Delivery delivery = new S3Delivery(working.s3(), storage.bucket(), new S3Events(JSON, aws.region()), invoker,
        Clock.systemUTC());
    DropFolder drop = open(DropFolder.start(work.resolve("drop"), List.of("globex"), delivery, Duration.ofMillis(100)));

    Files.write(drop.tenantFolder("globex").resolve("bb.ret"), Faults.demoBytes("globex/banco_brasil.ret"));

    Path reason = drop.tenantFolder("globex").resolve(".failed/bb.ret.reason.txt");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reason).exists());
    assertThat(Files.readString(reason)).contains("NÃO pôde ser enviado", "\"Records\"", "inbound/globex/bb.ret");
  }

  private record Storage(String table, String bucket, Services services) {}

  private Storage newStorage() {
    int n = NAMES.incrementAndGet();
    String table = "dlq-test-" + n;
    String bucket = "dlq-test-files-" + n;
    Services services = Services.create(ServiceConfig.local(table, bucket, aws.dynamoDbEndpoint(), aws.s3Endpoint(),
        null, aws.accessKey(), aws.secretKey()));
    services.ensureStorage();
    return new Storage(table, bucket, services);
  }

  /** The queue's messages, left in place (received with a zero visibility timeout). */
  private static List<Message> peek(DeadLetterQueue queue) {
    return sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(0, closeable);
    return closeable;
  }
}
