package br.bankhistory.local;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.openqa.selenium.Dimension;

/**
 * The whole local stack and Debian's headless Chromium for one browser test class, started side by side (the
 * browser while the stack starts); whichever started is stopped when the other fails, and {@link #close()} stops
 * both.
 */
record BrowserStack(LocalStack stack, Chromium chromium) implements AutoCloseable {

  /** Starts both: the stack on free ports with its drop folder under {@code work} (demo files when {@code seed}). */
  static BrowserStack start(Path work, boolean seed, Dimension window) {
    Chromium.requireInstalled(); // fail at once, before starting anything
    CompletableFuture<Chromium> browser = CompletableFuture.supplyAsync(() -> Chromium.start(work.resolve("chromium"), window));
    LocalStack stack;
    try {
      stack = LocalStack.start(LocalStackOptions.forTests(work.resolve("drop"), seed));
    } catch (RuntimeException e) {
      try {
        browser.join().close();
      } catch (RuntimeException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
    try {
      return new BrowserStack(stack, browser.join());
    } catch (CompletionException e) {
      stack.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e; // e.g. "install chromium with ..."
    }
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      stack.close();
    }
  }
}
