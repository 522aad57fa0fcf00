package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole local stack, started as a developer starts it, driven over HTTP and through the drop folder. */
class LocalStackTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final List<String> ACME_DEMO_FILES = List.of("caixa.ret", "sicoob-example.ret", "CNAB240SICREDI.CRT",
      "remessa-caixa-cnab240.rem", "cobranca.itau.rem");

  @TempDir
  static Path drop;

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStackOptions.forTests(drop, true));
  }

  @AfterAll
  static void stopStack() {
    long nodePid = stack.aws().sesServer().pid();
    int port = stack.baseUri().getPort();
    stack.close();
    assertThat(ProcessHandle.of(nodePid).filter(ProcessHandle::isAlive)).as("SES emulator process").isEmpty();
    assertThat(isListening(port)).as("HTTP front").isFalse();
  }

  @Test
  void theDemoAdminSeesTheSeededRecords() throws Exception {
    JsonNode items = list(token("acme", "ana", "Ana Souza")).path("items");

    assertThat(fileNames(items)).containsAll(ACME_DEMO_FILES);
    assertThat(item(items, "caixa.ret").path("userName").asText()).isEqualTo("Integração");
    assertThat(item(items, "caixa.ret").path("origin").asText()).isEqualTo("AUTOMATIC");
    assertThat(item(items, "remessa-caixa-cnab240.rem").path("userName").asText()).isEqualTo("Ana Souza");
    assertThat(item(items, "remessa-caixa-cnab240.rem").path("origin").asText()).isEqualTo("MANUAL");
    assertThat(item(items, "cobranca.itau.rem").path("userName").asText()).isEqualTo("Bruno Lima");
    assertThat(stack.seededFiles()).isEqualTo(6);
  }

  @Test
  void aRetornoDroppedInTheFolderIsListedWithinSecondsAndMovedToDone() throws Exception {
    String name = "RETORNO BB 2311.ret"; // a space: the S3 event carries it as '+'
    Path dropped = stack.dropRoot().resolve("acme").resolve(name);
    Files.write(dropped, demoBytes("globex/banco_brasil.ret"));

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(fileNames(list(token("acme", "ana", "Ana Souza")).path("items"))).contains(name));

    JsonNode record = item(list(token("acme", "ana", "Ana Souza")).path("items"), name);
    assertThat(record.path("userName").asText()).isEqualTo("Integração");
    assertThat(record.path("bankCode").asText()).isEqualTo("001");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(dropped).doesNotExist();
      assertThat(stack.dropRoot().resolve("acme/.done").resolve(name)).exists();
    });
    // The flow ends in the SES emulator's inbox: acme's demo admin got the file and its statement.
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      JsonNode email = null;
      for (JsonNode candidate : JSON.readTree(stack.aws().sesInbox().storeJson()).path("emails")) {
        if (candidate.path("subject").asText().contains(name)) {
          email = candidate;
        }
      }
      assertThat(email).as("email about " + name).isNotNull();
      assertThat(email.path("destination").path("to").toString()).contains("financeiro@acme.example");
      assertThat(email.path("subject").asText()).startsWith("Retorno ").contains(": ").endsWith(" — " + name);
      byte[] txt = null;
      boolean pdf = false;
      for (JsonNode attachment : email.path("attachments")) {
        if (attachment.path("filename").asText().equals(name)) {
          txt = java.util.Base64.getMimeDecoder().decode(attachment.path("content").asText());
        }
        pdf |= attachment.path("filename").asText().endsWith(".pdf");
      }
      assertThat(txt).isEqualTo(demoBytes("globex/banco_brasil.ret"));
      assertThat(pdf).isTrue();
      // the link opens the record on this stack's page, whatever its port (here a free one, not 8080)
      assertThat(email.path("body").path("text").asText())
          .contains(stack.baseUri() + "#/integrations/" + record.path("id").asText());
    });
  }

  @Test
  void theBannerSaysWhereEverythingIsWithCommandsThatWorkAsPrinted() throws Exception {
    String banner = stack.banner();

    String tokenUrl = banner.lines().filter(line -> line.contains("Token")).findFirst().orElseThrow()
        .replaceFirst("^.*?: ", "").strip();
    assertThat(tokenUrl).endsWith("&format=text");
    String token = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(fileNames(list(token).path("items"))).containsAll(ACME_DEMO_FILES);

    assertThat(banner).contains(stack.sesStoreUri().toString());
    HttpResponse<String> store = HTTP.send(HttpRequest.newBuilder(stack.sesStoreUri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(store.body()).path("emails").isArray()).isTrue();
  }

  @Test
  void aFileStillBeingWrittenIsTakenOnlyWhenComplete() throws Exception {
    byte[] content = demoBytes("acme/caixa.ret");
    String name = "slow-writer.ret";
    Path target = stack.dropRoot().resolve("globex").resolve(name);
    try (OutputStream out = Files.newOutputStream(target)) {
      int chunk = content.length / 10 + 1;
      for (int offset = 0; offset < content.length; offset += chunk) {
        out.write(content, offset, Math.min(chunk, content.length - offset));
        out.flush();
        await().pollDelay(Duration.ofMillis(60)).until(() -> true); // well within one poll interval (300 ms)
        assertThat(stack.dropRoot().resolve("globex/.done").resolve(name)).doesNotExist();
      }
    }

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(stack.dropRoot().resolve("globex/.done").resolve(name)).exists());
    JsonNode record = item(list(token("globex", "gil", "Gil Neto")).path("items"), name);
    HttpResponse<Void> redirect = HTTP.send(HttpRequest.newBuilder(
            stack.baseUri().resolve("api/integrations/" + record.path("id").asText() + "/file"))
        .header("Authorization", "Bearer " + token("globex", "gil", "Gil Neto")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(redirect.statusCode()).isEqualTo(302);
    byte[] downloaded = HTTP.send(HttpRequest.newBuilder(URI.create(redirect.headers().firstValue("location").orElseThrow()))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    assertThat(downloaded).isEqualTo(content);
  }

  @Test
  void aFileInAFolderThatIsNoTenantMovesToFailedWithItsReasonInPortuguese() throws Exception {
    Path folder = Files.createDirectories(stack.dropRoot().resolve("Not A Tenant"));
    Files.writeString(folder.resolve("x.ret"), "whatever");

    Path reason = folder.resolve(".failed/x.ret.reason.txt");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(folder.resolve(".failed/x.ret")).hasContent("whatever");
      assertThat(reason).exists();
    });
    assertThat(Files.readString(reason))
        .startsWith("O arquivo “x.ret” não entrou no histórico (")
        .contains("Motivo: a pasta “Not A Tenant” não é o código de uma empresa.")
        .contains("evento drop.failed")
        // the technical error and its stack trace are the log's, not the reader's
        .doesNotContain("Exception", "\tat ", "br.bankhistory", "tenant id");
  }

  /**
   * A name written in latin-1 (as many Windows SFTP clients do) is recorded decoded, so the list and the
   * download show it; the {@code .done/} copy keeps the very bytes the client wrote.
   */
  @Test
  void aLatin1FileNameIsRecordedDecodedAndItsDoneCopyKeepsTheOriginalBytes() throws Exception {
    byte[] content = demoBytes("acme/CNAB240SICREDI.CRT");
    byte[] latin1 = "RET-ÇÃO-96.ret".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(DroppedFileNameTest.path(stack.dropRoot().resolve("globex"), latin1), content);

    String token = token("globex", "gil", "Gil Neto");
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(fileNames(list(token).path("items"))).contains("RET-ÇÃO-96.ret"));
    assertThat(fileNames(list(token).path("items"))).noneMatch(name -> name.contains("\ufffd"));
    Path done = DroppedFileNameTest.path(stack.dropRoot().resolve("globex/.done"), latin1);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(done).exists());
    assertThat(done).hasBinaryContent(content);
    assertThat(DroppedFileNameTest.rawNames(done.getParent())).doesNotContain("RET-%EF%BF%BD%EF%BF%BDO-96.ret");

    String id = item(list(token).path("items"), "RET-ÇÃO-96.ret").path("id").asText();
    HttpResponse<Void> redirect = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("api/integrations/" + id + "/file"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(
        URI.create(redirect.headers().firstValue("location").orElseThrow())).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.body()).isEqualTo(content);
    assertThat(download.headers().firstValue("content-disposition").orElse(""))
        .contains("filename*=UTF-8''RET-%C3%87%C3%83O-96.ret");
  }

  @Test
  void theOutboxPublishesADroppedRetornoAndACancelOnceEachInOrder() throws Exception {
    // acme's caixa.ret under another NSA (file header 158-163): a new retorno, not a copy to hold
    String caixa = new String(demoBytes("acme/caixa.ret"), java.nio.charset.StandardCharsets.ISO_8859_1);
    String name = "RETORNO EVENTOS.ret";
    Files.write(stack.dropRoot().resolve("acme").resolve(name), (caixa.substring(0, 157) + "009876"
        + caixa.substring(163)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    String admin = token("acme", "ana", "Ana Souza");
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(fileNames(list(admin).path("items"))).contains(name));
    String retorno = item(list(admin).path("items"), name).path("id").asText();
    String remessa = item(list(admin).path("items"), "cobranca.itau.rem").path("id").asText();
    HttpResponse<String> cancelled = HTTP.send(HttpRequest.newBuilder(
            stack.baseUri().resolve("api/integrations/" + remessa + "/cancel"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Vencimentos errados\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(eventsOf(List.of(retorno, remessa))).hasSize(2));
    List<JsonNode> events = eventsOf(List.of(retorno, remessa));
    assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("retorno.processed", "remessa.cancelled");
    assertThat(events).extracting(e -> e.path("recordId").asText()).containsExactly(retorno, remessa);
    assertThat(events.get(0).path("data").path("titles")).hasSize(9);
    assertThat(events.get(1).path("data").path("reason").asText()).isEqualTo("Vencimentos errados");
    assertThat(events.get(1).path("sequence").asLong()).isEqualTo(2);
    // nothing more comes later (published once each)
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
        eventsOf(List.of(retorno, remessa)).size() == 2);
  }

  @Test
  void aRemessaHandedToTheIntegrationLandsInTheBankOutboxOnceAndSaysEnviadaAoBanco() throws Exception {
    String admin = token("acme", "ana", "Ana Souza");
    String fileName = generate(admin, "PG-LOCAL-1");

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(detail(admin, fileName).path("status").asText()).isEqualTo("SENT"));
    JsonNode record = detail(admin, fileName);
    assertThat(record.path("statusLabel").asText()).isEqualTo("Enviada ao banco");
    assertThat(record.path("delivery").path("remotePath").asText()).isEqualTo("acme/237/" + fileName);
    Path bank = stack.bankOutboxRoot().resolve("acme").resolve("237");
    assertThat(Files.size(bank.resolve(fileName))).isEqualTo(record.path("sizeBytes").asLong());
    String id = record.path("id").asText();
    // once: one file, one "Enviada ao banco", one remessa.delivered, and nothing more comes later
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
        eventsOf(List.of(id)).size() == 2);
    assertThat(eventsOf(List.of(id))).extracting(e -> e.path("type").asText())
        .containsExactly("remessa.generated", "remessa.delivered");
    assertThat(visibleFiles(bank)).containsExactly(fileName);
    assertThat(detail(admin, fileName).path("statusHistory")).extracting(h -> h.path("to").asText())
        .containsExactly("READY_TO_SEND", "SENT");
  }

  @Test
  void aBankFolderWithARefuseFileRefusesEveryTryAndTheRemessaIsFalhaNoEnvio() throws Exception {
    String admin = token("globex", "gil", "Gil Admin");
    Path bank = Files.createDirectories(stack.bankOutboxRoot().resolve("globex").resolve("237"));
    Files.writeString(bank.resolve(".refuse"), "SFTP do banco fora do ar (simulação).");
    String fileName = generate(admin, "PG-LOCAL-2");

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(detail(admin, fileName).path("status").asText()).isEqualTo("DELIVERY_FAILED"));
    JsonNode record = detail(admin, fileName);
    assertThat(record.path("statusLabel").asText()).isEqualTo("Falha no envio");
    assertThat(record.path("delivery").path("attempts").asInt()).isEqualTo(3);
    assertThat(record.path("delivery").path("failureReason").asText()).isEqualTo("SFTP do banco fora do ar (simulação).");
    assertThat(visibleFiles(bank)).isEmpty();
    String id = record.path("id").asText();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventsOf(List.of(id)))
        .extracting(e -> e.path("type").asText()).containsExactly("remessa.generated", "remessa.delivery_failed"));
  }

  /** {@code POST /remittances}: a Bradesco pagamento handed to the integration; its file name. */
  private static String generate(String token, String yourNumber) throws IOException, InterruptedException {
    String body = """
        {"service": "PAGAMENTO", "layout": "CNAB240", "bankCode": "237", "sendAutomatically": true,
         "header": {"companyName": "Indústria Ômega S.A.", "companyDocument": "11.222.333/0001-81",
                    "agency": "1234", "agencyDigit": "0", "account": "567890", "accountDigit": "1",
                    "agreement": "000123"},
         "payments": [{"kind": "TRANSFER", "yourNumber": "%s",
                       "payee": {"name": "Fornecedor Alfa Ltda", "document": "33.444.555/0001-66"},
                       "bankCode": "341", "agency": "4321", "account": "12345", "accountDigit": "6",
                       "paymentDate": "2026-11-25", "amountCents": 25000}]}""".formatted(yourNumber);
    HttpResponse<String> generated = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("api/remittances"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(generated.statusCode()).as(generated.body()).isEqualTo(202);
    assertThat(JSON.readTree(generated.body()).path("recordStatus").asText()).isEqualTo("READY_TO_SEND");
    return JSON.readTree(generated.body()).path("fileName").asText();
  }

  /** {@code GET /integrations/{id}} of the record named {@code fileName}, once it is listed. */
  private static JsonNode detail(String token, String fileName) throws IOException, InterruptedException {
    List<JsonNode> named = new ArrayList<>();
    list(token).path("items").forEach(i -> {
      if (i.path("fileName").asText().equals(fileName)) {
        named.add(i);
      }
    });
    assertThat(named).as("records named " + fileName).hasSize(1);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("api/integrations/"
        + named.get(0).path("id").asText())).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The files of a folder a person sees (not the hidden ones, such as {@code .refuse}). */
  private static List<String> visibleFiles(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }

  /** {@code GET /local/events}, the events of these records, in the order they were published. */
  private static List<JsonNode> eventsOf(List<String> recordIds) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.eventsUri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    JSON.readTree(response.body()).path("events").forEach(e -> {
      if (recordIds.contains(e.path("recordId").asText())) {
        events.add(e);
      }
    });
    return events;
  }

  @Test
  void hiddenFilesAreLeftAlone() throws Exception {
    Path hidden = stack.dropRoot().resolve("acme").resolve(".partial.ret");
    Files.writeString(hidden, "being uploaded");

    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> Files.exists(hidden));
  }

  @Test
  void aFilePutToThePresignedUploadUrlIsIngestedWithTheUsersName() throws Exception {
    byte[] content = demoBytes("acme/remessa-caixa-cnab240.rem");
    String name = "remessa importada 0412.rem";
    String token = stack.mintToken(new LocalIdentity("acme", "debora", "Débora Conceição", false));
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("api/uploads"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("fileName", name)
            .put("sizeBytes", content.length).toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode upload = JSON.readTree(created.body());
    assertThat(upload.path("method").asText()).isEqualTo("PUT");

    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    upload.path("headers").fields().forEachRemaining(header -> {
      if (!header.getKey().equalsIgnoreCase("content-length")) { // the client sets it, from the body
        put.header(header.getKey(), header.getValue().asText());
      }
    });
    HttpResponse<String> stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(fileNames(list(token).path("items"))).contains(name));
    JsonNode record = item(list(token).path("items"), name);
    assertThat(record.path("userName").asText()).isEqualTo("Débora Conceição");
    assertThat(record.path("origin").asText()).isEqualTo("MANUAL");
    assertThat(record.path("kind").asText()).isEqualTo("REMESSA_COBRANCA");
    // notified once: a later poll of uploads/ does not ingest the same object again
    await().pollDelay(Duration.ofMillis(1_200)).until(() -> true);
    item(list(token).path("items"), name);
    // the seeded imports (written and notified by the stack itself) were not ingested a second time
    item(list(token).path("items"), "remessa-caixa-cnab240.rem");
  }

  @Test
  void thePageMayPutToAPresignedUrlAcrossOrigins() throws Exception {
    String origin = "http://127.0.0.1:" + stack.baseUri().getPort();
    URI bucket = stack.aws().s3Endpoint().resolve("/" + LocalStack.BUCKET_NAME + "/uploads/acme/ana/x/y.rem");
    HttpResponse<Void> preflight = HTTP.send(HttpRequest.newBuilder(bucket)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "content-type,x-amz-meta-user-id,x-amz-meta-user-name")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(origin);
    assertThat(preflight.headers().firstValue("access-control-allow-methods").orElse("")).contains("PUT");

    HttpResponse<Void> foreign = HTTP.send(HttpRequest.newBuilder(bucket)
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "PUT")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  @Test
  void aRequestWithoutATokenIs401() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.apiUri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void anotherTenantSeesNoneOfAcmesRecords() throws Exception {
    List<String> acmeIds = ids(list(token("acme", "ana", "Ana Souza")).path("items"));

    JsonNode globex = list(token("globex", "gil", "Gil Neto")).path("items");
    JsonNode stranger = list(token("initech", "peter", "Peter Gibbons")).path("items");

    assertThat(ids(globex)).doesNotContainAnyElementsOf(acmeIds);
    assertThat(fileNames(globex)).contains("banco_brasil.ret").doesNotContainAnyElementsOf(ACME_DEMO_FILES);
    assertThat(stranger).isEmpty();
  }

  @Test
  void aMintedTokenFromTheTokenRouteWorks() throws Exception {
    String token = HTTP.send(HttpRequest.newBuilder(stack.tokenUri().resolve("token?tenant=acme&user=bruno&role=user&format=text"))
        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();

    assertThat(fileNames(list(token).path("items"))).containsAll(ACME_DEMO_FILES);
  }

  /** An automatic retorno de pagamento through the drop folder: recorded and emailed with its TXT and PDF. */
  @Test
  void aPaymentRetornoDroppedEndsWithTheAdminsEmail() throws Exception {
    byte[] bytes = sample("eduardordm-cnab240/SB22112AIT.RET");
    Files.write(stack.dropRoot().resolve("globex").resolve("SB22112AIT.RET"), bytes);

    JsonNode email = awaitEmailAbout("SB22112AIT.RET");
    assertThat(email.path("subject").asText())
        .isEqualTo("Retorno de Pagamento Itaú 22/11: 1 pagamento agendado R$ 262,35 — SB22112AIT.RET");
    assertThat(email.path("destination").path("to").toString()).contains("financeiro@globex.example");
    assertThat(attachment(email, "SB22112AIT.RET")).isEqualTo(bytes);
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(attachment(email, ".pdf"))) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("SB22112AIT.RET");
    }
    JsonNode record = item(list(token("globex", "gil", "Gil")).path("items"), "SB22112AIT.RET");
    assertThat(record.path("kind").asText()).isEqualTo("RETORNO_PAGAMENTO");
    assertThat(record.path("userName").asText()).isEqualTo("Integração");

    // The same bytes again under another name are held as a possible duplicate, and the admins are told
    // (docs/operations.md, "Duplicates"); nothing of it is processed.
    Files.write(stack.dropRoot().resolve("globex").resolve("SB22112AIT-reenvio.RET"), bytes);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(fileNames(
        list(token("globex", "gil", "Gil")).path("items"))).contains("SB22112AIT-reenvio.RET"));
    JsonNode again = item(list(token("globex", "gil", "Gil")).path("items"), "SB22112AIT-reenvio.RET");
    assertThat(again.path("status").asText()).isEqualTo("POSSIBLE_DUPLICATE");
    assertThat(again.path("duplicateOf").path("id").asText()).isEqualTo(record.path("id").asText());
    JsonNode held = awaitEmailAbout("SB22112AIT-reenvio.RET");
    assertThat(held.path("subject").asText())
        .startsWith("Retorno de Pagamento Itaú 22/11 retido: possível duplicado de SB22112AIT.RET");
    assertThat(emailsAbout("SB22112AIT")).hasSize(2);
  }

  /**
   * Copies of a retorno that differ only in line endings, a byte-order mark or trailing blanks are the same file
   * by meaning: each is held as a possible duplicate of the first and the admins are told, nothing booked twice
   * (docs/operations.md, "Duplicates").
   */
  @Test
  void copiesOfARetornoByMeaningAreHeldAndTheAdminsToldOfEach() throws Exception {
    byte[] original = demoBytes("acme/caixa.ret");
    Path folder = stack.dropRoot().resolve("globex");
    Files.write(folder.resolve("CAIXA-1.RET"), original);
    awaitEmailAbout("CAIXA-1.RET");
    String text = new String(original, java.nio.charset.StandardCharsets.ISO_8859_1);
    Map<String, byte[]> copies = new LinkedHashMap<>();
    copies.put("CAIXA-1-LF.RET", text.replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    copies.put("CAIXA-1-BOM.RET", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, original));
    copies.put("CAIXA-1-TRIM.RET", String.join("\r\n", text.lines().map(String::stripTrailing).toList())
        .concat("\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    for (Map.Entry<String, byte[]> copy : copies.entrySet()) {
      Files.write(folder.resolve(copy.getKey()), copy.getValue());
    }

    String token = token("globex", "gil", "Gil");
    String first = item(list(token).path("items"), "CAIXA-1.RET").path("id").asText();
    for (String name : copies.keySet()) {
      JsonNode held = awaitEmailAbout(name);
      assertThat(held.path("subject").asText()).as(name).contains("CAIXA-1.RET").containsIgnoringCase("duplicado");
      JsonNode record = item(list(token).path("items"), name);
      assertThat(record.path("status").asText()).as(name).isEqualTo("POSSIBLE_DUPLICATE");
      assertThat(record.path("duplicateOf").path("id").asText()).as(name).isEqualTo(first);
      assertThat(emailsAbout(name)).as(name).hasSize(1);
    }
    assertThat(item(list(token).path("items"), "CAIXA-1.RET").path("status").asText()).isEqualTo("PROCESSED");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Bad files through the drop folder: kept, recorded with findings, and reported (docs/architecture.md). */
  @Test
  void badFilesDroppedAreKeptRecordedAndReportedToTheAdmins() throws Exception {
    Files.write(stack.dropRoot().resolve("globex").resolve("RECIBO.TXT"),
        "TRANSMISSAO OK\r\nARQUIVO RECEBIDO PELO BANCO EM 23/11/2026\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Files.write(stack.dropRoot().resolve("globex").resolve("VAZIO.RET"), new byte[0]);

    JsonNode receipt = awaitEmailAbout("RECIBO.TXT");
    assertThat(receipt.path("subject").asText()).startsWith("Arquivo do banco que não é CNAB");
    awaitEmailAbout("VAZIO.RET");
    JsonNode items = list(token("globex", "gil", "Gil")).path("items");
    assertThat(item(items, "RECIBO.TXT").path("status").asText()).isEqualTo("OTHER_BANK_FILE");
    assertThat(item(items, "VAZIO.RET").path("status").asText()).isEqualTo("REJECTED");
    assertThat(item(items, "VAZIO.RET").path("findingCounts").path("ERROR").asLong()).isPositive();
    assertThat(stack.dropRoot().resolve("globex/.done/RECIBO.TXT")).exists();
  }

  private static JsonNode awaitEmailAbout(String fileName) {
    List<JsonNode> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      found.clear();
      found.addAll(emailsAbout(fileName));
      assertThat(found).as("email about " + fileName).isNotEmpty();
    });
    return found.get(0);
  }

  private static List<JsonNode> emailsAbout(String fileName) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode email : JSON.readTree(stack.aws().sesInbox().storeJson()).path("emails")) {
      if (email.path("subject").asText().contains(fileName)) {
        found.add(email);
      }
    }
    return found;
  }

  private static byte[] attachment(JsonNode email, String nameEnding) {
    for (JsonNode attachment : email.path("attachments")) {
      if (attachment.path("filename").asText().endsWith(nameEnding)) {
        return java.util.Base64.getMimeDecoder().decode(attachment.path("content").asText());
      }
    }
    throw new AssertionError("no attachment ending in " + nameEnding);
  }

  private static byte[] sample(String resource) throws IOException {
    try (InputStream in = LocalStackTest.class.getResourceAsStream("/samples/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  private static JsonNode list(String token) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUri() + "?limit=100"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String token(String tenant, String user, String name) {
    return stack.mintToken(new LocalIdentity(tenant, user, name, true));
  }

  private static List<String> fileNames(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("fileName").asText()).toList();
  }

  private static List<String> ids(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("id").asText()).toList();
  }

  private static JsonNode item(JsonNode items, String fileName) {
    List<JsonNode> matches = new ArrayList<>();
    items.forEach(item -> {
      if (item.path("fileName").asText().equals(fileName)) {
        matches.add(item);
      }
    });
    assertThat(matches).as("records named " + fileName).hasSize(1);
    return matches.get(0);
  }

  private static byte[] demoBytes(String resource) throws IOException {
    try (InputStream in = LocalStackTest.class.getResourceAsStream("/demo/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  private static boolean isListening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
