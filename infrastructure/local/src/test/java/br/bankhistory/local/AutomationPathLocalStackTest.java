package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.bankhistory.history.support.CobrancaRetorno240;
import br.bankhistory.history.support.Instructions;
import br.bankhistory.history.support.Outbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automatic integration both ways on the local stack, as the ERP and its finance team use it: instructions
 * of a cobrança account and a pagamento account gathered by {@code POST /local/schedules/run}; the pagamento
 * remessa, above the company's threshold, waits for two approvers (its creator may not approve it); each
 * remessa lands in {@code bank-outbox/} once and says "Enviada ao banco"; the bank's retorno dropped in
 * {@code drop/} settles the cobrança instructions; and every event of the path reaches {@code GET /local/events}
 * once, in order per record, valid against its schema.
 */
class AutomationPathLocalStackTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path drop;

  private static LocalStack stack;
  private static StackApi ana;
  private static StackApi bruno;
  private static StackApi carla;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStackOptions.forTests(drop, false));
    ana = new StackApi(stack, new LocalIdentity("acme", "ana", "Ana Souza", true));
    bruno = new StackApi(stack, new LocalIdentity("acme", "bruno", "Bruno Lima", false));
    carla = new StackApi(stack, new LocalIdentity("acme", "carla", "Carla Dias", false));
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void instructionsBecomeRemessasThatAreApprovedDeliveredOnceAndSettledWithEveryEventOnceInOrder() throws Exception {
    ana.send("PUT", "settings/approvals", approvalRules(), 200);
    String title1 = created(Instructions.title("17600", "92000001", 10_000));
    String title2 = created(Instructions.title("17600", "92000002", 20_000));
    String payment = created(paymentInstruction("PG-ACC-1", 1_500_000));

    JsonNode run = ana.runSchedule();
    assertThat(run.path("remessas")).hasSize(2);
    JsonNode cobranca = recordOf(run, "COBRANCA");
    JsonNode pagamento = recordOf(run, "PAGAMENTO");

    // the cobrança remessa needs no approval: it goes to the bank at once
    awaitStatus(cobranca, "SENT");
    // the pagamento one waits; its creator (of the instruction it carries) may not approve it
    awaitStatus(pagamento, "AWAITING_APPROVAL");
    String id = pagamento.path("id").asText();
    assertThat(ana.send("POST", "integrations/" + id + "/approve", Map.of(), 403).path("detail").asText())
        .contains("Quem criou a remessa não pode");
    JsonNode one = bruno.send("POST", "integrations/" + id + "/approve", Map.of(), 200);
    assertThat(one.path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    // the same approver again counts once
    assertThat(bruno.send("POST", "integrations/" + id + "/approve", Map.of(), 200).path("approval")
        .path("approvals")).hasSize(1);
    assertThat(carla.send("POST", "integrations/" + id + "/approve", Map.of(), 200).path("status").asText())
        .isIn("APPROVED", "SENT");
    awaitStatus(pagamento, "SENT");
    JsonNode delivered = ana.get("integrations/" + id);
    assertThat(delivered.path("delivery").path("deliveredAt").asText()).isNotEmpty();

    // each remessa is in the bank's folder once, byte for byte the recorded file
    assertThat(bankFolder("341")).singleElement().satisfies(file ->
        assertThat(Files.readAllBytes(file)).isEqualTo(download(cobranca.path("id").asText())));
    assertThat(bankFolder("237")).singleElement().satisfies(file ->
        assertThat(Files.readAllBytes(file)).isEqualTo(download(id)));

    // the bank answers the cobrança remessa: the first title confirmed, the second rejected
    byte[] retorno = CobrancaRetorno240.answering(download(cobranca.path("id").asText()),
        Map.of(1, CobrancaRetorno240.Answer.of("02"), 2, CobrancaRetorno240.Answer.of("03", "08")), 901);
    Files.write(stack.dropRoot().resolve("acme").resolve("ITAU-RETORNO-0901.RET"), retorno);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(Instructions.ids(ana.get("instructions?status=SETTLED"))).containsExactlyInAnyOrder(title1, title2));
    assertThat(Instructions.ids(ana.get("instructions?status=CARRIED"))).containsExactly(payment);

    // the ERP hears of the whole path once each, in order per record, each valid against its schema
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put(cobranca.path("id").asText(), List.of("remessa.generated", "remessa.delivered"));
    expected.put(id, List.of("remessa.awaiting_approval", "remessa.approved", "remessa.delivered"));
    expected.put(title1, List.of("instruction.settled"));
    expected.put(title2, List.of("instruction.settled"));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      Map<String, List<String>> heard = typesByRecord(events());
      expected.forEach((record, types) -> assertThat(heard.get(record)).as(record).isEqualTo(types));
      assertThat(heard.values().stream().flatMap(List::stream)).contains("retorno.processed");
    });
    List<JsonNode> events = events();
    Set<String> ids = new HashSet<>();
    Map<String, Long> lastSequence = new LinkedHashMap<>();
    for (JsonNode event : events) {
      Outbox.valid(event);
      assertThat(ids.add(event.path("id").asText())).as("event %s once", event.path("id").asText()).isTrue();
      long sequence = event.path("sequence").asLong();
      Long before = lastSequence.put(event.path("recordId").asText(), sequence);
      assertThat(before == null || before < sequence).as("order of %s", event).isTrue();
    }
  }

  private static String created(ObjectNode instruction) {
    return ana.send("POST", "instructions", instruction, 201).path("id").asText();
  }

  /** The run's remessa of the service, as the history lists it once recorded. */
  private static JsonNode recordOf(JsonNode run, String service) {
    String fileName = null;
    for (JsonNode remessa : run.path("remessas")) {
      if (remessa.path("account").asText().contains(service)) {
        fileName = remessa.path("fileName").asText();
      }
    }
    assertThat(fileName).as("a %s remessa in %s", service, run).isNotNull();
    String name = fileName;
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(ana.get("integrations?fileName=" + name).path("items")).hasSize(1));
    JsonNode record = ana.get("integrations?fileName=" + name).path("items").get(0);
    assertThat(record.path("userName").asText()).isEqualTo("Integração");
    return record;
  }

  private static void awaitStatus(JsonNode record, String status) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(ana.get("integrations/" + record.path("id").asText()).path("status").asText()).isEqualTo(status));
  }

  private static List<Path> bankFolder(String bank) throws Exception {
    try (Stream<Path> files = Files.list(stack.bankOutboxRoot().resolve("acme").resolve(bank))) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList();
    }
  }

  private static byte[] download(String recordId) throws Exception {
    JsonNode link = ana.get("integrations/" + recordId + "/file");
    return HTTP.send(HttpRequest.newBuilder(URI.create(link.path("url").asText())).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  private static List<JsonNode> events() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.eventsUri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    StackApi.JSON.readTree(response.body()).path("events").forEach(events::add);
    return events;
  }

  private static Map<String, List<String>> typesByRecord(List<JsonNode> events) {
    Map<String, List<String>> byRecord = new LinkedHashMap<>();
    for (JsonNode event : events) {
      byRecord.computeIfAbsent(event.path("recordId").asText(), r -> new ArrayList<>()).add(event.path("type").asText());
    }
    return byRecord;
  }

  /** Bruno and Carla approve; a pagamento above R$ 10.000,00 needs both; cobrança needs none. */
  private static ObjectNode approvalRules() {
    ObjectNode rules = StackApi.JSON.createObjectNode();
    ArrayNode approvers = rules.putArray("approvers");
    for (String[] who : new String[][] {{"ana", "Ana Souza"}, {"bruno", "Bruno Lima"}, {"carla", "Carla Dias"}}) {
      approvers.addObject().put("userId", who[0]).put("name", who[1]).put("email", who[0] + "@acme.example");
    }
    ArrayNode pagamento = rules.putArray("pagamento");
    pagamento.addObject().put("upToCents", 1_000_000).put("approvals", 1);
    pagamento.addObject().putNull("upToCents").put("approvals", 2);
    rules.putArray("cobranca");
    return rules;
  }

  /** A Bradesco pagamento 240 TED. */
  private static ObjectNode paymentInstruction(String yourNumber, long cents) {
    ObjectNode body = StackApi.JSON.createObjectNode();
    body.put("service", "PAGAMENTO").put("layout", "CNAB240").put("bankCode", "237");
    body.putObject("header").put("companyName", "Indústria Ômega S.A.").put("companyDocument", "11.222.333/0001-81")
        .put("agency", "1234").put("agencyDigit", "0").put("account", "567890").put("accountDigit", "1")
        .put("agreement", "000123");
    ObjectNode ted = body.putObject("payment").put("kind", "TRANSFER").put("yourNumber", yourNumber);
    ted.putObject("payee").put("name", "Fornecedor Alfa Ltda").put("document", "33.444.555/0001-66")
        .put("address", "Av. Paulista 1000").put("district", "Bela Vista").put("zip", "01310-100")
        .put("city", "São Paulo").put("state", "SP");
    ted.put("bankCode", "341").put("agency", "4321").put("agencyDigit", "9").put("account", "12345")
        .put("accountDigit", "6").put("paymentDate", "2026-12-15").put("amountCents", cents);
    return body;
  }
}
