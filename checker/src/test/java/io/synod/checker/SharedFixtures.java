package io.synod.checker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the shared TLC fixtures next to the repository, when they are there. */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The {@code tlc-fixtures/specs} folder, found by walking up from the working directory. */
    public static Optional<Path> specs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("tlc-fixtures").resolve("specs");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
