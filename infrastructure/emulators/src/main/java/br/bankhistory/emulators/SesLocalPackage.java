package br.bankhistory.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the folder whose {@code package.json} pins aws-ses-v2-local and makes sure its {@code node_modules}
 * holds that exact version, running {@code npm ci} there when it does not (so a fresh clone works).
 *
 * <p>Where the folder is, first match wins: the system property {@value #DIR_PROPERTY}; the environment
 * variable {@value #DIR_ENV}; {@code infrastructure/emulators/ses} found walking up from the working
 * directory (the checkout); else a copy of the pinned {@code package.json} and {@code package-lock.json}
 * shipped in this jar, unpacked under {@code ~/.cache/bank-history/}.
 */
final class SesLocalPackage {

  static final String VERSION = "2.10.2";
  static final String DIR_PROPERTY = "bankhistory.ses.dir";
  static final String DIR_ENV = "BANKHISTORY_SES_DIR";

  private static final String CHECKOUT_FOLDER = "infrastructure/emulators/ses";
  private static final String BUNDLED = "/br/bankhistory/emulators/ses/";
  private static final List<String> PINNING_FILES = List.of("package.json", "package-lock.json");
  private static final long NPM_CI_TIMEOUT_MINUTES = 5;

  private SesLocalPackage() {}

  /** The CLI script of an installed aws-ses-v2-local of the pinned version. */
  static Path installedCli() {
    Path folder = folder();
    if (!isInstalled(folder)) {
      install(folder);
    }
    return cliOf(folder);
  }

  static Path folder() {
    String configured = System.getProperty(DIR_PROPERTY, System.getenv(DIR_ENV));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(CHECKOUT_FOLDER);
      if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
        return candidate;
      }
    }
    return unpackBundled();
  }

  private static Path cliOf(Path folder) {
    return folder.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
  }

  private static boolean isInstalled(Path folder) {
    Path manifest = folder.resolve("node_modules/aws-ses-v2-local/package.json");
    try {
      return Files.isRegularFile(cliOf(folder))
          && Files.readString(manifest).replace(" ", "").contains("\"version\":\"" + VERSION + "\"");
    } catch (IOException e) {
      return false;
    }
  }

  private static void install(Path folder) {
    Path log = folder.resolve("npm-ci.log");
    try (FileChannel lockChannel = FileChannel.open(folder.resolve(".npm-ci.lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = lockChannel.lock()) {
      if (isInstalled(folder)) {
        return; // another process installed it while this one waited for the lock
      }
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
          .directory(folder.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!npm.waitFor(NPM_CI_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        ProcessTree.destroy(npm.toHandle(), java.time.Duration.ofSeconds(2));
        throw new EmulatorStartException("npm ci did not finish in " + NPM_CI_TIMEOUT_MINUTES + " minutes in " + folder);
      }
      if (npm.exitValue() != 0 || !isInstalled(folder)) {
        throw new EmulatorStartException("npm ci failed in " + folder + " (exit " + npm.exitValue() + "): "
            + tail(log));
      }
    } catch (IOException e) {
      throw new EmulatorStartException("could not run `npm ci` in " + folder
          + " (Node.js 18+ and npm must be on the PATH for the SES emulator)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorStartException("interrupted while running npm ci in " + folder, e);
    }
  }

  private static Path unpackBundled() {
    Path target = Path.of(System.getProperty("user.home"), ".cache", "bank-history", "aws-ses-v2-local-" + VERSION);
    try {
      Files.createDirectories(target);
      for (String name : PINNING_FILES) {
        try (InputStream in = SesLocalPackage.class.getResourceAsStream(BUNDLED + name)) {
          if (in == null) {
            throw new EmulatorStartException("the emulators jar lacks " + BUNDLED + name);
          }
          Path temp = Files.createTempFile(target, name, ".tmp");
          Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(temp, target.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      return target;
    } catch (IOException e) {
      throw new EmulatorStartException("could not unpack the SES emulator's package.json into " + target, e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
