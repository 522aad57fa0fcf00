package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import br.bankhistory.history.Services;
import br.bankhistory.history.domain.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Seeds the demo companies with the sample files listed in {@code demo/demo-files.tsv} (see
 * {@code demo/PROVENANCE.md}), through the same path as a file dropped by the bank: an S3 object, its S3
 * event, the Ingest function.
 */
final class DemoData {

  private static final String FOLDER = "/demo/";
  private static final JsonLog LOG = JsonLog.of(DemoData.class);

  /** One demo file: a bank drop when {@code userId} is empty, a manual import otherwise. */
  record DemoFile(String tenant, String fileName, String userId, String userName) {

    boolean isManual() {
      return !userId.isEmpty();
    }
  }

  private DemoData() {}

  static List<DemoFile> files() {
    List<DemoFile> files = new ArrayList<>();
    try (InputStream in = resource("demo-files.tsv");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        files.add(new DemoFile(columns[0], columns[1], columns.length > 2 ? columns[2] : "",
            columns.length > 3 ? columns[3] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The tenants the demo files belong to, in order of first appearance. */
  /**
   * Each demo company gets an admin recipient ({@code financeiro@{tenant}.example}), so the automatic files
   * (the seeded ones and whatever is dropped in the drop folder) end with an email in the SES inbox.
   */
  static void configureAdmins(Services services) {
    for (String tenant : tenants()) {
      services.api().notificationSettings().replace(new Identity(tenant, "demo-setup", "Configuração de demonstração",
          true), List.of("financeiro@" + tenant + ".example"));
    }
  }

  static List<String> tenants() {
    return files().stream().map(DemoFile::tenant).distinct().toList();
  }

  /**
   * Delivers every demo file and waits for each asynchronous Ingest invocation to end (so the history is
   * complete when the stack says it is ready); returns how many were recorded. A file whose invocation
   * failed every attempt is logged ({@code demo.failed}): its event is in the dead-letter queue, as any other.
   */
  static int seed(S3Delivery delivery) {
    int delivered = 0;
    for (DemoFile file : files()) {
      byte[] bytes = read(file);
      RequestBody body = RequestBody.fromBytes(bytes);
      S3Delivery.Accepted accepted = file.isManual()
          ? delivery.upload(file.tenant(), new S3Delivery.Uploader(file.userId(), file.userName()), file.fileName(),
              body, bytes.length)
          : delivery.inbound(file.tenant(), file.fileName(), body, bytes.length);
      try {
        accepted.ingested().join();
      } catch (CompletionException | CancellationException e) {
        LOG.error("demo.failed", Map.of("tenant", file.tenant(), "file", file.fileName(), "key", accepted.key(),
            "error", String.valueOf(e.getCause() == null ? e : e.getCause())));
        continue;
      }
      LOG.info("demo.seeded", Map.of("tenant", file.tenant(), "file", file.fileName(), "key", accepted.key(),
          "origin", file.isManual() ? "manual" : "automatic"));
      delivered++;
    }
    return delivered;
  }

  private static byte[] read(DemoFile file) {
    try (InputStream in = resource(file.tenant() + "/" + file.fileName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DemoData.class.getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IOException("missing demo resource " + FOLDER + name);
    }
    return in;
  }
}
