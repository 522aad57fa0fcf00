package br.bankhistory.emulators;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The AWS services the project uses, emulated on loopback: DynamoDB Local and s3proxy always, the SES
 * emulator and ElasticMQ (SQS) when asked for. They start in parallel; if one fails, the others are
 * stopped before the error is thrown. {@link #close()} stops everything.
 *
 * <pre>{@code
 * try (EmulatorStack aws = EmulatorStack.builder().withSes(true).start()) {
 *   S3Client s3 = S3Client.builder().endpointOverride(aws.s3Endpoint()).forcePathStyle(true)
 *       .region(Region.of(aws.region())).credentialsProvider(...aws.accessKey(), aws.secretKey()...).build();
 * }
 * }</pre>
 */
public final class EmulatorStack implements AutoCloseable {

  /**
   * Local-only credentials: s3proxy checks signatures against them; the other emulators accept any
   * (DynamoDB Local 2.x+ only wants an access key of letters and digits).
   */
  public static final String ACCESS_KEY = "LOCALACCESSKEY";
  public static final String SECRET_KEY = "local-secret-key";
  public static final String REGION = "us-east-1";

  private final DynamoDbLocalServer dynamoDb;
  private final S3ProxyServer s3;
  private final SesLocalServer ses;
  private final SqsServer sqs;

  private EmulatorStack(DynamoDbLocalServer dynamoDb, S3ProxyServer s3, SesLocalServer ses, SqsServer sqs) {
    this.dynamoDb = dynamoDb;
    this.s3 = s3;
    this.ses = ses;
    this.sqs = sqs;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** DynamoDB Local and s3proxy only. */
  public static EmulatorStack start() {
    return builder().start();
  }

  public URI dynamoDbEndpoint() {
    return dynamoDb.endpoint();
  }

  public URI s3Endpoint() {
    return s3.endpoint();
  }

  /** The SES endpoint; fails when the stack was built without SES. */
  public URI sesEndpoint() {
    return sesServer().endpoint();
  }

  /** The store of mail the SES emulator received; fails when the stack was built without SES. */
  public SesInbox sesInbox() {
    return sesServer().inbox();
  }

  public boolean hasSes() {
    return ses != null;
  }

  /** The SQS endpoint; fails when the stack was built without SQS. */
  public URI sqsEndpoint() {
    return Optional.ofNullable(sqs).orElseThrow(() -> new IllegalStateException("started without SQS")).endpoint();
  }

  public boolean hasSqs() {
    return sqs != null;
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  public String region() {
    return REGION;
  }

  /** The SES emulator itself (for its pid, say); fails when the stack was built without SES. */
  public SesLocalServer sesServer() {
    return Optional.ofNullable(ses).orElseThrow(() -> new IllegalStateException("started without SES"));
  }

  @Override
  public void close() {
    closeAll(List.of(dynamoDb, s3), ses, sqs);
  }

  private static void closeAll(List<AutoCloseable> always, AutoCloseable... optional) {
    List<AutoCloseable> all = new ArrayList<>(always);
    for (AutoCloseable closeable : optional) {
      if (closeable != null) {
        all.add(closeable);
      }
    }
    RuntimeException failure = null;
    for (AutoCloseable closeable : all) {
      try {
        closeable.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("an emulator failed to stop", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Which emulators to start besides DynamoDB Local and s3proxy. */
  public static final class Builder {

    private boolean withSes;
    private boolean withSqs;
    private S3ProxyServer.Cors s3Cors;

    private Builder() {}

    public Builder withSes(boolean enabled) {
      this.withSes = enabled;
      return this;
    }

    public Builder withSqs(boolean enabled) {
      this.withSqs = enabled;
      return this;
    }

    /** CORS rules for s3proxy (a web page using presigned URLs); {@code null}, the default, for none. */
    public Builder withS3Cors(S3ProxyServer.Cors cors) {
      this.s3Cors = cors;
      return this;
    }

    /** Starts the chosen emulators in parallel and returns once all answer. */
    public EmulatorStack start() {
      ExecutorService starter = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "emulator-start");
        thread.setDaemon(true);
        return thread;
      });
      try {
        var dynamoDb = startAsync(starter, () -> new DynamoDbLocalServer().start());
        S3ProxyServer.Cors cors = s3Cors;
        var s3 = startAsync(starter, () -> new S3ProxyServer(ACCESS_KEY, SECRET_KEY, cors).start());
        var ses = withSes ? startAsync(starter, () -> new SesLocalServer().start()) : null;
        var sqs = withSqs ? startAsync(starter, () -> new SqsServer(REGION).start()) : null;
        List<CompletableFuture<? extends AutoCloseable>> all = new ArrayList<>(List.of(dynamoDb, s3));
        if (ses != null) {
          all.add(ses);
        }
        if (sqs != null) {
          all.add(sqs);
        }
        try {
          CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
          stopStarted(all, e);
          throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return new EmulatorStack(dynamoDb.join(), s3.join(), ses == null ? null : ses.join(), sqs == null ? null : sqs.join());
      } finally {
        starter.shutdown();
      }
    }

    private static <T> CompletableFuture<T> startAsync(ExecutorService executor, Supplier<T> start) {
      return CompletableFuture.supplyAsync(start, executor);
    }

    private static void stopStarted(List<CompletableFuture<? extends AutoCloseable>> all, CompletionException cause) {
      for (CompletableFuture<? extends AutoCloseable> future : all) {
        if (!future.isCompletedExceptionally()) {
          try {
            future.join().close();
          } catch (Exception e) {
            cause.addSuppressed(e);
          }
        }
      }
    }
  }
}
