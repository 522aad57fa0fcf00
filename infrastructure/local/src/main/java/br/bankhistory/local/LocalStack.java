package br.bankhistory.local;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.emulators.S3ProxyServer;
import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.folder.FolderBankChannel;
import br.bankhistory.history.adapter.dynamodb.TableStream;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.config.DeliveryConfig;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.DeliveryPolicy;
import br.bankhistory.history.handler.ApiHandler;
import br.bankhistory.history.handler.DeliveryHandler;
import br.bankhistory.history.handler.FollowUpHandler;
import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.handler.ScheduleHandler;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The service on this machine, no AWS account and no Docker: DynamoDB Local, s3proxy, the SES emulator and
 * ElasticMQ on loopback; the Api function behind a local stand-in for API Gateway (with a locally signed JWT); a
 * drop folder standing in for the bank's SFTP in front of the Ingest function, invoked asynchronously as S3
 * does (retries, then the dead-letter queue on ElasticMQ, replayed with {@code POST /local/replay-dead-letters});
 * the bank's side of delivery ({@code bank-outbox/{tenant}/{bank}/}, fed by the delivery queue the outbox's rules
 * route to); the history page; demo data.
 *
 * <p>Run {@link #main} and stop it with Ctrl-C; or, in tests, {@link #start} and {@link #close}.
 */
public final class LocalStack implements AutoCloseable {

  public static final String TABLE_NAME = "bank-history-local";
  public static final String BUCKET_NAME = "bank-history-files-local";

  /**
   * s3proxy's CORS, as the files bucket's on AWS (template.yaml: GET and PUT, {@code content-type},
   * {@code content-md5}, {@code x-amz-*}), for a page served from this machine on any port: the browser
   * PUTs a manual import to the presigned URL from {@code POST /uploads} and may read presigned files.
   * s3proxy matches header names exactly, so the {@code x-amz-*} a presigned PUT carries are listed.
   */
  static final S3ProxyServer.Cors S3_CORS = new S3ProxyServer.Cors(
      List.of("https?://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d{1,5})?"),
      List.of("GET", "PUT", "HEAD"),
      List.of("content-type", "content-md5", "x-amz-meta-user-id", "x-amz-meta-user-name", "x-amz-date",
          "x-amz-content-sha256", "x-amz-security-token", "x-amz-checksum-crc32", "x-amz-sdk-checksum-algorithm"),
      List.of("ETag", "Content-Disposition"));

  private static final JsonLog LOG = JsonLog.of(LocalStack.class);

  private final Deque<AutoCloseable> running;
  private final EmulatorStack aws;
  private final HttpFront front;
  private final DropFolder dropFolder;
  private final DeadLetterQueue deadLetters;
  private final LocalJwt tokens;
  private final int seeded;
  private final Path bankOutbox;

  private LocalStack(Deque<AutoCloseable> running, EmulatorStack aws, HttpFront front, DropFolder dropFolder,
                     DeadLetterQueue deadLetters, LocalJwt tokens, int seeded, Path bankOutbox) {
    this.running = running;
    this.aws = aws;
    this.front = front;
    this.dropFolder = dropFolder;
    this.deadLetters = deadLetters;
    this.tokens = tokens;
    this.seeded = seeded;
    this.bankOutbox = bankOutbox;
  }

  public static void main(String[] args) throws InterruptedException {
    LocalStackOptions options;
    try {
      options = LocalStackOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LocalStack stack = start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
    System.out.println(stack.banner());
    new CountDownLatch(1).await(); // until Ctrl-C
  }

  /** Starts everything; on a failure, stops what had started and rethrows. */
  public static LocalStack start(LocalStackOptions options) {
    return start(options, services -> new IngestHandler(services.ingest()));
  }

  /**
   * Starts everything with the Ingest function the factory builds from the stack's services (tests give one
   * whose services point at a dead port, to inject a fault); on a failure, stops what had started and rethrows.
   */
  static LocalStack start(LocalStackOptions options,
                          Function<Services, RequestHandler<S3Event, IngestHandler.Report>> ingestFunction) {
    long started = System.nanoTime();
    Deque<AutoCloseable> running = new ArrayDeque<>();
    try {
      // The port first: the admin emails link to the page at this stack's own address (--port, or a free one).
      HttpFront front = HttpFront.bind(options.port());
      running.push(front);
      EmulatorStack aws = EmulatorStack.builder().withSes(true).withSqs(true).withS3Cors(S3_CORS).start();
      running.push(aws);
      SqsEventSource followUps = SqsEventSource.create(SqsEventSource.FOLLOW_UPS, aws.sqsEndpoint(), aws.region(),
          aws.accessKey(), aws.secretKey());
      running.push(followUps);
      SqsEventSource deliveries = SqsEventSource.create(SqsEventSource.DELIVERIES, aws.sqsEndpoint(), aws.region(),
          aws.accessKey(), aws.secretKey());
      running.push(deliveries);
      Services services = Services.create(ServiceConfig.local(TABLE_NAME, BUCKET_NAME, aws.dynamoDbEndpoint(),
          aws.s3Endpoint(), aws.sesEndpoint(), aws.accessKey(), aws.secretKey())
          .withWebBaseUrl(webBaseUrl(front.baseUri()))
          .withFollowUps(aws.sqsEndpoint(), followUps.url())
          .withDelivery(DeliveryConfig.local(deliveries.url(), options.bankOutboxRoot().toAbsolutePath())
              .withPolicy(DeliveryPolicy.LOCAL.withRetryDelays(options.deliveryRetryDelays()))));
      services.ensureStorage();
      followUps.start(new FollowUpHandler(services.followUp()));
      deliveries.start(new DeliveryHandler(services.delivery()));
      OutboxStream outbox = OutboxStream.start(new TableStream(services.dynamoDb(),
          new AwsClients(services.config()).dynamoDbStreams(), TABLE_NAME, services.config().region()),
          DeadLetterQueue.localClient(aws.sqsEndpoint(), aws.region(), aws.accessKey(), aws.secretKey()),
          JsonMapper.builder().build(), deliveries.url());
      running.push(outbox);
      DeadLetterQueue deadLetters = DeadLetterQueue.createLocal(aws.sqsEndpoint(), aws.region(), aws.accessKey(),
          aws.secretKey(), DeadLetterQueue.DEFAULT_NAME);
      running.push(deadLetters);
      ObjectMapper json = JsonMapper.builder().build();
      LocalJwt tokens = LocalJwt.withRandomSecret(json);
      RequestHandler<S3Event, IngestHandler.Report> ingest = ingestFunction.apply(services);
      front.serve(options.webRoot().orElse(null), tokens, json, new ApiHandler(services.api()));
      running.remove(front);
      running.push(front); // stopped before the emulators it calls, as if it had started after them
      ReplayEndpoint replay = new ReplayEndpoint(deadLetters, ingest, json);
      front.route(ReplayEndpoint.REPLAY_PATH, replay).route(ReplayEndpoint.PEEK_PATH, replay);
      ScheduleHandler schedule = new ScheduleHandler(services.schedule());
      front.route(ScheduleEndpoint.RUN_PATH, new ScheduleEndpoint(schedule, json));
      front.route(EventsEndpoint.PATH, new EventsEndpoint(outbox, json));
      AsyncInvoker invoker = new AsyncInvoker(ingest, AsyncInvoker.LOCAL_FUNCTION_ARN, options.ingestRetryDelays(),
          deadLetters, replayCommand(front.baseUri()), json, Clock.systemUTC());
      running.push(invoker);
      S3Delivery delivery = new S3Delivery(services.s3(), services.config().bucketName(),
          new S3Events(json, services.config().region()), invoker, Clock.systemUTC());
      if (options.seed()) {
        DemoData.configureAdmins(services);
      }
      int seeded = options.seed() ? DemoData.seed(delivery) : 0;
      DropFolder dropFolder = DropFolder.start(options.dropRoot(), DemoData.tenants(), delivery,
          DropFolder.DEFAULT_POLL_INTERVAL);
      running.push(dropFolder);
      running.push(UploadsWatcher.start(services.s3(), services.config().bucketName(), delivery,
          UploadsWatcher.DEFAULT_POLL_INTERVAL));
      if (!options.scheduleClock().isZero()) {
        running.push(ScheduleClock.start(schedule, Clock.systemUTC(), options.scheduleClock()));
      }
      LocalStack stack = new LocalStack(running, aws, front, dropFolder, deadLetters, tokens, seeded,
          services.config().delivery().folder().orElseThrow());
      LOG.info("local.ready", Map.of("web", stack.baseUri().toString(), "api", stack.apiUri().toString(),
          "sesInbox", stack.sesInboxUri().toString(), "drop", dropFolder.root().toString(), "seeded", seeded,
          "deadLetterQueue", deadLetters.url(), "startMs", (System.nanoTime() - started) / 1_000_000));
      return stack;
    } catch (RuntimeException e) {
      closeAll(running);
      throw e;
    }
  }

  /** The history page, e.g. {@code http://127.0.0.1:8080/}. */
  public URI baseUri() {
    return front.baseUri();
  }

  /** The list route, as the web page calls it. */
  public URI apiUri() {
    return front.baseUri().resolve("api/integrations");
  }

  public URI tokenUri() {
    return front.baseUri().resolve(TokenEndpoint.PATH.substring(1));
  }

  public URI sesInboxUri() {
    return aws.sesInbox().page();
  }

  /** The SES emulator's store of sent emails as JSON ({@code GET}; scripts read the emails there). */
  public URI sesStoreUri() {
    return sesInboxUri().resolve("/store");
  }

  public Path dropRoot() {
    return dropFolder.root();
  }

  /** The folder standing in for the banks' SFTP: delivered remessas land in {@code {root}/{tenant}/{bank}/}. */
  public Path bankOutboxRoot() {
    return bankOutbox;
  }

  public EmulatorStack aws() {
    return aws;
  }

  /** The Ingest dead-letter queue on ElasticMQ, e.g. {@code http://127.0.0.1:PORT/000000000000/bank-history-ingest-dlq}. */
  public String deadLetterQueueUrl() {
    return deadLetters.url();
  }

  /** {@code POST} here replays the dead-letter queue: {@code http://127.0.0.1:8080/local/replay-dead-letters}. */
  public URI replayUri() {
    return front.baseUri().resolve(ReplayEndpoint.REPLAY_PATH.substring(1));
  }

  /** {@code GET} here lists the events the outbox published: {@code http://127.0.0.1:8080/local/events}. */
  public URI eventsUri() {
    return front.baseUri().resolve(EventsEndpoint.PATH.substring(1));
  }

  /** The page's address as the service's {@code WEB_BASE_URL} wants it: {@code http://127.0.0.1:8080}, no trailing slash. */
  static String webBaseUrl(URI base) {
    String page = base.toString();
    return page.endsWith("/") ? page.substring(0, page.length() - 1) : page;
  }

  /** The documented replay command for a stack whose front is at {@code base}. */
  static String replayCommand(URI base) {
    return "curl -s -X POST " + base.resolve(ReplayEndpoint.REPLAY_PATH.substring(1));
  }

  /** How many demo files were seeded. */
  public int seededFiles() {
    return seeded;
  }

  /** A local token for the identity (the same as {@code GET /local/token} mints). */
  public String mintToken(LocalIdentity identity) {
    return tokens.mint(identity, TokenEndpoint.DEFAULT_TTL);
  }

  /**
   * Stops the uploads watcher, the drop folder, the Ingest invoker (pending retries are dropped: their files
   * stay in the drop folder), the HTTP front, the queue client and the emulators, in that order.
   */
  @Override
  public synchronized void close() {
    if (running.isEmpty()) {
      return;
    }
    closeAll(running);
    LOG.info("local.stopped", Map.of());
  }

  String banner() {
    String token = mintToken(LocalIdentity.demoAdmin());
    return String.join(System.lineSeparator(), List.of(
        "",
        "Local stack is running (Ctrl-C stops it). Local-only identity: tokens signed here are never accepted by AWS.",
        "  History page : " + baseUri(),
        "  API (list)   : " + apiUri(),
        "  Token        : " + tokenUri() + "?tenant=acme&user=ana&name=Ana%20Souza&role=admin&format=text",
        "  SES inbox    : " + sesInboxUri() + "   (emails as JSON: " + sesStoreUri() + ")",
        "  Drop folder  : " + dropRoot() + "/{tenant}/   (tenants: " + String.join(", ", DemoData.tenants()) + ")",
        "  Bank outbox  : " + bankOutboxRoot() + "/{tenant}/{bank}/   (remessas delivered to the bank; a file "
            + FolderBankChannel.REFUSE + " there makes the bank refuse them)",
        "  Demo files   : " + seeded,
        "  Dead letters : " + deadLetterQueueUrl() + "   (ElasticMQ: Ingest events that failed every retry)",
        "  Replay them  : " + replayCommand(baseUri()),
        "  Schedule     : curl -s -X POST " + baseUri().resolve(ScheduleEndpoint.RUN_PATH.substring(1))
            + "   (the scheduled remessas of the pending instructions, now; the stack's clock runs each"
            + " account's at its time, PUT /settings/schedule)",
        "  Events       : curl -s " + eventsUri() + "   (what the outbox published for the ERP, in order)",
        "",
        "  Try (token for acme / Ana Souza / admin, valid " + TokenEndpoint.DEFAULT_TTL.toHours() + " h):",
        "  curl -s -H 'Authorization: Bearer " + token + "' '" + apiUri() + "?limit=20'",
        "  cp some-retorno.ret '" + dropFolder.tenantFolder("acme") + "/'",
        ""));
  }

  private static void closeAll(Deque<AutoCloseable> running) {
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        LOG.error("local.stop.failed", Map.of("component", next.getClass().getSimpleName(), "error", String.valueOf(e)));
      }
    }
  }
}
