package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import br.bankhistory.history.Services;
import br.bankhistory.history.handler.IngestHandler;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter path through the whole local stack, with its default retry delays (1 s and 2 s): a fault
 * injected in the Ingest function (its services point at a dead port), a file dropped, the event in
 * ElasticMQ and the file in {@code .failed/} saying so; the documented command run verbatim while the fault
 * persists (nothing replayed, nothing lost) and after it is fixed (recorded once, queue empty); the replay
 * command's local mode; every process stopped at the end.
 */
class LocalStackDeadLetterTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The fault: while set, Ingest runs with DynamoDB, S3 and SES unreachable. */
  private static final AtomicBoolean FAULT = new AtomicBoolean();

  @TempDir
  static Path drop;

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    AtomicReference<IngestHandler> faulty = new AtomicReference<>();
    stack = LocalStack.start(LocalStackOptions.forTests(drop, false), services -> {
      IngestHandler working = new IngestHandler(services.ingest());
      faulty.set(new IngestHandler(unreachable(services).ingest()));
      return (RequestHandler<S3Event, IngestHandler.Report>) (event, context) ->
          (FAULT.get() ? faulty.get() : working).handleRequest(event, context);
    });
  }

  private static Services unreachable(Services services) {
    URI dead = Faults.deadEndpoint();
    var config = services.config();
    return Services.create(new br.bankhistory.history.config.ServiceConfig(config.tableName(), config.bucketName(),
        config.region(), java.util.Optional.of(dead), java.util.Optional.of(dead), java.util.Optional.of(dead),
        config.accessKey(), config.secretKey(), config.maxFileBytes(), config.presignTtl(), config.mailFrom(),
        config.sesConfigurationSet(), config.webBaseUrl(), java.util.Optional.of(dead), config.followUpQueueUrl(),
        config.sesSendTimeout(), config.delivery()));
  }

  @AfterAll
  static void stopStack() {
    long nodePid = stack.aws().sesServer().pid();
    List<Integer> ports = List.of(stack.baseUri().getPort(), stack.aws().sqsEndpoint().getPort(),
        stack.aws().s3Endpoint().getPort(), stack.aws().dynamoDbEndpoint().getPort());
    stack.close();
    assertThat(ProcessHandle.of(nodePid).filter(ProcessHandle::isAlive)).as("SES emulator process").isEmpty();
    assertThat(ports).as("HTTP front, ElasticMQ, s3proxy, DynamoDB Local").noneMatch(LocalStackDeadLetterTest::isListening);
  }

  @Test
  void aFailedIngestIsDeadLetteredAndTheDocumentedCommandReplaysIt() throws Exception {
    String replayCommand = "curl -s -X POST " + stack.baseUri() + "local/replay-dead-letters";
    assertThat(stack.banner()).contains(stack.deadLetterQueueUrl(), replayCommand);
    assertThat(stack.deadLetterQueueUrl()).startsWith(stack.aws().sqsEndpoint().toString())
        .endsWith("/bank-history-ingest-dlq");
    assertThat(peekCount()).isZero();
    String name = "RETORNO-DLQ.ret";
    byte[] content = Faults.demoBytes("acme/sicoob-example.ret");

    FAULT.set(true);
    Files.write(drop.resolve("acme").resolve(name), content);

    Path failed = drop.resolve("acme/.failed").resolve(name);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(failed.resolveSibling(name + ".reason.txt")).exists());
    assertThat(Files.readString(failed.resolveSibling(name + ".reason.txt")))
        .contains("fila de dead-letter", stack.deadLetterQueueUrl(), replayCommand)
        .doesNotContain("\tat ", "Exception", "Último erro"); // the technical error is the log's
    assertThat(peekCount()).isEqualTo(1);
    assertThat(listed(name)).isEmpty();

    JsonNode whileBroken = JSON.readTree(shell(replayCommand));
    assertThat(whileBroken.path("replayed").asInt()).isZero();
    assertThat(whileBroken.path("failed").asInt()).isEqualTo(1);
    assertThat(whileBroken.path("remaining").asInt()).isEqualTo(1);
    assertThat(listed(name)).isEmpty();

    FAULT.set(false);
    JsonNode fixed = JSON.readTree(shell(replayCommand));

    assertThat(fixed.path("queueUrl").asText()).isEqualTo(stack.deadLetterQueueUrl());
    assertThat(fixed.path("replayed").asInt()).isEqualTo(1);
    assertThat(fixed.path("failed").asInt()).isZero();
    assertThat(fixed.path("remaining").asInt()).isZero();
    assertThat(fixed.path("messages").path(0).path("objects").path(0).asText())
        .isEqualTo("s3://" + LocalStack.BUCKET_NAME + "/inbound/acme/" + name);
    assertThat(listed(name)).singleElement().satisfies(record -> {
      assertThat(record.path("userName").asText()).isEqualTo("Integração");
      assertThat(record.path("bankCode").asText()).isEqualTo("756");
    });
    assertThat(peekCount()).isZero();

    // the command-line replay against the running stack: nothing left, nothing doubled
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReplayDeadLetters.run(new String[] {"--local-stack", stack.baseUri().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("replayed").asInt()).isZero();
    assertThat(listed(name)).hasSize(1);
  }

  @Test
  void theReplayRouteTakesOnlyPost() throws Exception {
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(stack.replayUri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("allow")).hasValue("POST");
  }

  @Test
  void theReplayCommandSaysSoWhenNoStackAnswers() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReplayDeadLetters.run(new String[] {"--local-stack", Faults.deadEndpoint().toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no local stack answers");
  }

  /** Runs a documented shell command as written; returns its standard output. */
  private static String shell(String command) throws IOException, InterruptedException {
    assumeThat(Path.of("/usr/bin/curl")).as("curl, for the documented command").exists();
    Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      return output;
    } finally {
      process.destroyForcibly();
    }
  }

  private static int peekCount() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("local/dead-letters"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("messages").asInt();
  }

  private static List<JsonNode> listed(String fileName) throws Exception {
    String token = stack.mintToken(new LocalIdentity("acme", "ana", "Ana Souza", true));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUri() + "?limit=100"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(response.body()).path("items").spliterator(), false)
        .filter(item -> item.path("fileName").asText().equals(fileName))
        .toList();
  }

  static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
