package br.bankhistory.emulators;

import java.lang.reflect.Field;
import java.net.URI;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * AWS's DynamoDB Local 3.x, in memory, in this JVM, on 127.0.0.1 and a port chosen by the system.
 *
 * <p>It runs with {@code -inMemory -sharedDb -disableTelemetry}: one database for every access key and
 * region, and no call to AWS's telemetry endpoint (which fails offline and doubles the start time).
 * DynamoDB Local has no host option and would listen on every interface, so its Jetty connector is bound
 * to loopback before it starts; it rejects port 0, so a free port is chosen first (and another one tried
 * should it be taken in between).
 */
public final class DynamoDbLocalServer implements AutoCloseable {

  private static final int START_ATTEMPTS = 3;

  private DynamoDBProxyServer proxy;
  private Server jetty;
  private URI endpoint;

  /** Starts the server; returns this for chaining. Calling it twice is an error. */
  public synchronized DynamoDbLocalServer start() {
    if (proxy != null) {
      throw new IllegalStateException("DynamoDB Local already started");
    }
    Exception lastFailure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        if (tryStart(Loopback.freePort())) {
          return this;
        }
      } catch (Exception e) {
        lastFailure = e;
      }
      close();
    }
    throw new EmulatorStartException("DynamoDB Local failed to start on 127.0.0.1", lastFailure);
  }

  /** False when the port was taken between choosing it and binding it (DynamoDB Local only prints that). */
  private boolean tryStart(int port) throws Exception {
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
        new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
    Server innerJetty = jettyOf(server);
    AbstractNetworkConnector connector = loopbackConnector(innerJetty);
    proxy = server;
    jetty = innerJetty;
    server.start();
    if (!innerJetty.isStarted() || connector.getLocalPort() <= 0) {
      return false;
    }
    endpoint = URI.create("http://" + Loopback.HOST + ":" + connector.getLocalPort());
    return true;
  }

  /** The HTTP endpoint to give the SDK as {@code endpointOverride}. */
  public synchronized URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("DynamoDB Local is not running");
    }
    return endpoint;
  }

  @Override
  public synchronized void close() {
    try {
      if (proxy != null) {
        proxy.stop();
      } else if (jetty != null) {
        jetty.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local failed to stop", e);
    } finally {
      proxy = null;
      jetty = null;
      endpoint = null;
    }
  }

  private static Server jettyOf(DynamoDBProxyServer server) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    return (Server) field.get(server);
  }

  private static AbstractNetworkConnector loopbackConnector(Server jetty) {
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length != 1 || !(connectors[0] instanceof AbstractNetworkConnector connector)) {
      throw new IllegalStateException("unexpected DynamoDB Local connectors: " + connectors.length);
    }
    connector.setHost(Loopback.HOST);
    return connector;
  }
}
