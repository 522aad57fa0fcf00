package br.bankhistory.local;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.net.URI;
import java.nio.file.Path;
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

  private static final JsonLog LOG = JsonLog.of(LocalStack.class);

  private final RunningComponents running;
  private final EmulatorStack aws;
  private final HttpFront front;
  private final DropFolder dropFolder;
  private final DeadLetterQueue deadLetters;
  private final LocalJwt tokens;
  private final int seeded;
  private final Path bankOutbox;

  private LocalStack(RunningComponents running, EmulatorStack aws, HttpFront front, DropFolder dropFolder,
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
    RunningComponents running = new RunningComponents();
    try {
      // The port first: the admin emails link to the page at this stack's own address (--port, or a free one).
      HttpFront front = running.push(HttpFront.bind(options.port()));
      LocalEmulators emulators = LocalEmulators.start(options, front.baseUri(), running);
      Services services = emulators.services();
      LocalFunctions functions = LocalFunctions.wire(options, emulators, front, ingestFunction, running);
      if (options.seed()) {
        DemoData.configureAdmins(services);
      }
      int seeded = options.seed() ? DemoData.seed(functions.delivery()) : 0;
      DropFolder dropFolder = StackPollers.start(options, services, functions, running);
      LocalStack stack = new LocalStack(running, emulators.aws(), front, dropFolder, functions.deadLetters(),
          functions.tokens(), seeded, services.config().delivery().folder().orElseThrow());
      LOG.info("local.ready", Map.of("web", stack.baseUri().toString(), "api", stack.apiUri().toString(),
          "sesInbox", stack.sesInboxUri().toString(), "drop", dropFolder.root().toString(), "seeded", seeded,
          "deadLetterQueue", functions.deadLetters().url(), "startMs", (System.nanoTime() - started) / 1_000_000));
      return stack;
    } catch (RuntimeException e) {
      running.closeAll();
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
    running.closeAll();
    LOG.info("local.stopped", Map.of());
  }

  String banner() {
    return LocalStackBanner.of(this, dropFolder);
  }
}
