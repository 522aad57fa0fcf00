package br.bankhistory.history.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (docs, templates), found from the working directory (the module's, under Surefire) upwards. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static Path of(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate) && Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
