package br.bankhistory.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (both from {@code /usr/bin}; Selenium Manager
 * is never asked to download anything), with a fresh profile, downloads going to a given folder and an
 * en-US locale: the page is pt-BR whatever the browser's language, and the tests see what an en-US user sees.
 * {@link #close()} quits the browser and stops the driver.
 */
final class Chromium implements AutoCloseable {

  /** Debian's paths; {@code -Dbankhistory.chromium=...} and {@code -Dbankhistory.chromedriver=...} name others. */
  static final Path BINARY = Path.of(System.getProperty("bankhistory.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("bankhistory.chromedriver", "/usr/bin/chromedriver"));
  static final String INSTALL_HINT = "The browser tests need Debian's Chromium and chromedriver in /usr/bin. Install them "
      + "with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium chromium-driver. "
      + ".ci/run installs them on CI.";

  /** The browser's language: not the page's, on purpose. */
  static final String LOCALE = "en-US";

  /** Selenium 4.49 knows CDP up to 153; Debian's Chromium is newer. Harmless (no CDP is used here): quiet it. */
  private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path downloads;

  private Chromium(ChromeDriverService service, ChromeDriver driver, Path downloads) {
    this.service = service;
    this.driver = driver;
    this.downloads = downloads;
  }

  /**
   * Starts the driver and a browser window of the given size. Fails, never skips, when Chromium or
   * chromedriver is missing: the message says how to install them.
   */
  static Chromium start(Path workDir, Dimension windowSize) {
    requireInstalled();
    Path profile = directory(workDir.resolve("profile"));
    Path downloads = directory(workDir.resolve("downloads"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        // Chromium on Linux takes its UI locale (and the browser's own date formats) from the environment.
        .withEnvironment(Map.of("LANGUAGE", "en_US", "LANG", "en_US.UTF-8"))
        .withLogFile(new File(workDir.toFile(), "chromedriver.log"))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--lang=" + LOCALE, "--user-data-dir=" + profile,
        "--window-size=" + windowSize.getWidth() + "," + windowSize.getHeight());
    options.setExperimentalOption("prefs", Map.of(
        "intl.accept_languages", LOCALE,
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "profile.default_content_setting_values.automatic_downloads", 1));
    options.setPageLoadTimeout(Duration.ofSeconds(20));
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw e;
    }
    driver.manage().window().setSize(windowSize);
    return new Chromium(service, driver, downloads);
  }

  /** Fails, with how to install them, when Chromium or chromedriver is missing. */
  static void requireInstalled() {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException((Files.isExecutable(BINARY) ? DRIVER : BINARY) + " is missing. " + INSTALL_HINT);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Where the browser saves downloads. */
  Path downloads() {
    return downloads;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }

  private static Path directory(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
