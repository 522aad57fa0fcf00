package br.bankhistory.local;

import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.ingest.IngestOutcome;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Re-drives the Ingest function's dead-letter queue: each message (an on-failure destination record, see
 * {@link OnFailureRecord}) is read, its {@code requestPayload} (the original S3 event) handed to the function
 * again, and the message deleted only once that succeeded; a message whose replay failed stays in the queue
 * (visible again at the end of the run) for the next one. Ingest being idempotent, replaying an event whose
 * file was recorded in the meantime changes nothing.
 *
 * <p>Two targets:
 * <ul>
 *   <li>local stack: {@link #replay(SqsClient, String, RequestHandler)} calls {@code IngestHandler} in-process
 *       (wired to the stack's emulators). The running stack exposes it as {@code POST /local/replay-dead-letters}
 *       ({@link ReplayEndpoint}), which this command calls by default:
 *       {@code ReplayDeadLetters [--local-stack http://127.0.0.1:8080]};</li>
 *   <li>AWS: {@code ReplayDeadLetters --queue-url URL --function NAME:live [--region R]} reads the queue with the
 *       default AWS credentials and invokes the function asynchronously ({@code InvocationType=Event}, as S3
 *       does) with each {@code requestPayload} ({@link LambdaEventInvoke}); a failure of that invocation ends in
 *       the queue again after Lambda's retries. Not run against AWS from this repository's tests.</li>
 * </ul>
 * Exit status: 0 when nothing failed, 1 when some message failed (it is still in the queue), 2 on a usage or
 * connection error. The summary is printed as JSON.
 */
public final class ReplayDeadLetters {

  /** The local stack's replay route. */
  public static final String LOCAL_PATH = "/local/replay-dead-letters";
  public static final URI DEFAULT_LOCAL_STACK = URI.create("http://127.0.0.1:" + LocalStackOptions.DEFAULT_PORT + "/");
  /** Long enough for Ingest to record a large file before the message could be handed to someone else. */
  static final int VISIBILITY_TIMEOUT_SECONDS = 300;

  static final String USAGE = String.join(System.lineSeparator(),
      "usage:",
      "  ReplayDeadLetters [--local-stack URL]        replay the running local stack's queue (default "
          + DEFAULT_LOCAL_STACK + ")",
      "  ReplayDeadLetters --queue-url URL --function NAME:ALIAS|ARN [--region R] [--endpoint-url URL]",
      "                    [--sqs-endpoint-url URL] [--lambda-endpoint-url URL] [--max N]",
      "                                               AWS: read the queue, invoke the function asynchronously");

  private static final JsonLog LOG = JsonLog.of(ReplayDeadLetters.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern SQS_REGION = Pattern.compile("^sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  /** What a run did; {@code remaining} is the queue's approximate depth afterwards (failures included). */
  public record Summary(String queueUrl, int replayed, int failed, int remaining, List<Replayed> messages) {}

  /** One message: the objects of its event, whether its replay succeeded, and what the function said. */
  public record Replayed(String messageId, List<String> objects, boolean replayed, String result) {}

  /** Where a replayed event goes. Returns a short description of the result; throws when the replay failed. */
  @FunctionalInterface
  public interface Target {
    String invoke(String requestPayloadJson) throws Exception;
  }

  private ReplayDeadLetters() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Replays every message of the queue into the Ingest handler, in this JVM; the local stack's endpoint and
   * the tests use it.
   */
  public static Summary replay(SqsClient sqs, String queueUrl, RequestHandler<S3Event, IngestHandler.Report> handler) {
    return replay(sqs, queueUrl, inProcess(handler), 0, Integer.MAX_VALUE);
  }

  /**
   * Replays up to {@code maxMessages} messages of the queue into the target.
   *
   * @param waitSeconds SQS long polling for each receive (0 on ElasticMQ, which answers exactly; about 2 on
   *                    SQS, whose short polls may answer empty while messages wait)
   */
  public static Summary replay(SqsClient sqs, String queueUrl, Target target, int waitSeconds, int maxMessages) {
    List<Replayed> results = new ArrayList<>();
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
          Replayed result = replayOne(sqs, queueUrl, target, message);
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
      failedReceipts.values().forEach(receipt -> {
        try {
          sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receipt).visibilityTimeout(0));
        } catch (RuntimeException e) {
          LOG.warn("replay.visibility.failed", Map.of("queueUrl", queueUrl, "error", String.valueOf(e)));
        }
      });
    }
    Summary summary = new Summary(queueUrl, replayed, failedReceipts.size(), approximateDepth(sqs, queueUrl),
        List.copyOf(results));
    LOG.info("replay.done", Map.of("queueUrl", queueUrl, "replayed", summary.replayed(), "failed", summary.failed(),
        "remaining", summary.remaining()));
    return summary;
  }

  private static Replayed replayOne(SqsClient sqs, String queueUrl, Target target, Message message) {
    List<String> objects = List.of();
    try {
      JsonNode payload = OnFailureRecord.requestPayload(JSON.readTree(message.body()));
      objects = OnFailureRecord.objects(payload);
      String result = target.invoke(payload.toString());
      sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
      LOG.info("replay.replayed", Map.of("messageId", message.messageId(), "objects", String.join(" ", objects),
          "result", result));
      return new Replayed(message.messageId(), objects, true, result);
    } catch (Throwable e) { // a failed replay of one message never stops the others
      LOG.error("replay.failed", Map.of("messageId", message.messageId(), "objects", String.join(" ", objects),
          "error", String.valueOf(e)));
      return new Replayed(message.messageId(), objects, false, "failed: " + e);
    }
  }

  /** The Ingest handler in this JVM, given the event through the managed Java runtime's own deserialiser. */
  public static Target inProcess(RequestHandler<S3Event, IngestHandler.Report> handler) {
    PojoSerializer<S3Event> serializer =
        LambdaEventSerializers.serializerFor(S3Event.class, ReplayDeadLetters.class.getClassLoader());
    return payload -> {
      S3Event event = serializer.fromJson(payload);
      if (event.getRecords() == null || event.getRecords().isEmpty()) {
        throw new IllegalArgumentException("the S3 event has no records");
      }
      IngestHandler.Report report = handler.handleRequest(event, new LocalLambdaContext("bank-history-ingest",
          UUID.randomUUID().toString(), AsyncInvoker.LOCAL_FUNCTION_ARN));
      return report.outcomes().stream().map(ReplayDeadLetters::describe).collect(Collectors.joining("; "));
    };
  }

  private static String describe(IngestOutcome outcome) {
    if (outcome instanceof IngestOutcome.Recorded recorded) {
      return "recorded " + recorded.tenant() + "/" + recorded.recordId() + " (" + recorded.status() + ")";
    }
    if (outcome instanceof IngestOutcome.AlreadyRecorded again) {
      return "already recorded " + again.tenant() + "/" + again.recordId();
    }
    return "ignored: " + ((IngestOutcome.Ignored) outcome).reason();
  }

  /** Messages waiting plus messages received and not yet deleted. */
  static int approximateDepth(SqsClient sqs, String queueUrl) {
    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
        + Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
  }

  // ---------------------------------------------------------------------------------------- command line

  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.containsKey("--help")) {
      out.println(USAGE);
      return 0;
    }
    try {
      if (options.containsKey("--queue-url")) {
        return replayOnAws(options, out, err);
      }
      return replayOnLocalStack(URI.create(options.getOrDefault("--local-stack", DEFAULT_LOCAL_STACK.toString())),
          out, err);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (Exception e) {
      err.println("replay failed: " + e);
      return 2;
    }
  }

  private static Map<String, String> parse(String[] args) {
    Set<String> known = Set.of("--local-stack", "--queue-url", "--function", "--region", "--endpoint-url",
        "--sqs-endpoint-url", "--lambda-endpoint-url", "--max");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        options.put("--help", "");
      } else if (known.contains(args[i])) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        options.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (options.containsKey("--local-stack") && options.containsKey("--queue-url")) {
      throw new IllegalArgumentException("--local-stack and --queue-url do not go together");
    }
    if (options.containsKey("--queue-url") != options.containsKey("--function")) {
      throw new IllegalArgumentException("--queue-url and --function go together (AWS)");
    }
    return options;
  }

  /** Asks the running local stack to replay its queue in-process; prints its summary. */
  static int replayOnLocalStack(URI stack, PrintStream out, PrintStream err) throws Exception {
    URI endpoint = stack.resolve(LOCAL_PATH);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(30))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      err.println("no local stack answers at " + stack + " (start it with: mvn -B -q -pl infrastructure/local exec:java)");
      return 2;
    }
    out.println(response.body());
    if (response.statusCode() != 200) {
      err.println("POST " + endpoint + " answered " + response.statusCode());
      return 2;
    }
    return JSON.readTree(response.body()).path("failed").asInt(0) == 0 ? 0 : 1;
  }

  private static int replayOnAws(Map<String, String> options, PrintStream out, PrintStream err) throws Exception {
    String queueUrl = options.get("--queue-url");
    String region = Optional.ofNullable(options.get("--region"))
        .or(() -> regionOf(queueUrl))
        .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
        .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
        .orElseThrow(() -> new IllegalArgumentException("which region? give --region"));
    int max = Integer.parseInt(options.getOrDefault("--max", Integer.toString(Integer.MAX_VALUE)));
    Optional<URI> common = Optional.ofNullable(options.get("--endpoint-url")).map(URI::create);
    Optional<URI> sqsEndpoint = Optional.ofNullable(options.get("--sqs-endpoint-url")).map(URI::create).or(() -> common);
    URI lambdaEndpoint = Optional.ofNullable(options.get("--lambda-endpoint-url")).map(URI::create).or(() -> common)
        .orElse(URI.create("https://lambda." + region + ".amazonaws.com"));
    AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try (SdkHttpClient http = UrlConnectionHttpClient.builder()
             .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)).build();
         SqsClient sqs = awsSqs(region, sqsEndpoint, credentials, http)) {
      LambdaEventInvoke lambda = new LambdaEventInvoke(lambdaEndpoint, region, options.get("--function"), credentials,
          http);
      Summary summary = replay(sqs, queueUrl, lambda, 2, max);
      out.println(JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
      return summary.failed() == 0 ? 0 : 1;
    }
  }

  private static SqsClient awsSqs(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                                  SdkHttpClient http) {
    var builder = SqsClient.builder().region(Region.of(region)).credentialsProvider(credentials).httpClient(http);
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** {@code https://sqs.us-east-1.amazonaws.com/123456789012/name} is in {@code us-east-1}. */
  static Optional<String> regionOf(String queueUrl) {
    try {
      String host = URI.create(queueUrl).getHost();
      Matcher matcher = SQS_REGION.matcher(host == null ? "" : host);
      return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
