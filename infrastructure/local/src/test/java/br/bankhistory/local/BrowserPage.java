package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The history page as the browser tests handle it: elements by their {@code data-testid}, waits on what the page
 * says (never sleeps), the list's rows by file name, the detail panel, the local identity bar and the viewport.
 */
final class BrowserPage {

  static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);

  private final ChromeDriver driver;

  BrowserPage(ChromeDriver driver) {
    this.driver = driver;
  }

  static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  WebElement find(String testId) {
    return driver.findElement(testId(testId));
  }

  String text(String testId) {
    return find(testId).getText().strip();
  }

  /** Waits for the condition; an element the page re-rendered meanwhile (stale) is looked for again. */
  <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT, POLL).ignoring(StaleElementReferenceException.class).until(condition);
  }

  /** Clicks what the lookup finds; an element the page re-rendered meanwhile (stale) is looked for again. */
  void click(Function<? super WebDriver, WebElement> lookup) {
    waitUntil(d -> {
      lookup.apply(d).click();
      return true;
    });
  }

  WebElement visible(String testId) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
  }

  /** Waits until the element's text is exactly {@code expected} (stripped); answers the element. */
  WebElement waitForText(String testId, String expected) {
    waitUntil(d -> d.findElements(testId(testId)).stream().anyMatch(e -> e.getText().strip().equals(expected)));
    return find(testId);
  }

  /** The page at the stack's address, as the default identity (acme / Ana Souza / Administrador), in that viewport. */
  void fresh(String url, Dimension viewport) {
    driver.get(url);
    setViewport(viewport);
    js("window.sessionStorage.clear();");
    driver.get(url);
    waitForList();
  }

  void waitForList() {
    waitUntil(d -> {
      String state = d.findElement(testId("list-state")).getDomAttribute("data-state");
      return !"loading".equals(state) && !"loading-more".equals(state)
          && "false".equals(d.findElement(testId("history-table")).getDomAttribute("aria-busy"));
    });
  }

  /** The history row of that file name (exactly one). */
  WebElement row(String fileName) {
    List<WebElement> found = driver.findElements(By.xpath("//tr[@data-testid='history-row'][.//*[@data-testid="
        + "'row-open-detail' and normalize-space(.)='" + fileName + "']]"));
    assertThat(found).as("rows for " + fileName).hasSize(1);
    return found.get(0);
  }

  /** Waits for the open detail panel to show that file, read from the API. */
  WebElement detailOf(String fileName) {
    WebElement dialog = visible("detail-dialog");
    waitUntil(d -> "false".equals(dialog.getDomAttribute("aria-busy")) && fileName.equals(text("detail-title")));
    return dialog;
  }

  /** Closes the detail panel and waits for the address to leave the record (Back to where it was opened). */
  void closeDetail() {
    WebElement dialog = find("detail-dialog");
    find("detail-close").click();
    waitUntil(ExpectedConditions.invisibilityOf(dialog));
    waitUntil(d -> !d.getCurrentUrl().contains("#/integrations/"));
  }

  /** Switches the local identity with the identity bar and waits for the new list. */
  void switchIdentity(String tenant, String user, String role) {
    String before = text("identity-current");
    new Select(find("identity-tenant")).selectByValue(tenant);
    new Select(find("identity-user")).selectByValue(user);
    new Select(find("identity-role")).selectByValue(role);
    find("identity-apply").click();
    waitUntil(d -> !text("identity-current").equals(before));
    waitForList();
  }

  /** Whether the element is entirely within the visible width (the viewport without its scrollbar). */
  boolean fitsHorizontally(WebElement element) {
    return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
        + "return r.width > 0 && r.left >= -0.5 && r.right <= document.documentElement.clientWidth + 0.5;", element);
  }

  /**
   * The data-id of every shown element with that test id that is not entirely within the visible width, read
   * in one script so that a list rendered again meanwhile cannot leave a stale element behind; null while no
   * such element is shown.
   */
  List<Object> shownOutsideWidth(String testId) {
    @SuppressWarnings("unchecked")
    List<Object> outside = (List<Object>) js("const shown = [...document.querySelectorAll("
        + "'[data-testid=\"' + arguments[0] + '\"]')].filter(e => e.getClientRects().length > 0);"
        + "if (shown.length === 0) return null;"
        + "const width = document.documentElement.clientWidth;"
        + "return shown.filter(e => { const r = e.getBoundingClientRect();"
        + "  return !(r.width > 0 && r.left >= -0.5 && r.right <= width + 0.5); })"
        + ".map(e => e.getAttribute('data-id'));", testId);
    return outside;
  }

  /** How far the page scrolls sideways (0 or less: not at all). */
  int horizontalScroll() {
    return ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue();
  }

  /** Sizes the window so that the page's viewport (window.innerWidth x innerHeight) is exactly that. */
  void setViewport(Dimension viewport) {
    driver.manage().window().setSize(viewport);
    Dimension window = driver.manage().window().getSize();
    int width = ((Number) js("return window.innerWidth;")).intValue();
    int height = ((Number) js("return window.innerHeight;")).intValue();
    if (width != viewport.getWidth() || height != viewport.getHeight()) {
      driver.manage().window().setSize(new Dimension(window.getWidth() + viewport.getWidth() - width,
          window.getHeight() + viewport.getHeight() - height));
    }
  }

  /** Saves what the browser shows as {@code <folder>/<the test method's name>.png}. */
  void screenshot(Path folder, TestInfo test) {
    screenshot(folder, test.getTestMethod().map(m -> m.getName()).orElse("test"));
  }

  /** Saves what the browser shows as {@code <folder>/<name>.png}. */
  void screenshot(Path folder, String name) {
    try {
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
