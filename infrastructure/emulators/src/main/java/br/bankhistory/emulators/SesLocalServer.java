package br.bankhistory.emulators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The npm package aws-ses-v2-local (SES v1 and v2 API, with a store of sent mail and a web inbox) run by
 * Node.js as a child process on 127.0.0.1 and a port chosen by the system. The exact version is pinned in
 * {@code infrastructure/emulators/ses/package.json} and its lock file; {@code npm ci} runs there first
 * when {@code node_modules} is missing.
 *
 * <p>The child process and its descendants are stopped by {@link #close()} and, should the JVM exit
 * without it, by a shutdown hook.
 */
public final class SesLocalServer implements AutoCloseable {

  /** System property naming the Node.js executable; {@code node} on the PATH by default. */
  public static final String NODE_PROPERTY = "bankhistory.node";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final Pattern LISTENING = Pattern.compile("server running at \\S+:(\\d+)\\s*$");
  private static final int OUTPUT_LINES_KEPT = 40;

  private final Deque<String> recentOutput = new ArrayDeque<>();
  private Process process;
  private Thread shutdownHook;
  private URI endpoint;

  /** Starts the emulator (installing it first if needed); returns this for chaining. */
  public synchronized SesLocalServer start() {
    if (process != null) {
      throw new IllegalStateException("SES emulator already started");
    }
    Path cli = SesLocalPackage.installedCli();
    try {
      ProcessBuilder builder = new ProcessBuilder(
          System.getProperty(NODE_PROPERTY, "node"), cli.toString(), "--host", Loopback.HOST, "--port", "0")
          .directory(cli.getParent().toFile())
          .redirectErrorStream(true);
      builder.environment().remove("SMTP_TRANSPORT"); // never relay mail anywhere
      Process child = builder.start();
      process = child;
      shutdownHook = new Thread(() -> ProcessTree.destroy(child.toHandle(), STOP_GRACE), "ses-local-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      int port = awaitListeningPort(child);
      endpoint = URI.create("http://" + Loopback.HOST + ":" + port);
      new SesInbox(endpoint).awaitHealthy(START_TIMEOUT);
      return this;
    } catch (IOException | RuntimeException e) {
      String output = recentOutput();
      close();
      throw new EmulatorStartException("aws-ses-v2-local failed to start: " + e.getMessage()
          + (output.isEmpty() ? "" : "\n" + output), e);
    }
  }

  /** The HTTP endpoint to give the SES/SESv2 SDK as {@code endpointOverride}; also serves the web inbox at {@code /}. */
  public synchronized URI endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("SES emulator is not running");
    }
    return endpoint;
  }

  /** A client for the emulator's store of sent mail. */
  public SesInbox inbox() {
    return new SesInbox(endpoint());
  }

  /** The operating-system id of the Node.js process, for checks that it is gone after {@link #close()}. */
  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("SES emulator is not running");
    }
    return process.pid();
  }

  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    ProcessTree.destroy(process.toHandle(), STOP_GRACE);
    removeShutdownHook();
    process = null;
    endpoint = null;
  }

  private void removeShutdownHook() {
    if (shutdownHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shutdownInProgress) {
      // the hook is running or about to: nothing left to do
    }
    shutdownHook = null;
  }

  private int awaitListeningPort(Process child) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> drainOutput(child, port), "ses-local-output");
    reader.setDaemon(true);
    reader.start();
    child.onExit().thenRun(() -> port.completeExceptionally(
        new IllegalStateException("node exited with code " + child.exitValue())));
    try {
      return port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no 'server running' line within " + START_TIMEOUT, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  /** Reads the child's output for its whole life (so its pipe never fills), noting the port it announces. */
  private void drainOutput(Process child, CompletableFuture<Integer> port) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        remember(line);
        Matcher matcher = LISTENING.matcher(line);
        if (!port.isDone() && matcher.find()) {
          port.complete(Integer.parseInt(matcher.group(1)));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the process was stopped
    }
  }

  private void remember(String line) {
    synchronized (recentOutput) {
      if (recentOutput.size() == OUTPUT_LINES_KEPT) {
        recentOutput.removeFirst();
      }
      recentOutput.addLast(line);
    }
  }

  private String recentOutput() {
    synchronized (recentOutput) {
      return String.join("\n", recentOutput);
    }
  }
}
