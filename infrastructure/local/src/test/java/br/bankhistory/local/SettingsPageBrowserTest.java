package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The history page's settings screen ("Configurações": registered bank accounts and the admins' email
 * recipients) and the "Reprocessar" action of a record, in Debian's headless Chromium against the whole
 * local stack with its demo data, set up as {@link HistoryPageBrowserTest} is. A stack of its own: these
 * tests register accounts for acme, which turns on the registered-account check for every file acme gets
 * afterwards, and the history tests expect it off.
 *
 * <p>Each test starts from a fresh page load as the default local identity (acme / Ana Souza /
 * Administrador) and leaves a screenshot in {@code target/screenshots/SettingsPageBrowserTest/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsPageBrowserTest {

  private static final Dimension DESKTOP = new Dimension(1280, 800);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots", SettingsPageBrowserTest.class.getSimpleName());
  private static final LocalIdentity ANA = new LocalIdentity("acme", "ana", "Ana Souza", true);
  private static final String ONLY_ADMINS = "Somente administradores alteram as configurações. Peça a um administrador da empresa.";

  @TempDir
  static Path work;

  private static BrowserStack browsers;
  private static LocalStack stack;
  private static ChromeDriver driver;
  private static BrowserPage page;

  @BeforeAll
  static void startStackAndBrowser() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    browsers = BrowserStack.start(work, true, DESKTOP);
    stack = browsers.stack();
    driver = browsers.chromium().driver();
    page = new BrowserPage(driver);
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
  void aNonAdministratorIsToldThatOnlyAdministratorsChangeSettings() {
    switchIdentity("acme", "carla", "user");
    driver.findElement(testId("nav-settings")).click();

    WebElement forbidden = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("settings-forbidden")));
    assertThat(forbidden.getText()).isEqualTo(ONLY_ADMINS);
    assertThat(driver.getCurrentUrl()).endsWith("#/configuracoes");
    assertThat(driver.findElement(testId("settings-accounts")).isDisplayed()).isFalse();
    assertThat(driver.findElement(testId("settings-notifications")).isDisplayed()).isFalse();
    assertThat(driver.findElement(testId("history-view")).isDisplayed()).isFalse();

    // the same at the screen's own address, opened anew
    driver.navigate().refresh();
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("settings-forbidden")));
    assertThat(driver.findElement(testId("nav-settings")).getDomAttribute("aria-current")).isEqualTo("page");
  }

  @Test
  @Order(2)
  void anAdministratorRegistersAnAccountAndItIsListedAfterAReload() throws Exception {
    JsonNode caixa = api(ANA, "integrations?fileName=caixa.ret").path("items").get(0);
    driver.findElement(testId("nav-settings")).click();
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("settings-accounts")));
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("accounts-empty")));
    assertThat(driver.getCurrentUrl()).endsWith("#/configuracoes");
    assertThat(driver.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo("settings-title");

    // by keyboard: Tab to "Adicionar conta", Enter adds a row and puts the focus in its first field
    WebElement add = tabUntil("accounts-add", 30);
    assertThat(add.getText()).isEqualTo("Adicionar conta");
    keys(Keys.ENTER);
    WebElement row = waitUntil(d -> d.findElements(testId("account-row")).stream().findFirst().orElse(null));
    assertThat(driver.switchTo().activeElement()).isEqualTo(row.findElement(testId("account-bankCode")));
    assertThat(row.findElement(By.tagName("legend")).getText()).isEqualTo("Conta 1");
    for (WebElement input : row.findElements(By.tagName("input"))) {
      String id = input.getDomAttribute("id");
      assertThat(driver.findElements(By.cssSelector("label[for='" + id + "']"))).as("label of " + id).hasSize(1);
    }

    // a CNPJ alone identifies no file: the API refuses, and its detail shows next to the form
    keys(caixa.path("bankCode").asText());
    row.findElement(testId("account-companyDocument")).sendKeys("09.018.380/0001-99");
    driver.findElement(testId("accounts-save")).click();
    WebElement error = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("accounts-error")));
    assertThat(error.getText()).startsWith("Cada conta precisa do convênio");
    assertThat(api(ANA, "settings/accounts").path("accounts")).isEmpty();

    row.findElement(testId("account-agency")).sendKeys(caixa.path("agency").asText());
    row.findElement(testId("account-account")).sendKeys(caixa.path("account").asText());
    row.findElement(testId("account-agreement")).sendKeys(caixa.path("agreement").asText());
    driver.findElement(testId("accounts-save")).click();
    waitUntil(d -> text(testId("accounts-status")).equals("Contas salvas: 1 conta cadastrada."));
    assertThat(driver.findElement(testId("accounts-error")).isDisplayed()).isFalse();
    JsonNode saved = api(ANA, "settings/accounts").path("accounts");
    assertThat(saved).hasSize(1);
    assertThat(saved.get(0).path("agreement").asText()).isEqualTo(caixa.path("agreement").asText());

    driver.navigate().refresh();
    WebElement listed = waitUntil(d -> d.findElements(testId("account-row")).stream().findFirst().orElse(null));
    assertThat(listed.findElement(testId("account-bankCode")).getDomProperty("value")).isEqualTo("104");
    assertThat(listed.findElement(testId("account-agreement")).getDomProperty("value"))
        .isEqualTo(saved.get(0).path("agreement").asText());
    assertThat(listed.findElement(testId("account-next-nsa")).getText())
        .isEqualTo("Próximo NSA: " + saved.get(0).path("nextSequenceNumber").asLong());
    assertThat(driver.findElements(testId("account-row"))).hasSize(1);

    // the recipients: an invalid address is refused in words; a valid list is saved and shown again
    WebElement recipients = driver.findElement(testId("notifications-recipients"));
    waitUntil(d -> "financeiro@acme.example".equals(recipients.getDomProperty("value")));
    recipients.sendKeys(Keys.END, Keys.ENTER, "não é e-mail");
    driver.findElement(testId("notifications-save")).click();
    assertThat(waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("notifications-error"))).getText())
        .startsWith("Endereço de e-mail inválido");
    recipients.clear();
    recipients.sendKeys("financeiro@acme.example", Keys.ENTER, "Ana.Souza@acme.example");
    driver.findElement(testId("notifications-save")).click();
    waitUntil(d -> text(testId("notifications-status")).equals("Destinatários salvos: 2 destinatários."));
    assertThat(JSON.convertValue(api(ANA, "settings/notifications").path("recipients"), List.class))
        .containsExactly("financeiro@acme.example", "ana.souza@acme.example");
    driver.navigate().refresh();
    waitUntil(d -> "financeiro@acme.example\nana.souza@acme.example".equals(
        d.findElement(testId("notifications-recipients")).getDomProperty("value")));

    // back to the history by the breadcrumb, without reloading the page
    js("window.__sameDocument = true;");
    driver.findElement(testId("settings-back")).click();
    waitForList();
    assertThat(driver.findElement(testId("history-view")).isDisplayed()).isTrue();
    assertThat(driver.getCurrentUrl()).doesNotContain("#");
    assertThat(js("return window.__sameDocument === true;")).isEqualTo(true);
    driver.navigate().back();
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("settings-accounts")));
  }

  /**
   * A retorno of an account acme has not registered (globex's Banco do Brasil demo retorno, dropped in acme's
   * folder) is kept as suspect; once its account is registered in Configurações, "Reprocessar" in its
   * detail processes it.
   */
  @Test
  @Order(3)
  void aSuspectFileIsReprocessedFromItsDetailOnceItsAccountIsRegistered() throws Exception {
    JsonNode caixa = api(ANA, "integrations?fileName=caixa.ret").path("items").get(0);
    putAccounts(List.of(Map.of("bankCode", "104", "agreement", caixa.path("agreement").asText()))); // the check is on
    String name = "BB-conta-nova.ret";
    Files.write(stack.dropRoot().resolve("acme").resolve(name), demoBytes("globex/banco_brasil.ret"));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(api(ANA, "integrations?fileName=" + name).path("items")).isNotEmpty());
    JsonNode suspect = api(ANA, "integrations?fileName=" + name).path("items").get(0);
    assertThat(suspect.path("status").asText()).isEqualTo("SUSPECT");
    String id = suspect.path("id").asText();

    // a remessa in its lifecycle says why it is not reprocessed
    driver.navigate().refresh();
    waitForList();
    openDetail("cobranca.itau.rem");
    WebElement blocked = driver.findElement(testId("detail-reprocess"));
    assertThat(blocked.getDomAttribute("aria-disabled")).isEqualTo("true");
    assertThat(text(testId("detail-reprocess-reason")))
        .isEqualTo("Remessas na situação “Gerada” seguem com o banco e não são reprocessadas.");
    blocked.click();
    assertThat(driver.findElement(testId("confirm-dialog")).isDisplayed()).isFalse();
    closeDetail();

    // the suspect file: register its account in Configurações, then reprocess it from its detail
    assertThat(row(name).getDomAttribute("data-status")).isEqualTo("SUSPECT");
    driver.findElement(testId("nav-settings")).click();
    WebElement first = waitUntil(d -> d.findElements(testId("account-row")).stream().findFirst().orElse(null));
    assertThat(first.findElement(testId("account-bankCode")).getDomProperty("value")).isEqualTo("104");
    driver.findElement(testId("accounts-add")).click();
    WebElement bb = driver.findElements(testId("account-row")).get(1);
    assertThat(bb.findElement(By.tagName("legend")).getText()).isEqualTo("Conta 2");
    bb.findElement(testId("account-bankCode")).sendKeys(suspect.path("bankCode").asText());
    bb.findElement(testId("account-agency")).sendKeys(suspect.path("agency").asText());
    bb.findElement(testId("account-account")).sendKeys(suspect.path("account").asText());
    driver.findElement(testId("accounts-save")).click();
    waitUntil(d -> text(testId("accounts-status")).equals("Contas salvas: 2 contas cadastradas."));

    driver.findElement(testId("settings-back")).click();
    waitForList();
    openDetail(name);
    WebElement reprocess = driver.findElement(testId("detail-reprocess"));
    assertThat(reprocess.getDomAttribute("aria-disabled")).isNull();
    assertThat(reprocess.getText()).isEqualTo("Reprocessar");
    reprocess.click();
    WebElement confirm = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("confirm-dialog")));
    assertThat(text(testId("confirm-dialog-title"))).isEqualTo("Reprocessar este arquivo");
    assertThat(text(testId("confirm-dialog-file"))).isEqualTo(name);
    assertThat(driver.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo("confirm-dialog-confirm");
    Map<String, List<String>> found = new LinkedHashMap<>();
    found.put("confirm dialog", Axe.blockingViolations(driver));
    keys(Keys.ENTER);

    waitUntil(ExpectedConditions.invisibilityOf(confirm));
    waitUntil(d -> "PROCESSED".equals(row(name).getDomAttribute("data-status")));
    assertThat(text(testId("app-message"))).isEqualTo("Arquivo " + name + " reprocessado: Processado.");
    WebElement summary = waitUntil(d -> {
      WebElement s = d.findElement(testId("detail-summary"));
      return s.getText().contains("Processado") ? s : null;
    });
    assertThat(summary.getText()).doesNotContain("Suspeito");
    WebElement entry = waitUntil(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid='detail-history-entry'][data-status='PROCESSED']")));
    assertThat(entry.getText()).contains("por Ana Souza");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-items-table")));
    assertThat(driver.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo("detail-reprocess");
    assertThat(api(ANA, "integrations/" + id).path("status").asText()).isEqualTo("PROCESSED");
    assertThat(found.values().stream().flatMap(List::stream).toList()).as("axe-core on the confirmation").isEmpty();

    // a non-administrator is not offered the action
    closeDetail();
    switchIdentity("acme", "carla", "user");
    openDetail(name);
    assertThat(driver.findElements(testId("detail-reprocess"))).isEmpty();
  }

  @Test
  @Order(4)
  void axeFindsNoSeriousOrCriticalViolationOnTheSettingsScreen() throws Exception {
    Map<String, List<String>> found = new LinkedHashMap<>();
    driver.findElement(testId("nav-settings")).click();
    waitUntil(d -> !d.findElements(testId("account-row")).isEmpty());
    found.put("settings", Axe.blockingViolations(driver));

    driver.findElement(testId("accounts-add")).click();
    driver.findElement(testId("accounts-save")).click(); // an empty row: refused
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("accounts-error")));
    found.put("settings with an error", Axe.blockingViolations(driver));

    setViewport(new Dimension(360, 740));
    driver.navigate().refresh();
    waitUntil(d -> !d.findElements(testId("account-row")).isEmpty());
    assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
        .as("horizontal page scroll at 360 px").isLessThanOrEqualTo(0);
    for (WebElement input : driver.findElements(By.cssSelector("[data-testid='settings-view'] input, [data-testid='settings-view'] textarea, [data-testid='settings-view'] button"))) {
      assertThat(fitsHorizontally(input)).as("%s within 360 px", input.getDomAttribute("data-testid")).isTrue();
    }
    found.put("settings at 360 px", Axe.blockingViolations(driver));

    switchIdentity("acme", "carla", "user");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("settings-forbidden")));
    found.put("settings for a non-administrator", Axe.blockingViolations(driver));

    found.values().removeIf(List::isEmpty);
    assertThat(found).as(() -> "axe-core violations of impact serious or critical:\n" + found.entrySet().stream()
        .map(entry -> "[" + entry.getKey() + "]\n  " + String.join("\n  ", entry.getValue()))
        .collect(Collectors.joining("\n"))).isEmpty();
  }

  // ---- page helpers -------------------------------------------------------------------------------------

  private static By testId(String id) {
    return BrowserPage.testId(id);
  }

  private static WebElement row(String fileName) {
    return page.row(fileName);
  }

  private static void openDetail(String fileName) {
    row(fileName).findElement(testId("row-open-detail")).click();
    page.detailOf(fileName);
  }

  private static void closeDetail() {
    page.closeDetail();
  }

  private static String text(By locator) {
    return driver.findElement(locator).getText().strip();
  }

  private static void waitForList() {
    page.waitForList();
  }

  private static <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return page.waitUntil(condition);
  }

  private static void switchIdentity(String tenant, String user, String role) {
    page.switchIdentity(tenant, user, role);
  }

  private static void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Presses Tab until the element with that test id has the focus; fails after {@code max} presses. */
  private static WebElement tabUntil(String testId, int max) {
    for (int i = 0; i < max; i++) {
      keys(Keys.TAB);
      WebElement active = driver.switchTo().activeElement();
      if (testId.equals(active.getDomAttribute("data-testid"))) {
        return active;
      }
    }
    throw new AssertionError(testId + " not reached with " + max + " Tab presses");
  }

  private static boolean fitsHorizontally(WebElement element) {
    return page.fitsHorizontally(element);
  }

  private static void setViewport(Dimension viewport) {
    page.setViewport(viewport);
  }

  private static Object js(String script, Object... args) {
    return page.js(script, args);
  }

  // ---- HTTP helpers -------------------------------------------------------------------------------------

  private static JsonNode api(LocalIdentity identity, String path) {
    return new StackApi(stack, identity).get(path);
  }

  private static void putAccounts(List<Map<String, String>> accounts) {
    new StackApi(stack, ANA).send("PUT", "settings/accounts", Map.of("accounts", accounts), 200);
  }

  private static byte[] demoBytes(String resource) throws IOException {
    try (InputStream in = SettingsPageBrowserTest.class.getResourceAsStream("/demo/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }
}
