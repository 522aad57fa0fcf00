package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The history page in a real browser (Debian's headless Chromium) against the whole local stack with its
 * demo data: one stack and one browser for the class. Each test starts from a fresh page load as the
 * default local identity (acme / Ana Souza / Administrador) and leaves a screenshot in
 * {@code target/screenshots/HistoryPageBrowserTest/}.
 *
 * <p>The browser speaks en-US ({@link Chromium#LOCALE}): what the tests see is what a user whose browser is
 * not in Portuguese sees, and the page must still be pt-BR. Axe-core checks the list, the menu, the detail
 * and the dialogs ({@link Axe}).
 *
 * <p>The tests share the stack, so the ones that change data (cancel, import, files dropped for globex) run
 * after the ones that read it, and the tenant isolation check runs last, when acme has the most to hide.
 *
 * <p>{@code -Dbankhistory.docs.screenshot=true} also writes {@code docs/images/history-page.png} (the page
 * with the demo data at 1280x800) from the first test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryPageBrowserTest {

  private static final Dimension DESKTOP = new Dimension(1280, 800);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots", HistoryPageBrowserTest.class.getSimpleName());
  private static final List<String> ACME_DEMO_FILES = List.of("caixa.ret", "sicoob-example.ret", "CNAB240SICREDI.CRT",
      "remessa-caixa-cnab240.rem", "cobranca.itau.rem");
  private static final LocalIdentity ANA = new LocalIdentity("acme", "ana", "Ana Souza", true);
  private static final LocalIdentity GLOBEX = new LocalIdentity("globex", "ana", "Ana Souza", true);
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  @TempDir
  static Path work;

  private static LocalStack stack;
  private static Chromium chromium;
  private static ChromeDriver driver;
  private static BrowserPage page;
  private static String mainWindow;

  @BeforeAll
  static void startStackAndBrowser() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    BrowserStack started = BrowserStack.start(work, true, DESKTOP);
    stack = started.stack();
    chromium = started.chromium();
    driver = chromium.driver();
    page = new BrowserPage(driver);
    mainWindow = driver.getWindowHandle();
  }

  @AfterAll
  static void stopEverything() {
    if (stack == null || chromium == null) {
      return; // the start failed and cleaned up after itself
    }
    List<ProcessHandle> started = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    int port = stack.baseUri().getPort();
    try {
      chromium.close();
    } finally {
      stack.close();
    }
    assertThat(started).as("processes started by the test (browser, driver, SES emulator)").isNotEmpty();
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(started.stream().filter(ProcessHandle::isAlive).map(HistoryPageBrowserTest::describeProcess))
            .as("processes still running after the browser and the stack were stopped").isEmpty());
    assertThat(isListening(port)).as("HTTP front").isFalse();
  }

  /** A fresh page as the default identity, in the desktop window, with no other tab open. */
  @BeforeEach
  void freshPage() {
    for (String handle : driver.getWindowHandles()) {
      if (!handle.equals(mainWindow)) {
        driver.switchTo().window(handle).close();
      }
    }
    driver.switchTo().window(mainWindow);
    driver.get(stack.baseUri().toString());
    setViewport(DESKTOP);
    js("window.sessionStorage.clear();");
    driver.get(stack.baseUri().toString());
    waitForList();
  }

  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    snap(test.getTestMethod().map(method -> method.getName()).orElse("test"));
  }

  // ---- the tests ---------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void theSeededRowsShowAndAutomaticFilesSayIntegracao() throws IOException {
    assertThat(fileNames()).containsAll(ACME_DEMO_FILES).doesNotContain("banco_brasil.ret");
    assertThat(text(testId("list-count"))).isEqualTo("5 arquivos");

    for (WebElement row : rows()) {
      String user = row.findElement(testId("cell-user")).getText();
      if ("AUTOMATIC".equals(row.getDomAttribute("data-origin"))) {
        assertThat(user).as("user of an automatic file").isEqualTo("Integração");
      } else {
        assertThat(user).as("user of a manual file").isIn("Ana Souza", "Bruno Lima");
      }
    }
    WebElement caixa = row("caixa.ret");
    assertThat(caixa.getDomAttribute("data-origin")).isEqualTo("AUTOMATIC");
    assertThat(caixa.findElement(testId("cell-kind")).getText()).isEqualTo("Retorno de Cobrança\nCNAB 240");
    assertThat(caixa.findElement(testId("cell-bank")).getText()).contains("104").contains("Caixa");
    assertThat(caixa.findElement(testId("cell-items")).getText()).isEqualTo("9");
    assertThat(caixa.findElement(testId("cell-total")).getText()).isEqualTo("R$ 1.120,00"); // getText() turns the no-break space into a space
    assertThat(caixa.findElement(testId("cell-status")).getText()).startsWith("Processado");
    assertThat(caixa.findElement(testId("cell-received-at")).getText()).matches("(?s)\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}.*");
    WebElement itau = row("cobranca.itau.rem");
    assertThat(itau.findElement(testId("cell-kind")).getText()).startsWith("Remessa de Cobrança");
    assertThat(itau.findElement(testId("cell-user")).getText()).isEqualTo("Bruno Lima");
    assertThat(itau.findElement(testId("status-badge")).getText()).isEqualTo("Gerada");

    if (Boolean.getBoolean("bankhistory.docs.screenshot")) {
      waitUntil(d -> !text(testId("totals-note")).contains("Calculando"));
      Path target = LocalStackOptions.checkoutWebFolder().orElseThrow().resolveSibling("docs/images/history-page.png");
      Files.createDirectories(target.getParent());
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    }
  }

  @Test
  @Order(2)
  void aFilterNarrowsTheList() {
    int all = rows().size();
    // the bank filter lists the catalogue's banks (GET /banks), not only the banks of the loaded rows
    waitUntil(d -> new Select(d.findElement(testId("filter-bank"))).getOptions().stream()
        .anyMatch(o -> o.getText().equals("260 — Nubank")));
    assertThat(new Select(driver.findElement(testId("filter-bank"))).getOptions())
        .extracting(WebElement::getText).contains("104 — Caixa", "070 — BRB");

    new Select(driver.findElement(testId("filter-kind"))).selectByValue("REMESSA_COBRANCA");
    driver.findElement(testId("filters-apply")).click();

    waitUntil(d -> fileNames().equals(List.of("cobranca.itau.rem", "remessa-caixa-cnab240.rem")));
    assertThat(rows()).allSatisfy(row -> assertThat(row.getDomAttribute("data-kind")).isEqualTo("REMESSA_COBRANCA"));
    assertThat(rows().size()).isLessThan(all);
    assertThat(driver.getCurrentUrl()).contains("kind=REMESSA_COBRANCA");
    assertThat(text(testId("list-count"))).contains("2 arquivos").contains("1 filtro aplicado");

    WebElement fileName = driver.findElement(testId("filter-file-name"));
    fileName.sendKeys("COBRANCA.ITAU.REM");
    driver.findElement(testId("filters-apply")).click();
    waitUntil(d -> fileNames().equals(List.of("cobranca.itau.rem")));

    driver.findElement(testId("filters-clear")).click();
    waitUntil(d -> rows().size() == all);
    assertThat(driver.getCurrentUrl()).doesNotContain("kind=");
  }

  /**
   * The account alone finds the file whose header says agency 4459, account 17600. (The API matches
   * {@code account=4459/17600}; matching the account without its agency is the service's to do.)
   */
  @Test
  @Order(3)
  void theAccountFilterAloneFindsTheFile() {
    driver.findElement(testId("filter-account")).sendKeys("17600");
    driver.findElement(testId("filters-apply")).click();

    waitForList();
    assertThat(driver.getCurrentUrl()).contains("account=17600");
    waitUntil(d -> !fileNames().isEmpty() || "empty".equals(d.findElement(testId("list-state")).getDomAttribute("data-state")));
    assertThat(fileNames()).as("files of account 17600 (agency 4459)").containsExactly("cobranca.itau.rem");
  }

  /** The browser speaks en-US; the page's dates, typed and shown, are pt-BR all the same. */
  @Test
  @Order(4)
  void datesArePtBrWhateverTheBrowsersLanguage() {
    assertThat(js("return navigator.language;")).isEqualTo(Chromium.LOCALE);
    assertThat(driver.findElements(By.cssSelector("input[type='date']"))).as("no browser-formatted date field").isEmpty();
    WebElement from = driver.findElement(testId("filter-from"));
    WebElement to = driver.findElement(testId("filter-to"));
    assertThat(from.getDomAttribute("placeholder")).isEqualTo("dd/mm/aaaa");
    assertThat(to.getDomAttribute("placeholder")).isEqualTo("dd/mm/aaaa");

    LocalDate today = LocalDate.now(SAO_PAULO);
    String todayBr = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    from.sendKeys(todayBr.replace("/", "")); // the slashes come by themselves
    assertThat(from.getDomProperty("value")).isEqualTo(todayBr);
    driver.findElement(testId("filters-apply")).click();
    waitForList();
    assertThat(driver.getCurrentUrl()).contains("from=" + today); // the API's YYYY-MM-DD in the address
    assertThat(fileNames()).containsAll(ACME_DEMO_FILES); // all seeded today
    assertThat(rows()).allSatisfy(row -> assertThat(row.findElement(testId("cell-received-at")).getText())
        .startsWith(todayBr));

    // what comes back from the address is shown as it was typed
    driver.navigate().refresh();
    waitForList();
    assertThat(driver.findElement(testId("filter-from")).getDomProperty("value")).isEqualTo(todayBr);

    // a day that does not exist, and a period that ends before it starts, are refused in words
    WebElement toField = driver.findElement(testId("filter-to"));
    toField.sendKeys("31/02/2026");
    driver.findElement(testId("filters-apply")).click();
    assertThat(waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("filters-error"))).getText())
        .isEqualTo("Data inválida em “Até”: use dd/mm/aaaa, por exemplo 05/11/2026.");
    assertThat(toField.getDomAttribute("aria-invalid")).isEqualTo("true");
    toField.clear();
    toField.sendKeys(today.minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    driver.findElement(testId("filters-apply")).click();
    waitUntil(d -> text(testId("filters-error")).equals("A data inicial do período deve ser anterior ou igual à data final."));

    // from tomorrow on there is nothing yet
    driver.findElement(testId("filters-clear")).click();
    waitForList();
    driver.findElement(testId("filter-from")).sendKeys(today.plusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    driver.findElement(testId("filters-apply")).click();
    waitUntil(d -> "empty".equals(d.findElement(testId("list-state")).getDomAttribute("data-state")));
  }

  /** The totals of what is on screen, by kind, and the same in the CSV; figures checked by hand in the demo files. */
  @Test
  @Order(5)
  void theTotalsAreThoseOfTheFilteredList() throws Exception {
    new Select(driver.findElement(testId("filter-kind"))).selectByValue("RETORNO_COBRANCA");
    driver.findElement(testId("filters-apply")).click();
    waitUntil(d -> fileNames().size() == 3);

    WebElement totals = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("list-totals")));
    waitUntil(d -> !text(testId("totals-note")).contains("Calculando"));
    List<WebElement> lines = totals.findElements(testId("totals-row"));
    assertThat(lines).hasSize(1);
    WebElement retornos = lines.get(0);
    assertThat(retornos.getDomAttribute("data-kind")).isEqualTo("RETORNO_COBRANCA");
    // caixa.ret 9 titles R$ 1.120,00 (paid R$ 1.010,00, fees R$ 12,70); sicoob-example.ret 5, R$ 26,00 with
    // 3 entries rejected (R$ 14,00); CNAB240SICREDI.CRT 2, R$ 19,90, a fee of R$ 3,80
    assertThat(cellsOf(retornos)).containsExactly("Retorno de Cobrança", "3", "16", "R$ 1.165,90", "R$ 1.010,00", "3",
        "R$ 14,00", "R$ 16,50");
    // the same sums, computed here from the API's rows and details
    assertThat(cellsOf(retornos).subList(1, 8)).isEqualTo(expectedTotals("kind=RETORNO_COBRANCA"));

    driver.findElement(testId("action-export-csv")).click();
    Path csv = chromium.downloads().resolve("historico-integracoes-" + LocalDate.now(SAO_PAULO) + ".csv");
    await().atMost(WAIT).untilAsserted(() -> assertThat(csv).exists().isNotEmptyFile());
    List<String> csvLines = Files.readString(csv, StandardCharsets.UTF_8).lines().toList();
    assertThat(csvLines.get(0)).startsWith("\uFEFFData e hora;");
    int header = csvLines.indexOf("Tipo;Arquivos;Itens;Valor (R$);Pago (R$);Rejeitados;Valor rejeitado (R$);Tarifas (R$)");
    assertThat(header).as("totals header in the CSV").isEqualTo(1 + 3 + 2); // rows, a blank line, "Totais por tipo"
    assertThat(csvLines.get(header + 1)).isEqualTo("Retorno de Cobrança;3;16;1165,90;1010,00;3;14,00;16,50");
    String sicoob = csvLines.stream().filter(line -> line.contains(";sicoob-example.ret;")).findFirst().orElseThrow();
    assertThat(sicoob).contains(";5;26,00;0,00;3;14,00;0,00;");

    // with every kind on screen, one line per kind
    driver.findElement(testId("filters-clear")).click();
    waitUntil(d -> driver.findElements(testId("totals-row")).size() == 2);
    assertThat(driver.findElements(testId("totals-row")).stream().map(row -> row.getDomAttribute("data-kind")))
        .containsExactly("REMESSA_COBRANCA", "RETORNO_COBRANCA");
    WebElement remessas = driver.findElements(testId("totals-row")).get(0);
    assertThat(cellsOf(remessas)).containsExactly("Remessa de Cobrança", "2", "3", "R$ 499,90", "—", "—", "—", "—");
    Files.delete(csv);
  }

  @Test
  @Order(6)
  void theStatementAndTheFileActionsReturnTheRightContent() throws Exception {
    WebElement itau = row("cobranca.itau.rem");
    openMenu(itau);
    WebElement statement = driver.findElement(testId("action-statement"));
    assertThat(statement.getText()).isEqualTo("Visualizar o Extrato da Remessa");
    statement.click();

    String statementUrl = waitForDataset("lastStatementUrl");
    HttpResponse<byte[]> pdf = get(statementUrl);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    waitUntil(d -> d.getWindowHandles().size() == 2); // the PDF opened in a new tab
    assertThat(driver.getWindowHandle()).isEqualTo(mainWindow);

    openMenu(row("cobranca.itau.rem"));
    WebElement download = driver.findElement(testId("action-download"));
    assertThat(download.getText()).isEqualTo("Download do Arquivo de Remessa");
    download.click();

    String fileUrl = waitForDataset("lastFileUrl");
    HttpResponse<byte[]> txt = get(fileUrl);
    assertThat(txt.statusCode()).isEqualTo(200);
    assertThat(txt.headers().firstValue("content-disposition").orElse("")).startsWith("attachment")
        .contains("cobranca.itau.rem");
    assertThat(txt.body()).isEqualTo(demoBytes("acme/cobranca.itau.rem"));
    assertDownloaded("cobranca.itau.rem", demoBytes("acme/cobranca.itau.rem"));
  }

  /** The link of the admin email (read from the SES emulator) opens that record, on this stack's own port. */
  @Test
  @Order(7)
  void theEmailsLinkOpensTheRecord() throws Exception {
    String id = api(ANA, "integrations?fileName=caixa.ret").path("items").get(0).path("id").asText();
    String link = emailLink("caixa.ret");
    assertThat(link).isEqualTo(stack.baseUri() + "#/integrations/" + id);

    driver.get(link);
    WebElement dialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    waitUntil(d -> "false".equals(dialog.getDomAttribute("aria-busy")));
    assertThat(dialog.getDomAttribute("data-id")).isEqualTo(id);
    assertThat(text(testId("detail-title"))).isEqualTo("caixa.ret");
    assertThat(text(testId("detail-kind"))).isEqualToIgnoringCase("Retorno de Cobrança");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='detail-total-row'][data-category='PAID']")));
    snap("theEmailsLinkOpensTheRecord-detail");

    // closing it leaves the list, at the page's own address
    driver.findElement(testId("detail-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(dialog));
    waitForList();
    assertThat(driver.getCurrentUrl()).isEqualTo(stack.baseUri().toString());
    assertThat(fileNames()).containsAll(ACME_DEMO_FILES);

    // a record this company does not have says so
    driver.get(stack.baseUri() + "#/integrations/20200101000000000-000000000000");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-not-found")));
    assertThat(text(testId("detail-title"))).isEqualTo("Arquivo não encontrado");
  }

  /** Filters and the open record are history entries: Back and Forward walk them; the address can be shared. */
  @Test
  @Order(8)
  void backAndForwardWalkThroughFiltersAndRecords() {
    String home = driver.getCurrentUrl();
    new Select(driver.findElement(testId("filter-kind"))).selectByValue("REMESSA_COBRANCA");
    driver.findElement(testId("filters-apply")).click();
    waitUntil(d -> fileNames().equals(List.of("cobranca.itau.rem", "remessa-caixa-cnab240.rem")));
    String filtered = driver.getCurrentUrl();

    row("cobranca.itau.rem").findElement(testId("row-open-detail")).click();
    WebElement dialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    String id = row("cobranca.itau.rem").getDomAttribute("data-id");
    waitUntil(d -> d.getCurrentUrl().endsWith("#/integrations/" + id));
    String record = driver.getCurrentUrl();
    assertThat(record).startsWith(filtered.replaceAll("#.*$", "")).contains("kind=REMESSA_COBRANCA");

    driver.navigate().back();
    waitUntil(ExpectedConditions.invisibilityOf(dialog));
    assertThat(driver.getCurrentUrl()).isEqualTo(filtered);
    assertThat(fileNames()).containsExactly("cobranca.itau.rem", "remessa-caixa-cnab240.rem");

    driver.navigate().back();
    waitUntil(d -> fileNames().containsAll(ACME_DEMO_FILES));
    assertThat(driver.getCurrentUrl()).isEqualTo(home);
    assertThat(new Select(driver.findElement(testId("filter-kind"))).getFirstSelectedOption().getDomAttribute("value")).isEmpty();

    driver.navigate().forward();
    waitUntil(d -> fileNames().equals(List.of("cobranca.itau.rem", "remessa-caixa-cnab240.rem")));
    assertThat(new Select(driver.findElement(testId("filter-kind"))).getFirstSelectedOption().getText())
        .isEqualTo("Remessa de Cobrança");

    driver.navigate().forward();
    waitUntil(ExpectedConditions.visibilityOf(dialog));
    waitUntil(d -> id.equals(dialog.getDomAttribute("data-id")) && "cobranca.itau.rem".equals(text(testId("detail-title"))));

    // the address, opened anew (a shared link), shows the same: the filtered list and the record
    driver.get("about:blank");
    driver.get(record);
    WebElement again = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    waitUntil(d -> id.equals(again.getDomAttribute("data-id")));
    waitForList();
    assertThat(fileNames()).containsExactly("cobranca.itau.rem", "remessa-caixa-cnab240.rem");
    driver.findElement(testId("detail-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(again));
    assertThat(driver.getCurrentUrl()).isEqualTo(filtered);
  }

  @Test
  @Order(9)
  void theMainFlowWorksByKeyboardAlone() throws Exception {
    // Filter: Tab to the file name field, type, Enter submits.
    tabUntil(element -> "filter-file-name".equals(element.getDomAttribute("data-testid")), 40);
    keys("caixa.ret", Keys.ENTER);
    waitUntil(d -> fileNames().equals(List.of("caixa.ret")));

    // The row's menu button: Tab reaches it, its focus is visible, Enter opens the menu on its first item.
    WebElement menuButton = tabUntil(element -> "row-actions".equals(element.getDomAttribute("data-testid")), 40);
    assertThat(row("caixa.ret").findElement(testId("row-actions"))).isEqualTo(menuButton);
    assertThat(js("const s = getComputedStyle(document.activeElement);"
        + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;")).as("visible focus").isEqualTo(true);
    keys(Keys.ENTER);
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("row-actions-menu")));
    assertThat(menuButton.getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(activeTestId()).isEqualTo("action-detail");

    // Arrow keys move through the items; Enter on "Download" downloads the TXT and focus returns to the button.
    keys(Keys.ARROW_DOWN);
    assertThat(activeTestId()).isEqualTo("action-statement");
    keys(Keys.ARROW_DOWN);
    assertThat(activeTestId()).isEqualTo("action-download");
    keys(Keys.ENTER);
    String fileUrl = waitForDataset("lastFileUrl");
    assertThat(get(fileUrl).body()).isEqualTo(demoBytes("acme/caixa.ret"));
    assertDownloaded("caixa.ret", demoBytes("acme/caixa.ret"));
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(testId("row-actions-menu")));
    waitUntil(d -> menuButton.equals(d.switchTo().activeElement()));

    // Space opens the menu too; Escape closes it back onto the button.
    keys(Keys.SPACE);
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("row-actions-menu")));
    keys(Keys.ESCAPE);
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(testId("row-actions-menu")));
    assertThat(driver.switchTo().activeElement()).isEqualTo(menuButton);

    // Details: Space, Enter on the first item; the dialog takes focus and keeps it; Escape closes it.
    keys(Keys.SPACE);
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("row-actions-menu")));
    keys(Keys.ENTER);
    WebElement dialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    waitUntil(d -> "false".equals(dialog.getDomAttribute("aria-busy")));
    assertThat(activeTestId()).isEqualTo("detail-close");
    assertThat(text(testId("detail-title"))).isEqualTo("caixa.ret");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-totals")));
    for (int i = 0; i < 5; i++) {
      keys(Keys.TAB);
      assertThat(js("return arguments[0].contains(document.activeElement);", dialog)).as("focus stays in the dialog")
          .isEqualTo(true);
    }
    keys(Keys.ESCAPE);
    waitUntil(ExpectedConditions.invisibilityOf(dialog));
    waitUntil(d -> menuButton.equals(d.switchTo().activeElement()));
  }

  /** Axe-core on the list, the row menu, the detail, the dialogs, a filter error and the phone layout. */
  @Test
  @Order(10)
  void axeFindsNoSeriousOrCriticalViolation() throws Exception {
    Map<String, List<String>> found = new LinkedHashMap<>();
    found.put("list", Axe.blockingViolations(driver));

    openMenu(row("cobranca.itau.rem"));
    found.put("row menu", Axe.blockingViolations(driver));
    keys(Keys.ESCAPE);

    row("caixa.ret").findElement(testId("row-open-detail")).click();
    WebElement detail = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    waitUntil(d -> "false".equals(detail.getDomAttribute("aria-busy")));
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-items-table")));
    found.put("detail", Axe.blockingViolations(driver));
    driver.findElement(testId("detail-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(detail));

    openMenu(row("cobranca.itau.rem"));
    driver.findElement(testId("action-cancel")).click();
    WebElement cancel = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("action-dialog")));
    driver.findElement(testId("action-dialog-confirm")).click(); // the error state too
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("action-dialog-error")));
    found.put("cancel dialog", Axe.blockingViolations(driver));
    driver.findElement(testId("action-dialog-back")).click();
    waitUntil(ExpectedConditions.invisibilityOf(cancel));

    driver.findElement(testId("action-import")).click();
    WebElement upload = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("upload-dialog")));
    found.put("import dialog", Axe.blockingViolations(driver));
    driver.findElement(testId("upload-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(upload));

    driver.findElement(testId("filter-from")).sendKeys("99/99/9999");
    driver.findElement(testId("filters-apply")).click();
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("filters-error")));
    found.put("filters with an error", Axe.blockingViolations(driver));

    setViewport(new Dimension(360, 740));
    driver.get(stack.baseUri().toString());
    waitForList();
    found.put("list at 360 px", Axe.blockingViolations(driver));

    found.values().removeIf(List::isEmpty);
    assertThat(found).as(() -> "axe-core violations of impact serious or critical:\n" + found.entrySet().stream()
        .map(entry -> "[" + entry.getKey() + "]\n  " + String.join("\n  ", entry.getValue()))
        .collect(Collectors.joining("\n"))).isEmpty();
  }

  @Test
  @Order(11)
  void cancellingARemessaChangesItsStatus() throws Exception {
    String name = "remessa-caixa-cnab240.rem";
    WebElement remessa = row(name);
    String id = remessa.getDomAttribute("data-id");
    assertThat(remessa.getDomAttribute("data-status")).isEqualTo("GENERATED");

    openMenu(remessa);
    WebElement cancel = driver.findElement(testId("action-cancel"));
    assertThat(cancel.getDomAttribute("aria-disabled")).isNull();
    cancel.click();
    WebElement dialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("action-dialog")));
    assertThat(dialog.getDomAttribute("data-action")).isEqualTo("cancel");
    assertThat(text(testId("action-dialog-title"))).isEqualTo("Cancelar esta remessa");
    assertThat(text(testId("action-dialog-file"))).isEqualTo(name);

    driver.findElement(testId("action-dialog-confirm")).click(); // no reason yet
    assertThat(waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("action-dialog-error"))).getText())
        .isEqualTo("Informe o motivo do cancelamento.");
    WebElement reason = driver.findElement(testId("action-dialog-reason"));
    reason.sendKeys("ok"); // the API wants at least 3 characters
    driver.findElement(testId("action-dialog-confirm")).click();
    waitUntil(d -> text(testId("action-dialog-error")).equals("O motivo precisa ter ao menos 3 caracteres."));
    assertThat(reason.getDomAttribute("aria-invalid")).isEqualTo("true");
    reason.clear();
    reason.sendKeys("Gerada em duplicidade");
    driver.findElement(testId("action-dialog-confirm")).click();

    waitUntil(ExpectedConditions.invisibilityOf(dialog));
    waitUntil(d -> "CANCELLED".equals(row(name).getDomAttribute("data-status")));
    assertThat(row(name).findElement(testId("status-badge")).getText()).isEqualTo("Cancelada");
    assertThat(text(testId("app-message"))).isEqualTo("Remessa cancelada. Os títulos ficam liberados para uma nova remessa.");

    openMenu(row(name));
    assertThat(driver.findElement(testId("action-cancel")).getDomAttribute("aria-disabled")).isEqualTo("true");
    assertThat(driver.findElement(testId("action-cancel-reason")).getText()).isEqualTo("Esta remessa já está cancelada.");
    keys(Keys.ESCAPE);

    JsonNode detail = api(ANA, "integrations/" + id);
    assertThat(detail.path("status").asText()).isEqualTo("CANCELLED");
    JsonNode last = detail.path("statusHistory").get(detail.path("statusHistory").size() - 1);
    assertThat(last.path("to").asText()).isEqualTo("CANCELLED");
    assertThat(last.path("reason").asText()).isEqualTo("Gerada em duplicidade");

    // The detail panel tells who cancelled it, and why.
    row(name).findElement(testId("row-open-detail")).click();
    WebElement panel = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    WebElement entry = waitUntil(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid='detail-history-entry'][data-status='CANCELLED']")));
    assertThat(entry.getText()).contains("Cancelada").contains("por Ana Souza").contains("Motivo: Gerada em duplicidade");
    assertThat(driver.findElement(testId("detail-cancel")).getDomAttribute("aria-disabled")).isEqualTo("true");
    js("arguments[0].scrollIntoView({block: 'center'});", entry);
    snap("cancellingARemessaChangesItsStatus-detail");
    driver.findElement(testId("detail-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(panel));

    driver.get(stack.baseUri().toString()); // still cancelled after a reload
    waitForList();
    assertThat(row(name).getDomAttribute("data-status")).isEqualTo("CANCELLED");
  }

  @Test
  @Order(12)
  void anImportedFileAppearsWithoutReloadingWithTheUsersName() throws Exception {
    switchIdentity("acme", "carla", "user");
    assertThat(text(testId("identity-current"))).isEqualTo("Carla Dias (Usuário) · acme");
    String name = "RETORNO-BB-importado.ret"; // globex's demo retorno: new to acme, so not a duplicate
    Path file = Files.write(work.resolve(name), demoBytes("globex/banco_brasil.ret"));
    js("window.__sameDocument = true;");

    driver.findElement(testId("action-import")).click();
    WebElement dialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("upload-dialog")));
    driver.findElement(testId("upload-file")).sendKeys(file.toAbsolutePath().toString());
    driver.findElement(testId("upload-submit")).click();

    WebElement imported = new WebDriverWait(driver, Duration.ofSeconds(30), POLL)
        .until(d -> d.findElements(rowLocator(name)).stream().findFirst().orElse(null));
    assertThat(js("return window.__sameDocument === true;")).as("no page reload").isEqualTo(true);
    assertThat(imported.findElement(testId("cell-user")).getText()).isEqualTo("Carla Dias");
    assertThat(imported.getDomAttribute("data-origin")).isEqualTo("MANUAL");
    assertThat(imported.getDomAttribute("data-kind")).isEqualTo("RETORNO_COBRANCA");
    assertThat(imported.getDomAttribute("data-status")).isEqualTo("PROCESSED");
    assertThat(imported.findElement(testId("cell-bank")).getText()).contains("001");
    assertThat(fileNames().get(0)).as("the new record is at the top").isEqualTo(name);
    assertThat(text(testId("upload-status"))).startsWith("Arquivo " + name + " importado");
    assertThat(driver.findElement(testId("upload-progress")).getDomProperty("value")).isEqualTo("100");
    driver.findElement(testId("upload-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(dialog));

    JsonNode listed = api(ANA, "integrations?fileName=" + name);
    assertThat(listed.path("items")).hasSize(1);
    assertThat(listed.path("items").get(0).path("userName").asText()).isEqualTo("Carla Dias");
  }

  @Test
  @Order(13)
  void theListIsUsableAt360PixelsWideWithTheFirstFileInTheFirstScreen() throws IOException {
    setViewport(new Dimension(360, 740));
    driver.get(stack.baseUri().toString());
    waitForList();
    assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(360);

    // the filters are folded, so the first file is on the first screen, without scrolling
    assertThat(driver.findElement(testId("filters-toggle")).getDomAttribute("aria-expanded")).isEqualTo("false");
    assertThat(driver.findElement(testId("filters-form")).isDisplayed()).isFalse();
    assertThat(((Number) js("return window.scrollY;")).intValue()).isZero();
    WebElement firstName = rows().get(0).findElement(testId("row-open-detail"));
    assertThat(inFirstScreen(firstName)).as("the first file's name within the first 740 px").isTrue();
    assertThat(inFirstScreen(rows().get(0).findElement(testId("cell-received-at")))).as("and its date").isTrue();
    snap("theListIsUsableAt360PixelsWide-firstScreen");

    driver.findElement(testId("filters-toggle")).click();
    assertThat(driver.findElement(testId("filters-form")).isDisplayed()).isTrue();
    assertThat(fitsHorizontally(driver.findElement(testId("filter-from")))).isTrue();

    assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
        .as("horizontal page scroll").isLessThanOrEqualTo(0);
    List<WebElement> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(ACME_DEMO_FILES.size());
    js("arguments[0].scrollIntoView({block: 'start'});", rows.get(0));
    for (WebElement row : rows) {
      assertThat(fitsHorizontally(row)).as("row %s within the viewport", row.getDomAttribute("data-id")).isTrue();
      assertThat(row.findElement(testId("cell-user")).isDisplayed()).isTrue();
      assertThat(row.findElement(testId("row-actions")).isDisplayed()).isTrue();
    }

    WebElement first = rows.get(0);
    openMenu(first);
    assertThat(fitsHorizontally(driver.findElement(testId("row-actions-menu")))).as("menu within the viewport").isTrue();
    driver.findElement(testId("action-detail")).click();
    WebElement dialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    waitUntil(d -> "false".equals(dialog.getDomAttribute("aria-busy")));
    waitUntil(d -> fitsHorizontally(dialog)); // once it has slid in
    driver.findElement(testId("detail-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(dialog));
    js("arguments[0].scrollIntoView({block: 'start'});", rows().get(0));
  }

  /**
   * Files that are not CNAB (empty, binary, text) and a duplicate, dropped by the bank: the rows say what
   * they are in words, with no internal code; the duplicate shows no zeros, and its detail opens the first file.
   */
  @Test
  @Order(14)
  void nonCnabAndDuplicateRowsSayWhatTheyAreInWords() throws Exception {
    Path globex = stack.dropRoot().resolve("globex");
    Files.write(globex.resolve("VAZIO.RET"), new byte[0]);
    Files.write(globex.resolve("LIXO.BIN"), new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0, 7, 8, 9, 10});
    Files.writeString(globex.resolve("leia-me.txt"), "Bom dia, segue o arquivo.\r\n");
    Files.write(globex.resolve("banco_brasil-reenvio.ret"), demoBytes("globex/banco_brasil.ret"));
    List<String> dropped = List.of("VAZIO.RET", "LIXO.BIN", "leia-me.txt", "banco_brasil-reenvio.ret");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(api(GLOBEX, "integrations?limit=100").path("items").findValuesAsText("fileName")).containsAll(dropped));

    switchIdentity("globex", "ana", "admin");
    assertThat(fileNames()).containsAll(dropped);
    for (String name : List.of("VAZIO.RET", "LIXO.BIN", "leia-me.txt")) {
      WebElement row = row(name);
      assertThat(row.findElement(testId("cell-kind")).getText()).as(name).isEqualTo("Outro arquivo\nNão é CNAB");
      assertThat(row.findElement(testId("cell-items")).getText()).as(name).isEqualTo("—");
      assertThat(row.findElement(testId("cell-total")).getText()).as(name).isEqualTo("—");
    }
    assertThat(row("VAZIO.RET").findElement(testId("status-badge")).getText()).isEqualTo("Rejeitado");
    // a copy under another name is held as a possible duplicate, pointing at the first
    WebElement held = row("banco_brasil-reenvio.ret");
    assertThat(held.findElement(testId("status-badge")).getText()).isEqualTo("Possível duplicado");
    assertThat(held.findElement(testId("cell-duplicate-of")).getText()).contains("retido");
    assertThat(text(testId("history-rows"))).as("no internal code on screen")
        .doesNotContainPattern("\\b(NOT_CNAB|OTHER|REJECTED|DUPLICATE|POSSIBLE_DUPLICATE|OTHER_BANK_FILE|AUTOMATIC|MANUAL|RETORNO_COBRANCA|CNAB240)\\b");

    held.findElement(testId("row-open-detail")).click();
    WebElement dialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    WebElement note = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-duplicate")));
    assertThat(note.getText()).contains("banco_brasil.ret");
    assertThat(text(testId("detail-dialog"))).doesNotContainPattern("\\b(NOT_CNAB|DUPLICATE|POSSIBLE_DUPLICATE|AUTOMATIC|CNAB240)\\b");
    snap("nonCnabAndDuplicateRowsSayWhatTheyAreInWords-detail");
    String firstId = row("banco_brasil.ret").getDomAttribute("data-id");
    driver.findElement(testId("detail-duplicate-of")).click();
    waitUntil(d -> firstId.equals(dialog.getDomAttribute("data-id")) && "banco_brasil.ret".equals(text(testId("detail-title"))));
    assertThat(driver.getCurrentUrl()).endsWith("#/integrations/" + firstId);
    driver.navigate().back(); // back to the held copy
    waitUntil(d -> "banco_brasil-reenvio.ret".equals(text(testId("detail-title"))));
    driver.findElement(testId("detail-close")).click();
    waitUntil(ExpectedConditions.invisibilityOf(dialog));
    assertThat(driver.getCurrentUrl()).doesNotContain("#");

    // the same bytes again, when there is nothing to decide about them (not a CNAB file), are a plain duplicate:
    // recorded, pointing at the first, not read again (the drop folder gives the second copy a name of its own)
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(globex.resolve(".done").resolve("leia-me.txt")));
    Files.writeString(globex.resolve("leia-me.txt"), "Bom dia, segue o arquivo.\r\n");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(api(GLOBEX, "integrations?limit=100&status=DUPLICATE").path("items").findValuesAsText("fileName"))
            .anyMatch(name -> name.startsWith("leia-me")));
    driver.navigate().refresh();
    WebElement duplicate = waitUntil(d -> d.findElements(By.cssSelector("[data-testid='history-row']")).stream()
        .filter(r -> r.findElement(testId("row-open-detail")).getText().startsWith("leia-me"))
        .filter(r -> r.findElement(testId("status-badge")).getText().equals("Duplicado")).findFirst().orElse(null));
    assertThat(duplicate.findElement(testId("cell-duplicate-of")).getText()).isEqualTo("não processado de novo");
    assertThat(duplicate.findElement(testId("cell-items")).getText()).isEqualTo("—");
    assertThat(duplicate.findElement(testId("cell-total")).getText()).isEqualTo("—");

    WebElement empty = row("VAZIO.RET");
    empty.findElement(testId("row-open-detail")).click();
    WebElement emptyDialog = waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("detail-dialog")));
    waitUntil(d -> "false".equals(emptyDialog.getDomAttribute("aria-busy")));
    assertThat(text(testId("detail-summary"))).contains("Não é CNAB").doesNotContain("NOT_CNAB");
    assertThat(text(testId("detail-findings"))).contains("Arquivo vazio");
  }

  @Test
  @Order(15)
  void anotherTenantSeesNoneOfIt() throws Exception {
    JsonNode acme = api(ANA, "integrations?limit=100").path("items");
    Set<String> acmeIds = new HashSet<>();
    Set<String> acmeNames = new HashSet<>();
    acme.forEach(item -> {
      acmeIds.add(item.path("id").asText());
      acmeNames.add(item.path("fileName").asText());
    });
    assertThat(acmeNames).containsAll(ACME_DEMO_FILES);

    switchIdentity("globex", "ana", "admin");
    waitUntil(d -> fileNames().contains("banco_brasil.ret"));
    assertThat(fileNames()).doesNotContainAnyElementsOf(acmeNames);
    assertThat(rows().stream().map(row -> row.getDomAttribute("data-id"))).doesNotContainAnyElementsOf(acmeIds);

    // Looking for an acme file by name finds nothing either.
    driver.get(stack.baseUri() + "?fileName=caixa.ret");
    waitForList();
    assertThat(driver.findElement(testId("list-state")).getDomAttribute("data-state")).isEqualTo("empty");
    assertThat(text(testId("list-state-message"))).isEqualTo("Nenhum arquivo encontrado.");
    assertThat(text(testId("identity-current"))).endsWith("· globex");
    // and the API does not open acme's records to a globex token
    LocalIdentity globexAdmin = new LocalIdentity("globex", "ana", "Ana Souza", true);
    assertThat(status(globexAdmin, "integrations/" + acmeIds.iterator().next())).isEqualTo(404);
  }

  // ---- page helpers -------------------------------------------------------------------------------------

  /** The text of a row's header and cells, in order. */
  private static List<String> cellsOf(WebElement row) {
    return row.findElements(By.cssSelector("th, td")).stream().map(cell -> cell.getText().strip()).toList();
  }

  /**
   * The totals line the page should show for an API filter, summed here from the API's rows and each
   * retorno's totals by category: files, items, total, paid, rejected count and amount, fees.
   */
  private static List<String> expectedTotals(String query) throws IOException, InterruptedException {
    long files = 0;
    long items = 0;
    long amount = 0;
    long paid = 0;
    long rejected = 0;
    long rejectedAmount = 0;
    long fees = 0;
    for (JsonNode row : api(ANA, "integrations?limit=100&" + query).path("items")) {
      files++;
      items += row.path("itemCount").asLong();
      amount += row.path("totalAmountCents").asLong();
      paid += row.path("totalPaidCents").asLong();
      JsonNode totals = api(ANA, "integrations/" + row.path("id").asText()).path("totals");
      for (java.util.Iterator<Map.Entry<String, JsonNode>> it = totals.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> category = it.next();
        fees += category.getValue().path("feeCents").asLong();
        if (category.getKey().endsWith("_REJECTED")) {
          rejected += category.getValue().path("count").asLong();
          rejectedAmount += category.getValue().path("amountCents").asLong();
        }
      }
    }
    return List.of(String.valueOf(files), String.valueOf(items), reais(amount), reais(paid), String.valueOf(rejected),
        reais(rejectedAmount), reais(fees));
  }

  /** Cents as the page shows them (getText() turns the no-break space into a space). */
  private static String reais(long cents) {
    java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00",
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("pt-BR")));
    return "R$ " + format.format(cents / 100.0);
  }

  /** The link to the record in the admin email about a file, as the SES emulator received it. */
  private static String emailLink(String fileName) throws IOException {
    for (JsonNode email : JSON.readTree(stack.aws().sesInbox().storeJson()).path("emails")) {
      if (email.path("subject").asText().contains(fileName)) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://\\S+#/integrations/\\S+")
            .matcher(email.path("body").path("text").asText());
        assertThat(link.find()).as("a record link in the email about " + fileName).isTrue();
        return link.group();
      }
    }
    throw new AssertionError("no email about " + fileName);
  }

  /** Whether the element is entirely within the first screen (the viewport, before any scrolling). */
  private static boolean inFirstScreen(WebElement element) {
    return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
        + "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", element);
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  private static By rowLocator(String fileName) {
    return By.xpath("//tr[@data-testid='history-row'][.//*[@data-testid='row-open-detail' and normalize-space(.)='"
        + fileName + "']]");
  }

  private static List<WebElement> rows() {
    return driver.findElements(testId("history-row"));
  }

  private static WebElement row(String fileName) {
    List<WebElement> found = driver.findElements(rowLocator(fileName));
    assertThat(found).as("rows for " + fileName).hasSize(1);
    return found.get(0);
  }

  private static List<String> fileNames() {
    return driver.findElements(By.cssSelector("[data-testid='history-row'] [data-testid='row-open-detail']"))
        .stream().map(WebElement::getText).toList();
  }

  private static String text(By locator) {
    return driver.findElement(locator).getText().strip();
  }

  /** Until the list is out of its loading state (rows, empty or an error shown). */
  private static void waitForList() {
    waitUntil(d -> {
      String state = d.findElement(testId("list-state")).getDomAttribute("data-state");
      return !"loading".equals(state) && !"loading-more".equals(state)
          && "false".equals(d.findElement(testId("history-table")).getDomAttribute("aria-busy"));
    });
    assertThat(driver.findElement(testId("list-state")).getDomAttribute("data-state")).isIn("ready", "empty");
  }

  private static <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT, POLL).until(condition);
  }

  private static void openMenu(WebElement row) {
    row.findElement(testId("row-actions")).click();
    waitUntil(ExpectedConditions.visibilityOfElementLocated(testId("row-actions-menu")));
  }

  private static String waitForDataset(String name) {
    return waitUntil(d -> {
      Object value = js("return document.documentElement.dataset[arguments[0]] || null;", name);
      return value == null ? null : value.toString();
    });
  }

  /** Switches the local identity with the identity bar and waits for the new list. */
  private static void switchIdentity(String tenant, String user, String role) {
    page.switchIdentity(tenant, user, role);
    waitForList();
  }

  /** Saves what the browser shows as {@code target/screenshots/HistoryPageBrowserTest/<name>.png}. */
  private static void snap(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  private static void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Presses Tab until the focused element satisfies the test; fails after {@code max} presses. */
  private static WebElement tabUntil(Predicate<WebElement> test, int max) {
    List<String> path = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      keys(Keys.TAB);
      WebElement active = driver.switchTo().activeElement();
      if (test.test(active)) {
        return active;
      }
      path.add(describe(active));
    }
    throw new AssertionError("not reached with " + max + " Tab presses; focus went through " + path);
  }

  private static String activeTestId() {
    return driver.switchTo().activeElement().getDomAttribute("data-testid");
  }

  private static String describe(WebElement element) {
    String id = element.getDomAttribute("data-testid");
    return element.getTagName() + (id == null || id.isEmpty() ? "#" + element.getDomAttribute("id") : "[" + id + "]");
  }

  /** Whether the element is entirely within the visible width (the viewport without its scrollbar). */
  private static boolean fitsHorizontally(WebElement element) {
    return page.fitsHorizontally(element);
  }

  /** Sizes the window so that the page's viewport (window.innerWidth x innerHeight) is exactly that. */
  private static void setViewport(Dimension viewport) {
    page.setViewport(viewport);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static void assertDownloaded(String fileName, byte[] expected) {
    Path file = chromium.downloads().resolve(fileName);
    await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
        assertThat(file).as("downloaded by the browser").exists().hasBinaryContent(expected));
  }

  // ---- HTTP helpers -------------------------------------------------------------------------------------

  private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode api(LocalIdentity identity, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(apiRequest(identity, path), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int status(LocalIdentity identity, String path) throws IOException, InterruptedException {
    return HTTP.send(apiRequest(identity, path), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpRequest apiRequest(LocalIdentity identity, String path) {
    return HttpRequest.newBuilder(stack.baseUri().resolve("api/" + path))
        .header("Authorization", "Bearer " + stack.mintToken(identity))
        .header("Accept", "application/json").GET().build();
  }

  private static byte[] demoBytes(String resource) throws IOException {
    try (InputStream in = HistoryPageBrowserTest.class.getResourceAsStream("/demo/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String describeProcess(ProcessHandle process) {
    return process.pid() + " " + process.info().commandLine().orElse("?");
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
