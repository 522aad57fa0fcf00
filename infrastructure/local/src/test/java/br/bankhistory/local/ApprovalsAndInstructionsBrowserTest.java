package br.bankhistory.local;

import static br.bankhistory.local.BrowserPage.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The approvals ("Aprovações", the approval block of a remessa's detail) and the pending instructions
 * ("Instruções pendentes") of the history page, in Debian's headless Chromium against the whole local stack,
 * set up as {@link HistoryPageBrowserTest} is. A stack of its own, without the demo files: these tests set
 * acme's approval rules ({@code PUT /settings/approvals}: Ana, Bruno and Carla approve; a pagamento above
 * R$ 1.000,00 needs two of them), generate remessas and run the schedule.
 *
 * <p>Each test starts from a fresh page load as the default local identity (acme / Ana Souza / Administrador)
 * and leaves a screenshot in {@code target/screenshots/ApprovalsAndInstructionsBrowserTest/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalsAndInstructionsBrowserTest {

  private static final Dimension DESKTOP = new Dimension(1280, 800);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots",
      ApprovalsAndInstructionsBrowserTest.class.getSimpleName());
  private static final LocalIdentity ANA = new LocalIdentity("acme", "ana", "Ana Souza", true);
  private static final LocalIdentity BRUNO = new LocalIdentity("acme", "bruno", "Bruno Lima", false);

  @TempDir
  static Path work;

  private static BrowserStack browsers;
  private static LocalStack stack;
  private static ChromeDriver driver;
  private static BrowserPage page;
  private static StackApi ana;
  private static StackApi bruno;

  @BeforeAll
  static void startStackAndBrowser() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    browsers = BrowserStack.start(work, false, DESKTOP);
    stack = browsers.stack();
    driver = browsers.chromium().driver();
    page = new BrowserPage(driver);
    ana = new StackApi(stack, ANA);
    bruno = new StackApi(stack, BRUNO);
    ana.send("PUT", "settings/approvals", approvalRules(), 200);
  }

  @AfterAll
  static void stopEverything() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @BeforeEach
  void freshPage() {
    page.fresh(stack.baseUri().toString(), DESKTOP);
  }

  @AfterEach
  void screenshot(TestInfo test) {
    page.screenshot(SCREENSHOTS, test);
  }

  // ---- the tests ---------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void twoApproversReleaseAPaymentAboveTheThresholdAndItsCreatorIsToldWhyNot() {
    JsonNode remessa = generated(ana, 1_500_000, "AP-1");
    String id = remessa.path("id").asText();
    String name = remessa.path("fileName").asText();

    // Ana created it: the row says it waits, the detail says why she may not decide, in the rules' words
    driver.navigate().refresh();
    page.waitForList();
    WebElement row = page.row(name);
    assertThat(row.getDomAttribute("data-status")).isEqualTo("AWAITING_APPROVAL");
    assertThat(row.findElement(testId("status-badge")).getText()).isEqualTo("Aguardando aprovação");
    assertThat(row.findElement(testId("cell-approval")).getText()).isEqualTo("0 de 2 aprovações");
    row.findElement(testId("row-open-detail")).click();
    page.detailOf(name);
    assertThat(page.text("detail-approval-rule"))
        .isEqualTo("Regra de alçada: Remessa de pagamento acima de R$ 1.000,00: 2 aprovações de pessoas diferentes de quem a criou.");
    assertThat(page.text("detail-approval-progress")).isEqualTo("0 de 2 aprovações · faltam 2.");
    assertThat(page.text("detail-approval-decisions")).isEqualTo("Nenhuma decisão ainda.");
    WebElement approve = page.find("detail-approve");
    assertThat(approve.getDomAttribute("aria-disabled")).isEqualTo("true");
    assertThat(page.find("detail-reject").getDomAttribute("aria-disabled")).isEqualTo("true");
    String why = ana.get("integrations/" + id).path("approval").path("cannotDecideReason").asText();
    assertThat(why).startsWith("Quem criou a remessa não pode aprová-la nem reprová-la: a regra de alçada exige");
    assertThat(page.text("detail-approval-reason")).isEqualTo(why);
    assertThat(approve.getDomAttribute("aria-describedby")).isEqualTo("detail-approval-reason");
    approve.click();
    assertThat(page.find("confirm-dialog").isDisplayed()).isFalse();
    page.closeDetail();
    page.find("nav-approvals").click();
    page.waitUntil(d -> "empty".equals(page.find("approvals-state").getDomAttribute("data-state")));
    assertThat(driver.getCurrentUrl()).endsWith("#/aprovacoes");

    // Bruno finds it in "Aprovações" and gives the first approval
    page.switchIdentity("acme", "bruno", "user");
    approveFromTheList(id, name, "0 de 2", "Aprovação registrada: 1 de 2.");
    page.waitForText("detail-approval-progress", "1 de 2 aprovações · falta 1.");
    assertThat(decisions()).hasSize(1);
    assertThat(decisions().get(0)).contains("Aprovada por Bruno Lima");
    assertThat(page.find("detail-approve").getDomAttribute("aria-disabled")).isEqualTo("true");
    assertThat(page.text("detail-approve-reason")).startsWith("Você já aprovou esta remessa em ");
    assertThat(page.find("detail-reject").getDomAttribute("aria-disabled")).isNull();
    page.closeDetail();
    assertThat(driver.getCurrentUrl()).endsWith("#/aprovacoes");
    page.waitUntil(d -> "empty".equals(page.find("approvals-state").getDomAttribute("data-state")));

    // Carla's approval completes the two: the remessa is released
    page.switchIdentity("acme", "carla", "user");
    approveFromTheList(id, name, "1 de 2", "Remessa " + name + " aprovada: liberada para envio ao banco.");
    page.waitForText("detail-approval-progress", "Aprovada: 2 de 2 aprovações. Liberada para envio ao banco.");
    assertThat(decisions()).hasSize(2);
    assertThat(driver.findElements(testId("detail-approve"))).isEmpty();
    assertThat(page.text("detail-approval-reason")).startsWith("Esta remessa já foi aprovada (2 de 2 aprovações)");
    assertThat(page.find("detail-summary").getText()).contains("Aprovada");
    page.closeDetail();
    // released, the delivery step takes it on to the bank's folder (bank-outbox/): "Enviada ao banco"
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(ana.get("integrations/" + id).path("status").asText()).isEqualTo("SENT"));
    page.find("approvals-back").click();
    page.waitForList();
    assertThat(page.row(name).findElement(testId("status-badge")).getText()).isIn("Aprovada", "Enviada ao banco");
    driver.navigate().refresh(); // the list as it is now
    page.waitForList();
    assertThat(page.row(name).findElement(testId("status-badge")).getText()).isEqualTo("Enviada ao banco");

    JsonNode after = ana.get("integrations/" + id);
    assertThat(after.path("statusHistory")).extracting(h -> h.path("to").asText())
        .containsExactly("AWAITING_APPROVAL", "AWAITING_APPROVAL", "APPROVED", "SENT");
    assertThat(after.path("approval").path("approvals")).extracting(a -> a.path("userId").asText())
        .containsExactly("bruno", "carla");
  }

  @Test
  @Order(2)
  void anApproverRejectsWithAReasonAndADecisionTakenMeanwhileIsRefusedInTheRulesWords() {
    JsonNode first = generated(ana, 1_600_000, "AP-2");
    JsonNode second = generated(ana, 1_700_000, "AP-3");
    String name = first.path("fileName").asText();

    page.switchIdentity("acme", "bruno", "user");
    page.find("nav-approvals").click();
    page.waitUntil(d -> d.findElements(testId("approval-row")).size() == 2);
    openApproval(first.path("id").asText());
    page.detailOf(name);
    page.find("detail-reject").click();
    WebElement dialog = page.visible("action-dialog");
    assertThat(dialog.getDomAttribute("data-action")).isEqualTo("reject");
    assertThat(page.text("action-dialog-title")).isEqualTo("Reprovar esta remessa");
    assertThat(page.text("action-dialog-file")).isEqualTo(name);
    page.find("action-dialog-confirm").click();
    assertThat(page.visible("action-dialog-error").getText()).isEqualTo("Informe o motivo da reprovação.");
    WebElement reason = page.find("action-dialog-reason");
    reason.sendKeys("ok");
    page.find("action-dialog-confirm").click();
    page.waitForText("action-dialog-error", "O motivo precisa ter ao menos 3 caracteres.");
    reason.clear();
    reason.sendKeys("Fornecedor ainda não entregou");
    page.find("action-dialog-confirm").click();
    page.waitUntil(ExpectedConditions.invisibilityOf(dialog));
    page.waitForText("app-message", "Remessa " + name + " reprovada.");

    page.waitForText("detail-approval-progress", "Reprovada: não vai para o banco.");
    WebElement rejection = page.find("detail-approval-decision");
    assertThat(rejection.getDomAttribute("data-decision")).isEqualTo("rejected");
    assertThat(rejection.getText()).contains("Reprovada por Bruno Lima").contains("Motivo: Fornecedor ainda não entregou");
    assertThat(driver.findElements(testId("detail-reject"))).isEmpty();
    assertThat(page.text("detail-approval-reason")).isEqualTo("Esta remessa foi reprovada por Bruno Lima: Fornecedor "
        + "ainda não entregou. Ela não pode mais ser aprovada nem reprovada; gere uma nova remessa.");
    assertThat(page.find("detail-summary").getText()).contains("Reprovada");
    page.closeDetail();
    page.waitUntil(d -> d.findElements(testId("approval-row")).size() == 1);
    assertThat(ana.get("integrations/" + first.path("id").asText()).path("status").asText()).isEqualTo("APPROVAL_REJECTED");

    // Carla opens the other one while Bruno rejects it through the API: her approval is refused in the
    // rules' words, and the detail shows the remessa as it is now
    page.switchIdentity("acme", "carla", "user");
    String late = second.path("id").asText();
    page.waitUntil(d -> !d.findElements(testId("approval-row")).isEmpty());
    openApproval(late);
    page.detailOf(second.path("fileName").asText());
    assertThat(page.find("detail-approve").getDomAttribute("aria-disabled")).isNull();
    bruno.send("POST", "integrations/" + late + "/reject", Map.of("reason", "Valor acima do combinado"), 200);
    page.find("detail-approve").click();
    page.visible("confirm-dialog");
    page.find("confirm-dialog-confirm").click();
    assertThat(page.visible("confirm-dialog-error").getText()).isEqualTo("Esta remessa foi reprovada por Bruno Lima: "
        + "Valor acima do combinado. Ela não pode mais ser aprovada; gere uma nova remessa.");
    page.find("confirm-dialog-back").click();
    page.waitForText("detail-approval-progress", "Reprovada: não vai para o banco.");
    assertThat(ana.get("integrations/" + late).path("approval").path("approvals")).isEmpty();
  }

  @Test
  @Order(3)
  void theScheduledRunCarriesThePendingInstructionsIntoARemessaOfIntegracao() {
    String first = ana.send("POST", "instructions", titleInstruction("90000001", 10_000), 201).path("id").asText();
    ana.send("POST", "instructions", titleInstruction("90000002", 25_000), 201);
    String payment = ana.send("POST", "instructions", paymentInstruction("PG-INS-1", 30_000), 201).path("id").asText();
    String mine = bruno.send("POST", "instructions", titleInstruction("90000003", 5_000), 201).path("id").asText();

    // Carla (Usuário) sees them by account, and may cancel none of them: she created none
    page.switchIdentity("acme", "carla", "user");
    page.find("nav-instructions").click();
    page.waitUntil(d -> d.findElements(testId("instruction-row")).size() == 4);
    assertThat(driver.findElements(testId("instructions-group"))).extracting(g -> g.findElement(By.tagName("h2")).getText())
        .containsExactlyInAnyOrder("341 · Itaú · Ag. 4459 · C/C 17600-6 · 3 instruções",
            "237 · Bradesco · Ag. 1234-0 · C/C 567890-1 · Convênio 000123 · 1 instrução");
    WebElement title = instructionRow(first);
    assertThat(title.findElement(testId("instruction-what")).getText()).isEqualTo("Título de cobrança · Entrada de título");
    assertThat(title.findElement(testId("instruction-status")).getText()).isEqualTo("Pendente");
    assertThat(title.findElement(testId("instruction-our-number")).getText()).isEqualTo("90000001");
    assertThat(title.findElement(testId("instruction-counterpart")).getText()).isEqualTo("Davi Oliveira Campos");
    assertThat(title.findElement(testId("instruction-amount")).getText()).isEqualTo("R$ 100,00");
    assertThat(title.findElement(testId("instruction-due-date")).getText()).isEqualTo("10/12/2026");
    assertThat(title.findElement(testId("instruction-created")).getText()).endsWith(" por Ana Souza");
    WebElement pay = instructionRow(payment);
    assertThat(pay.findElement(testId("instruction-kind")).getText()).isEqualTo("Transferência");
    assertThat(pay.findElement(testId("instruction-counterpart")).getText()).isEqualTo("Fornecedor Alfa Ltda");
    assertThat(driver.findElements(testId("instruction-cancel"))).isEmpty();
    Select account = new Select(page.find("instructions-account"));
    account.selectByVisibleText("237 · Bradesco · Ag. 1234-0 · C/C 567890-1 · Convênio 000123");
    page.waitUntil(d -> d.findElements(testId("instruction-row")).size() == 1);
    account.selectByVisibleText("Todas");

    // Bruno cancels his own, with a reason; it leaves the pending ones and is listed as cancelled
    page.switchIdentity("acme", "bruno", "user");
    page.waitUntil(d -> d.findElements(testId("instruction-row")).size() == 4);
    assertThat(driver.findElements(testId("instruction-cancel"))).hasSize(1);
    page.click(d -> instructionRow(mine).findElement(testId("instruction-cancel")));
    WebElement dialog = page.visible("action-dialog");
    assertThat(dialog.getDomAttribute("data-action")).isEqualTo("cancel-instruction");
    assertThat(page.text("action-dialog-file")).isEqualTo("título 90000003 de Davi Oliveira Campos");
    page.find("action-dialog-reason").sendKeys("Lançada em duplicidade");
    page.find("action-dialog-confirm").click();
    page.waitUntil(ExpectedConditions.invisibilityOf(dialog));
    page.waitUntil(d -> d.findElements(testId("instruction-row")).size() == 3);
    new Select(page.find("instructions-status")).selectByVisibleText("Canceladas");
    page.waitUntil(d -> d.findElements(testId("instruction-row")).size() == 1);
    assertThat(instructionRow(mine).findElement(testId("instruction-cancellation")).getText())
        .startsWith("Cancelada por Bruno Lima em ").endsWith(". Motivo: Lançada em duplicidade");

    // the scheduled run: one remessa per account, by "Integração"; the instructions name it, with a link
    JsonNode run = ana.runSchedule();
    assertThat(run.path("remessas")).hasSize(2);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(ana.get("instructions?status=CARRIED").path("items")).hasSize(3)
            .allSatisfy(i -> assertThat(i.path("carriedBy").path("recordId").isTextual()).isTrue()));
    JsonNode carrier = ana.get("instructions?status=CARRIED").path("items").findValues("carriedBy").stream()
        .filter(c -> c.path("fileName").asText().startsWith("COB")).findFirst().orElseThrow();
    String remessa = carrier.path("fileName").asText();
    new Select(page.find("instructions-status")).selectByVisibleText("Incluídas em remessa");
    page.waitUntil(d -> d.findElements(testId("instruction-row")).size() == 3);
    assertThat(instructionRow(first).findElement(testId("instruction-status")).getText()).isEqualTo("Incluída em remessa");
    page.screenshot(SCREENSHOTS, "theScheduledRunCarriesThePendingInstructionsIntoARemessaOfIntegracao-carried");
    WebElement link = instructionRow(first).findElement(testId("instruction-remessa"));
    assertThat(link.getText()).isEqualTo(remessa);
    link.click();
    page.detailOf(remessa);
    assertThat(page.find("detail-summary").getText()).contains("Integração");
    page.closeDetail();
    assertThat(driver.getCurrentUrl()).endsWith("#/instrucoes");
    page.find("instructions-back").click();
    page.waitForList();
    page.find("filter-file-name").sendKeys(remessa);
    page.find("filters-apply").click();
    page.waitUntil(d -> !d.findElements(testId("history-row")).isEmpty());
    page.waitForList();
    assertThat(page.row(remessa).findElement(testId("cell-user")).getText()).isEqualTo("Integração");
    assertThat(page.row(remessa).getDomAttribute("data-id")).isEqualTo(carrier.path("recordId").asText());
  }

  @Test
  @Order(4)
  void axeFindsNoSeriousOrCriticalViolationAndTheScreensFitAt360Pixels() {
    Map<String, List<String>> found = new LinkedHashMap<>();
    JsonNode remessa = generated(ana, 1_800_000, "AP-4");
    page.switchIdentity("acme", "bruno", "user");
    page.find("nav-approvals").click();
    page.waitUntil(d -> !d.findElements(testId("approval-row")).isEmpty());
    found.put("approvals", Axe.blockingViolations(driver));
    openApproval(remessa.path("id").asText());
    page.detailOf(remessa.path("fileName").asText());
    found.put("detail with its approval", Axe.blockingViolations(driver));
    page.find("detail-reject").click();
    page.visible("action-dialog");
    page.find("action-dialog-confirm").click();
    page.visible("action-dialog-error");
    found.put("reject dialog with its error", Axe.blockingViolations(driver));
    page.find("action-dialog-back").click();
    page.closeDetail();
    page.find("nav-instructions").click();
    new Select(page.find("instructions-status")).selectByVisibleText("Incluídas em remessa");
    page.waitUntil(d -> !d.findElements(testId("instruction-row")).isEmpty());
    found.put("instructions", Axe.blockingViolations(driver));

    page.setViewport(new Dimension(360, 740));
    for (String[] screen : new String[][] {{"nav-instructions", "instruction-row"}, {"nav-approvals", "approval-row"}}) {
      page.find(screen[0]).click();
      List<Object> outside = page.waitUntil(d -> page.shownOutsideWidth(screen[1]));
      assertThat(page.horizontalScroll()).as("horizontal page scroll at 360 px, " + screen[0]).isLessThanOrEqualTo(0);
      assertThat(outside).as("%s cards wider than 360 px", screen[1]).isEmpty();
      found.put(screen[0] + " at 360 px", Axe.blockingViolations(driver));
    }

    found.values().removeIf(List::isEmpty);
    assertThat(found).as(() -> "axe-core violations of impact serious or critical:\n" + found.entrySet().stream()
        .map(entry -> "[" + entry.getKey() + "]\n  " + String.join("\n  ", entry.getValue()))
        .collect(Collectors.joining("\n"))).isEmpty();
  }

  @Test
  @Order(5)
  void anAdminSendsAFailedRemessaAgainAndCancelsItAtTheBankOnceTheBankWasTold() throws IOException {
    Path bank = Files.createDirectories(stack.bankOutboxRoot().resolve("acme").resolve("237"));
    Files.writeString(bank.resolve(".refuse"), "Conexão recusada pelo servidor do banco");
    ObjectNode body = StackApi.JSON.createObjectNode();
    body.put("service", "PAGAMENTO").put("layout", "CNAB240").put("bankCode", "237").put("sendAutomatically", true);
    body.set("header", bradescoHeader());
    body.putArray("payments").add(ted("DL-1", 50_000));
    String name = ana.send("POST", "remittances", body, 202).path("fileName").asText();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(ana.get("integrations?fileName=" + name).path("items")).extracting(r -> r.path("status").asText())
            .containsExactly("DELIVERY_FAILED"));
    String id = ana.get("integrations?fileName=" + name).path("items").get(0).path("id").asText();
    Files.delete(bank.resolve(".refuse"));

    // "Falha no envio": the admin sends it again from its detail
    driver.navigate().refresh();
    page.waitForList();
    assertThat(page.row(name).findElement(testId("status-badge")).getText()).isEqualTo("Falha no envio");
    page.row(name).findElement(testId("row-open-detail")).click();
    page.detailOf(name);
    assertThat(driver.findElements(testId("detail-cancelAtBank"))).isEmpty();
    page.find("detail-deliver").click();
    WebElement confirm = page.visible("confirm-dialog");
    assertThat(page.text("confirm-dialog-title")).isEqualTo("Enviar esta remessa ao banco de novo");
    page.find("confirm-dialog-confirm").click();
    page.waitUntil(ExpectedConditions.invisibilityOf(confirm));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(ana.get("integrations/" + id).path("status").asText()).isEqualTo("SENT"));
    try (java.util.stream.Stream<Path> files = Files.list(bank)) {
      assertThat(files.map(f -> f.getFileName().toString())).contains(name);
    }

    // at the bank: a plain cancel is refused, the cancel that says the bank was told is recorded
    page.closeDetail();
    driver.navigate().refresh();
    page.waitForList();
    assertThat(page.row(name).findElement(testId("status-badge")).getText()).isEqualTo("Enviada ao banco");
    page.row(name).findElement(testId("row-open-detail")).click();
    page.detailOf(name);
    assertThat(driver.findElements(testId("detail-deliver"))).isEmpty();
    page.find("detail-cancelAtBank").click();
    WebElement dialog = page.visible("action-dialog");
    assertThat(page.text("action-dialog-title")).isEqualTo("Cancelar uma remessa que já está no banco");
    page.find("action-dialog-reason").sendKeys("Banco avisado por telefone: Joana, gerente da agência");
    page.find("action-dialog-confirm").click();
    page.waitUntil(ExpectedConditions.invisibilityOf(dialog));
    page.waitForText("app-message", "Cancelamento registrado. A remessa já estava no banco: como você informou, o "
        + "banco foi avisado para não processá-la. Os títulos ficam liberados para uma nova remessa.");
    JsonNode after = ana.get("integrations/" + id);
    assertThat(after.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(after.path("statusHistory")).extracting(h -> h.path("to").asText())
        .containsSubsequence("DELIVERY_FAILED", "READY_TO_SEND", "SENT", "CANCELLED");
  }

  // ---- page helpers -------------------------------------------------------------------------------------

  /** Opens the remessa from "Aprovações" (its progress as listed) and approves it; waits for the announcement. */
  private static void approveFromTheList(String id, String name, String progress, String announced) {
    page.find("nav-approvals").click();
    WebElement row = page.waitUntil(d -> d.findElements(testId("approval-row")).stream()
        .filter(r -> id.equals(r.getDomAttribute("data-id"))).findFirst().orElse(null));
    assertThat(row.findElement(testId("approval-progress")).getText()).isEqualTo(progress);
    openApproval(id);
    page.detailOf(name);
    page.find("detail-approve").click();
    WebElement confirm = page.visible("confirm-dialog");
    assertThat(page.text("confirm-dialog-title")).isEqualTo("Aprovar esta remessa");
    assertThat(page.text("confirm-dialog-file")).isEqualTo(name);
    page.find("confirm-dialog-confirm").click();
    page.waitUntil(ExpectedConditions.invisibilityOf(confirm));
    page.waitForText("app-message", announced);
  }

  private static List<String> decisions() {
    List<String> texts = new ArrayList<>();
    driver.findElements(testId("detail-approval-decision")).forEach(d -> texts.add(d.getText()));
    return texts;
  }

  private static void openApproval(String id) {
    page.click(d -> approvalRow(id).findElement(testId("approval-open")));
  }

  private static WebElement approvalRow(String id) {
    return driver.findElement(By.cssSelector("[data-testid='approval-row'][data-id='" + id + "']"));
  }

  private static WebElement instructionRow(String id) {
    return driver.findElement(By.cssSelector("[data-testid='instruction-row'][data-id='" + id + "']"));
  }

  // ---- data -------------------------------------------------------------------------------------------

  /** Ana, Bruno and Carla approve; a pagamento above R$ 1.000,00 needs two of them; cobrança needs none. */
  private static ObjectNode approvalRules() {
    ObjectNode rules = StackApi.JSON.createObjectNode();
    ArrayNode approvers = rules.putArray("approvers");
    for (String[] who : new String[][] {{"ana", "Ana Souza"}, {"bruno", "Bruno Lima"}, {"carla", "Carla Dias"}}) {
      approvers.addObject().put("userId", who[0]).put("name", who[1]).put("email", who[0] + "@acme.example");
    }
    ArrayNode pagamento = rules.putArray("pagamento");
    pagamento.addObject().put("upToCents", 100_000).put("approvals", 0);
    pagamento.addObject().putNull("upToCents").put("approvals", 2);
    rules.putArray("cobranca");
    return rules;
  }

  /**
   * A Bradesco pagamento 240 of one TED of {@code cents} that {@code who} generates, once the stack recorded it
   * (its record, as the list has it).
   */
  private static JsonNode generated(StackApi who, long cents, String yourNumber) {
    ObjectNode body = StackApi.JSON.createObjectNode();
    body.put("service", "PAGAMENTO").put("layout", "CNAB240").put("bankCode", "237");
    body.set("header", bradescoHeader());
    body.putArray("payments").add(ted(yourNumber, cents));
    String fileName = who.send("POST", "remittances", body, 202).path("fileName").asText();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(who.get("integrations?fileName=" + fileName).path("items")).extracting(r -> r.path("status").asText())
            .containsExactly("AWAITING_APPROVAL"));
    return who.get("integrations?fileName=" + fileName).path("items").get(0);
  }

  private static ObjectNode bradescoHeader() {
    ObjectNode header = StackApi.JSON.createObjectNode();
    return header.put("companyName", "Indústria Ômega S.A.").put("companyDocument", "11.222.333/0001-81")
        .put("agency", "1234").put("agencyDigit", "0").put("account", "567890").put("accountDigit", "1")
        .put("agreement", "000123");
  }

  private static ObjectNode ted(String yourNumber, long cents) {
    ObjectNode ted = StackApi.JSON.createObjectNode().put("kind", "TRANSFER").put("yourNumber", yourNumber);
    ted.putObject("payee").put("name", "Fornecedor Alfa Ltda").put("document", "33.444.555/0001-66")
        .put("address", "Av. Paulista 1000").put("district", "Bela Vista").put("zip", "01310-100")
        .put("city", "São Paulo").put("state", "SP");
    return ted.put("bankCode", "341").put("agency", "4321").put("agencyDigit", "9").put("account", "12345")
        .put("accountDigit", "6").put("paymentDate", "2026-12-15").put("amountCents", cents);
  }

  /** An Itaú cobrança 240 title for account 4459 / 17600, as {@code events/api-create-instruction.json} has it. */
  private static ObjectNode titleInstruction(String ourNumber, long cents) {
    ObjectNode body = StackApi.JSON.createObjectNode();
    body.put("service", "COBRANCA").put("layout", "CNAB240").put("bankCode", "341");
    body.putObject("header").put("companyName", "Tracy Tecnologia Ltda ME").put("companyDocument", "15.594.050/0001-11")
        .put("agency", "4459").put("account", "17600").put("accountDigit", "6").put("wallet", "109");
    ObjectNode title = body.putObject("title").put("ourNumber", ourNumber).put("yourNumber", "NF-" + ourNumber.substring(4))
        .put("dueDate", "2026-12-10").put("amountCents", cents);
    title.putObject("payer").put("name", "Davi Oliveira Campos").put("document", "366.446.618-74")
        .put("address", "Rua Arlindo Catelli 735 ap 12").put("district", "Jd Palmares").put("zip", "14092-530")
        .put("city", "Ribeirão Preto").put("state", "SP");
    return body;
  }

  /** A Bradesco pagamento 240 TED below the approval threshold. */
  private static ObjectNode paymentInstruction(String yourNumber, long cents) {
    ObjectNode body = StackApi.JSON.createObjectNode();
    body.put("service", "PAGAMENTO").put("layout", "CNAB240").put("bankCode", "237");
    body.set("header", bradescoHeader());
    body.set("payment", ted(yourNumber, cents));
    return body;
  }
}
