package io.synod.checker.syntax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.synod.checker.SharedFixtures;
import io.synod.testkit.SharedData;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The shared TLC fixture corpus (../shared next to the repository), if present. */
final class Fixtures {
  private Fixtures() {}

  /** The {@code tlc-fixtures/specs} directory, or null when the shared folder is absent. */
  static Path specsDir() {
    return SharedData.tlcSpecs().orElse(null);
  }

  static List<Path> allSpecs() throws IOException {
    Path dir = specsDir();
    if (dir == null) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".tla")).sorted().toList();
    }
  }

  /** The specs of the first corpus and of the later folders or {@code folder/file} keys in {@code admitted}. */
  static List<Path> admittedSpecs(Set<String> admitted) throws IOException {
    Path dir = specsDir();
    return allSpecs().stream()
        .filter(p -> SharedFixtures.admitted(dir.relativize(p).toString().replace('\\', '/'), admitted))
        .toList();
  }
}
