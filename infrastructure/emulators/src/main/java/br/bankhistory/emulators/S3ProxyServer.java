package br.bankhistory.emulators;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * s3proxy 4.x with a transient (in-memory) blob store, in this JVM, on 127.0.0.1 and a port chosen by
 * the system. It checks SigV2/SigV4 signatures against the given key and secret, so signing and
 * presigning mistakes show up locally. Clients must use path-style access.
 */
public final class S3ProxyServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  /**
   * CORS rules, so a web page can PUT to and GET from presigned URLs (s3proxy's {@code s3proxy.cors-*}
   * settings). Origins are regular expressions matched against the whole {@code Origin} header ({@code *}:
   * any); headers are exact names, case-insensitive ({@code *}: any). Credentials are never allowed.
   */
  public record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                     List<String> exposedHeaders) {

    public Cors {
      allowedOrigins = List.copyOf(allowedOrigins);
      allowedMethods = List.copyOf(allowedMethods);
      allowedHeaders = List.copyOf(allowedHeaders);
      exposedHeaders = List.copyOf(exposedHeaders);
    }
  }

  private final String accessKey;
  private final String secretKey;
  private final Cors cors;
  private S3Proxy proxy;
  private URI endpoint;

  /** Without CORS (cross-origin browser requests are refused). */
  public S3ProxyServer(String accessKey, String secretKey) {
    this(accessKey, secretKey, null);
  }

  /** @param cors the CORS rules, or {@code null} for none */
  public S3ProxyServer(String accessKey, String secretKey, Cors cors) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.cors = cors;
  }

  /** Starts the server; returns this for chaining. Calling it twice is an error. */
  public synchronized S3ProxyServer start() {
    if (proxy != null) {
      throw new IllegalStateException("s3proxy already started");
    }
    try {
      S3Proxy.Builder builder = S3Proxy.builder()
          .blobStore(BlobStores.create("transient", new Properties()))
          .endpoint(URI.create("http://" + Loopback.HOST + ":0"))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey);
      if (cors != null) {
        builder.corsRules(new CrossOriginResourceSharing(cors.allowedOrigins(), cors.allowedMethods(),
            cors.allowedHeaders(), cors.exposedHeaders(), "false"));
      }
      proxy = builder.build();
      proxy.start();
      awaitStarted(proxy);
      endpoint = URI.create("http://" + Loopback.HOST + ":" + proxy.getPort());
      return this;
    } catch (Exception e) {
      close();
      throw new EmulatorStartException("s3proxy failed to start", e);
    }
  }

  /** The HTTP endpoint to give the SDK as {@code endpointOverride} (with path-style access). */
  public synchronized URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("s3proxy is not running");
    }
    return endpoint;
  }

  @Override
  public synchronized void close() {
    try {
      if (proxy != null) {
        proxy.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy failed to stop", e);
    } finally {
      proxy = null;
      endpoint = null;
    }
  }

  private static void awaitStarted(S3Proxy proxy) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new EmulatorStartException("s3proxy state is " + proxy.getState() + " after " + START_TIMEOUT);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }
}
