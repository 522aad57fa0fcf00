package br.bankhistory.emulators;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ's SQS-compatible REST server, in this JVM, on 127.0.0.1 and a port chosen by the system;
 * queue URLs follow the host and port of each request. It stands in for the Ingest function's
 * dead-letter queue.
 *
 * <p>ElasticMQ (Scala, Pekko: about 20 MB) is an <em>optional</em> dependency of this module: a module
 * that starts an SQS emulator declares {@code org.elasticmq:elasticmq-rest-sqs_2.13} itself (its
 * version is managed in the root pom).
 */
public final class SqsServer implements AutoCloseable {

  private static final String ELASTICMQ_CLASS = "org.elasticmq.rest.sqs.SQSRestServerBuilder";

  private final String region;
  private SQSRestServer server;
  private URI endpoint;

  public SqsServer(String region) {
    this.region = region;
  }

  /** Whether ElasticMQ is on the classpath. */
  public static boolean isAvailable() {
    try {
      Class.forName(ELASTICMQ_CLASS, false, SqsServer.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Starts the server; returns this for chaining. */
  public synchronized SqsServer start() {
    if (server != null) {
      throw new IllegalStateException("ElasticMQ already started");
    }
    if (!isAvailable()) {
      throw new EmulatorStartException("ElasticMQ is not on the classpath: add the dependency "
          + "org.elasticmq:elasticmq-rest-sqs_2.13 to the module that starts the SQS emulator");
    }
    try {
      server = SQSRestServerBuilder.withInterface(Loopback.HOST).withDynamicPort().withAWSRegion(region).start();
      int port = server.waitUntilStarted().localAddress().getPort();
      endpoint = URI.create("http://" + Loopback.HOST + ":" + port);
      return this;
    } catch (RuntimeException e) {
      close();
      throw new EmulatorStartException("ElasticMQ failed to start", e);
    }
  }

  /** The HTTP endpoint to give the SQS SDK as {@code endpointOverride}. */
  public synchronized URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("ElasticMQ is not running");
    }
    return endpoint;
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    try {
      server.stopAndWait();
    } finally {
      server = null;
      endpoint = null;
    }
  }
}
