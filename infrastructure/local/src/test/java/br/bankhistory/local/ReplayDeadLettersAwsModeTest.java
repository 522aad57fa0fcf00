package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.emulators.SqsServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The replay's AWS mode, as far as it can run here: the queue on ElasticMQ, and a stand-in for Lambda's Invoke
 * API that records what it receives (path, invocation type, SigV4 authorization, payload) and answers 202 as
 * Lambda does for an asynchronous invocation (or 500, to fail one). The Java command and the AWS CLI script.
 * Never run against AWS itself.
 */
class ReplayDeadLettersAwsModeTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final String FUNCTION = "bank-history-prod-ingest:live";

  private static SqsServer elasticMq;
  private static SqsClient sqs;
  private static HttpServer lambda;
  private static final List<Invoke> INVOKES = new CopyOnWriteArrayList<>();
  private static volatile int lambdaStatus = 202;

  private record Invoke(String method, String rawPath, Map<String, List<String>> headers, String body) {}

  @BeforeAll
  static void start() throws IOException {
    elasticMq = new SqsServer(EmulatorStack.REGION).start();
    sqs = DeadLetterQueue.localClient(elasticMq.endpoint(), EmulatorStack.REGION, "AKIDLOCAL", "local-secret");
    lambda = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    lambda.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      INVOKES.add(new Invoke(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
      exchange.getResponseHeaders().set("x-amzn-RequestId", "req-" + INVOKES.size());
      int status = lambdaStatus;
      byte[] answer = status == 202 ? new byte[0] : "{\"Message\":\"boom\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        exchange.getResponseBody().write(answer);
      }
      exchange.close();
    });
    lambda.start();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    lambda.stop(0);
    int port = elasticMq.endpoint().getPort();
    elasticMq.close();
    assertThat(LocalStackDeadLetterTest.isListening(port)).as("ElasticMQ").isFalse();
  }

  @BeforeEach
  void reset() {
    INVOKES.clear();
    lambdaStatus = 202;
  }

  @Test
  void eachRecordIsInvokedAsynchronouslyWithItsRequestPayloadAndDeletedOnlyWhenAccepted() throws Exception {
    String queue = newQueue();
    JsonNode first = sendRecord(queue, "inbound/acme/A.ret");
    JsonNode second = sendRecord(queue, "uploads/acme/ana/0123/B+C.rem");
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("not json at all"));

    ReplayDeadLetters.Summary summary;
    try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
      summary = ReplayDeadLetters.replay(sqs, queue, new LambdaEventInvoke(lambdaUri(), "us-east-1", FUNCTION,
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")), http), 0, 100);
    }

    assertThat(summary.replayed()).isEqualTo(2);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.remaining()).isEqualTo(1); // the unreadable one, left for a human
    assertThat(INVOKES).hasSize(2);
    assertThat(INVOKES).allSatisfy(invoke -> {
      assertThat(invoke.method()).isEqualTo("POST");
      assertThat(invoke.rawPath()).isEqualTo("/2015-03-31/functions/bank-history-prod-ingest%3Alive/invocations");
      assertThat(header(invoke, "X-amz-invocation-type")).isEqualTo("Event");
      assertThat(header(invoke, "Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/")
          .contains("/us-east-1/lambda/aws4_request", "SignedHeaders=", "Signature=");
      assertThat(header(invoke, "X-amz-date")).isNotBlank();
    });
    assertThat(INVOKES).extracting(invoke -> JSON.readTree(invoke.body()))
        .containsExactlyInAnyOrder(first.get("requestPayload"), second.get("requestPayload"));
    assertThat(summary.messages()).filteredOn(ReplayDeadLetters.Replayed::replayed)
        .allSatisfy(message -> assertThat(message.result()).startsWith("queued for " + FUNCTION + " (202"));
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(0)).messages())
        .singleElement().satisfies(message -> assertThat(message.body()).isEqualTo("not json at all"));
  }

  @Test
  void aRefusedInvocationLeavesTheMessageInTheQueue() throws Exception {
    String queue = newQueue();
    sendRecord(queue, "inbound/acme/A.ret");
    lambdaStatus = 500;

    ReplayDeadLetters.Summary summary;
    try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
      summary = ReplayDeadLetters.replay(sqs, queue, new LambdaEventInvoke(lambdaUri(), "us-east-1", FUNCTION,
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")), http), 0, 100);
    }

    assertThat(summary.replayed()).isZero();
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.remaining()).isEqualTo(1);
    assertThat(summary.messages().get(0).result()).contains("answered 500");
  }

  @Test
  void theCommandLineAwsModeReadsTheQueueAndInvokes() throws Exception {
    String queue = newQueue();
    JsonNode record = sendRecord(queue, "inbound/globex/X.ret");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // the default credentials chain reads these system properties first
    System.setProperty("aws.accessKeyId", "AKIDLOCAL");
    System.setProperty("aws.secretAccessKey", "local-secret");
    int status;
    try {
      status = ReplayDeadLetters.run(new String[] {"--queue-url", queue, "--function", FUNCTION, "--region", "us-east-1",
              "--sqs-endpoint-url", elasticMq.endpoint().toString(), "--lambda-endpoint-url", lambdaUri().toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode summary = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(summary.path("replayed").asInt()).isEqualTo(1);
    assertThat(summary.path("remaining").asInt()).isZero();
    assertThat(INVOKES).singleElement().satisfies(invoke ->
        assertThat(JSON.readTree(invoke.body())).isEqualTo(record.get("requestPayload")));
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(run("--queue-url", "https://sqs.sa-east-1.amazonaws.com/1/q")).isEqualTo(2); // no --function
    assertThat(run("--local-stack", "http://127.0.0.1:8080/", "--queue-url", "x", "--function", "f")).isEqualTo(2);
    assertThat(run("--help")).isZero();
    assertThat(AwsReplay.regionOf("https://sqs.sa-east-1.amazonaws.com/123456789012/dlq")).hasValue("sa-east-1");
    assertThat(AwsReplay.regionOf("http://127.0.0.1:9324/000000000000/dlq")).isEqualTo(Optional.empty());
  }

  /** The AWS CLI script, against ElasticMQ and the Lambda stand-in (its endpoints redirected). */
  @Test
  void theAwsCliScriptDoesTheSame() throws Exception {
    assumeThat(onPath("aws")).as("the AWS CLI").isTrue();
    assumeThat(onPath("jq")).as("jq").isTrue();
    String queue = newQueue();
    JsonNode record = sendRecord(queue, "inbound/acme/SCRIPT.ret");
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"no\":\"records\"}"));
    Path script = Path.of("replay-dlq-aws.sh").toAbsolutePath();
    assertThat(script).exists();

    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), queue, FUNCTION, "--region", "us-east-1")
        .redirectErrorStream(true);
    builder.environment().putAll(Map.of(
        "AWS_ACCESS_KEY_ID", "AKIDLOCAL", "AWS_SECRET_ACCESS_KEY", "local-secret", "AWS_DEFAULT_REGION", "us-east-1",
        "REPLAY_SQS_ENDPOINT_URL", elasticMq.endpoint().toString(),
        "REPLAY_LAMBDA_ENDPOINT_URL", lambdaUri().toString()));
    Process process = builder.start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(process.exitValue()).as(output).isEqualTo(1); // one message is not replayable
    assertThat(output).contains("\"replayed\":1,\"failed\":1");
    assertThat(INVOKES).singleElement().satisfies(invoke -> {
      assertThat(invoke.rawPath()).endsWith("/invocations").contains("bank-history-prod-ingest");
      assertThat(header(invoke, "X-amz-invocation-type")).isEqualTo("Event");
      assertThat(JSON.readTree(invoke.body())).isEqualTo(record.get("requestPayload"));
    });
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).visibilityTimeout(0)).messages())
        .singleElement().satisfies(message -> assertThat(message.body()).isEqualTo("{\"no\":\"records\"}"));
  }

  private static int run(String... args) {
    return ReplayDeadLetters.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static String newQueue() {
    return DeadLetterQueue.create(sqs, "aws-mode-" + NAMES.incrementAndGet(), false).url();
  }

  /** An on-failure record for an S3 event of the key, sent to the queue; returns it (as read back from JSON). */
  private static JsonNode sendRecord(String queue, String key) throws IOException {
    JsonNode event = new S3Events(JSON, "us-east-1").render("bank-history-prod-files", key, 42, "abc", Instant.now());
    String record = OnFailureRecord.render(JSON, Instant.now(), "req-1",
        "arn:aws:lambda:us-east-1:123456789012:function:bank-history-prod-ingest:live", 3, event,
        new IllegalStateException("DynamoDB unreachable")).toString();
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody(record));
    return JSON.readTree(record);
  }

  private static URI lambdaUri() {
    return URI.create("http://127.0.0.1:" + lambda.getAddress().getPort());
  }

  private static String header(Invoke invoke, String name) {
    return invoke.headers().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(entry -> entry.getValue().get(0))
        .findFirst().orElse(null);
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
