package br.bankhistory.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility checker, run inside the page the browser shows: the pinned npm package of
 * {@code infrastructure/local/axe} (installed by the module's {@code install-axe-core} Maven profile, or by
 * {@code npm ci} there), injected with {@code executeScript} and run with {@code executeAsyncScript}.
 */
final class Axe {

  /** The impacts a test does not accept. */
  static final Set<String> BLOCKING = Set.of("serious", "critical");

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String RUN = """
      const done = arguments[arguments.length - 1];
      // what is still fading or sliding in (the detail drawer) is measured once it has arrived, not halfway
      Promise.all(document.getAnimations().filter((a) => a.playState === 'running' && a.effect
          && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)))
        .then(() => axe.run(document, { resultTypes: ['violations'] }))
        .then((result) => done(JSON.stringify(result.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html })),
        })))))
        .catch((error) => done(JSON.stringify({ error: String(error) })));
      """;

  private static String source;

  private Axe() {}

  /**
   * The violations of impact serious or critical on the page as it is now, one readable paragraph each
   * (rule, impact, what it asks, the elements and what is wrong with each); empty when there are none.
   */
  static List<String> blockingViolations(JavascriptExecutor browser) {
    if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object';"))) {
      browser.executeScript(source());
    }
    JsonNode result;
    try {
      result = JSON.readTree(String.valueOf(browser.executeAsyncScript(RUN)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (result.has("error")) {
      throw new IllegalStateException("axe-core failed: " + result.path("error").asText());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode violation : result) {
      if (!BLOCKING.contains(violation.path("impact").asText())) {
        continue;
      }
      StringBuilder text = new StringBuilder()
          .append(violation.path("id").asText()).append(" (").append(violation.path("impact").asText()).append("): ")
          .append(violation.path("help").asText()).append(" — ").append(violation.path("helpUrl").asText());
      for (JsonNode node : violation.path("nodes")) {
        text.append("\n    at ").append(node.path("target").asText())
            .append("\n       ").append(node.path("html").asText().replaceAll("\\s+", " "))
            .append("\n       ").append(node.path("summary").asText().replace("\n", "\n       "));
      }
      out.add(text.toString());
    }
    return out;
  }

  private static synchronized String source() {
    if (source == null) {
      Path script = script();
      if (!Files.isRegularFile(script)) {
        throw new IllegalStateException(script + " is missing: run (cd infrastructure/local/axe && npm ci) "
            + "(Maven's install-axe-core profile does it when the tests run)");
      }
      try {
        source = Files.readString(script, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }

  private static Path script() {
    return LocalStackOptions.checkoutWebFolder()
        .map(web -> web.resolveSibling("infrastructure/local/axe/node_modules/axe-core/axe.min.js"))
        .orElse(Path.of("axe/node_modules/axe-core/axe.min.js"));
  }
}
