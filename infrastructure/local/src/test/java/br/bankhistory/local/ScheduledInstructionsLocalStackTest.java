package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.bankhistory.history.support.CobrancaRetorno240;
import br.bankhistory.history.support.Instructions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending instructions on the local stack, end to end: posted over HTTP for two accounts, gathered by
 * {@code POST /local/schedules/run} into one remessa per account (sent by "Integração", the account's NSAs one
 * after the other), recorded by the stack's watcher, and settled by the bank's retorno built from a remessa's
 * titles (Itaú CNAB 240 cobrança: occurrence 02 for one title, 03 with reason 08 for another) dropped in
 * {@code drop/acme/}; then the stack's clock runs an account when its slot comes.
 */
class ScheduledInstructionsLocalStackTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path drop;

  private static LocalStack stack;
  private static StackApi ana;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStackOptions.forTests(drop, false).withScheduleClock(Duration.ofSeconds(1)));
    ana = new StackApi(stack, new LocalIdentity("acme", "ana", "Ana Souza", true));
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void instructionsOfTwoAccountsBecomeARemessaEachAndTheBanksRetornoSettlesThem() throws Exception {
    // the stack's clock must not carry them first: the only day of the schedule is tomorrow, late at night
    int tomorrow = LocalDate.now(ZoneId.of("America/Sao_Paulo")).getDayOfWeek().plus(1).getValue();
    JsonNode schedule = ana.send("PUT", "settings/schedule", Map.of("days", List.of(tomorrow), "time", "23:45"), 200);
    assertThat(schedule.path("days").get(0).asInt()).isEqualTo(tomorrow);

    String a1 = instruction("17600", "91000001", 10_000);
    String a2 = instruction("17600", "91000002", 20_000);
    String b1 = instruction("22222", "91000003", 30_000);
    JsonNode first = ana.runSchedule();
    assertThat(first.path("remessas")).hasSize(2).allSatisfy(r ->
        assertThat(r.path("sequenceNumber").asLong()).isEqualTo(1));
    String a3 = instruction("17600", "91000004", 40_000);
    JsonNode second = ana.runSchedule();
    assertThat(second.path("remessas")).singleElement().satisfies(r -> {
      assertThat(r.path("account").asText()).startsWith("341/4459/17600/");
      assertThat(r.path("sequenceNumber").asLong()).isEqualTo(2);
      assertThat(Instructions.texts(r.path("instructions"))).containsExactly(a3);
    });
    String remessaOfA = remessaOf(first, "17600").path("fileName").asText();
    assertThat(Instructions.texts(remessaOf(first, "17600").path("instructions"))).containsExactly(a1, a2);
    assertThat(Instructions.texts(remessaOf(first, "22222").path("instructions"))).containsExactly(b1);

    // the watcher records each remessa as the integration's, and the delivery sends it
    List<JsonNode> remessas = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      remessas.clear();
      ana.get("integrations?limit=50&direction=REMESSA").path("items").forEach(remessas::add);
      assertThat(remessas).hasSize(3);
      // delivered to the bank's folder within a moment of being recorded
      assertThat(remessas).allSatisfy(r -> {
        assertThat(r.path("userName").asText()).isEqualTo("Integração");
        assertThat(r.path("status").asText()).isEqualTo("SENT");
      });
    });
    assertThat(remessas).filteredOn(r -> r.path("account").asText().contains("17600"))
        .extracting(r -> r.path("sequenceNumber").asLong()).containsExactlyInAnyOrder(1L, 2L);
    JsonNode recorded = remessas.stream().filter(r -> r.path("fileName").asText().equals(remessaOfA)).findFirst()
        .orElseThrow();

    // the bank answers the first remessa of account 17600: its first title confirmed, its second rejected
    byte[] retorno = CobrancaRetorno240.answering(download(recorded.path("id").asText()),
        Map.of(1, CobrancaRetorno240.Answer.of("02"), 2, CobrancaRetorno240.Answer.of("03", "08")), 900);
    Files.write(stack.dropRoot().resolve("acme").resolve("ITAU-RETORNO-0900.RET"), retorno);

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(Instructions.ids(ana.get("instructions?status=SETTLED")))
            .containsExactlyInAnyOrder(a1, a2));
    Map<String, JsonNode> settled = new java.util.HashMap<>();
    ana.get("instructions?status=SETTLED").path("items").forEach(i ->
        settled.put(i.path("id").asText(), i.path("settlement")));
    assertThat(settled.get(a1).path("outcome").asText()).isEqualTo("CONFIRMED");
    assertThat(settled.get(a1).path("occurrence").path("description").asText()).isEqualTo("Entrada confirmada");
    assertThat(settled.get(a2).path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(settled.get(a2).path("reasons").get(0).path("code").asText()).isEqualTo("08");
    assertThat(Instructions.ids(ana.get("instructions?status=CARRIED")))
        .containsExactlyInAnyOrder(b1, a3);

    // and the ERP hears of each once, through the outbox
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      List<String> heard = new ArrayList<>();
      eventsOfType("instruction.settled").forEach(e -> heard.add(e.path("recordId").asText()));
      assertThat(heard).containsExactlyInAnyOrder(a1, a2);
    });

    // the stack's clock runs an account whose slot has come, without anyone asking: today, from midnight on
    int today = LocalDate.now(ZoneId.of("America/Sao_Paulo")).getDayOfWeek().getValue();
    ana.send("PUT", "settings/schedule", Map.of("days", List.of(today), "time", "00:00"), 200);
    String c1 = instruction("33333", "91000005", 50_000);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(Instructions.ids(ana.get("instructions?status=CARRIED"))).contains(c1));
  }

  private static String instruction(String account, String ourNumber, long cents) {
    return ana.send("POST", "instructions", Instructions.title(account, ourNumber, cents), 201).path("id").asText();
  }

  private static JsonNode remessaOf(JsonNode report, String account) {
    for (JsonNode r : report.path("remessas")) {
      if (r.path("account").asText().contains("/" + account + "/")) {
        return r;
      }
    }
    throw new AssertionError("no remessa of account " + account + ": " + report);
  }

  private static byte[] download(String recordId) throws Exception {
    JsonNode link = ana.get("integrations/" + recordId + "/file");
    return HTTP.send(HttpRequest.newBuilder(URI.create(link.path("url").asText())).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  private static List<JsonNode> eventsOfType(String type) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.eventsUri() + "?type=" + type))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    StackApi.JSON.readTree(response.body()).path("events").forEach(events::add);
    return events;
  }
}
