package br.bankhistory.local;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Test helpers: services that point at a port nobody listens on, and a look at what was recorded. */
final class Faults {

  private Faults() {}

  /** A loopback port that was free a moment ago: connecting to it is refused. */
  static URI deadEndpoint() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service wired like the local stack's, but with DynamoDB, S3 and SES unreachable: every ingest throws. */
  static Services unreachable(String table, String bucket, EmulatorStack aws) {
    URI dead = deadEndpoint();
    return Services.create(ServiceConfig.local(table, bucket, dead, dead, dead, aws.accessKey(), aws.secretKey()));
  }

  /** Records of the tenant with that file name. */
  static List<IntegrationRecord> recordsNamed(Services services, String tenant, String fileName) {
    return services.listIntegrations().page(tenant, ListFilter.NONE, Optional.empty(), 200).records().stream()
        .filter(record -> record.fileName().equals(fileName))
        .toList();
  }

  static byte[] demoBytes(String resource) {
    try (InputStream in = Faults.class.getResourceAsStream("/demo/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no demo file " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
