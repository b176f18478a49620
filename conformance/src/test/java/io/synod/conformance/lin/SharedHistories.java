package io.synod.conformance.lin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds ../shared/histories by walking up from the working directory. */
final class SharedHistories {
  private SharedHistories() {}

  static Optional<Path> knossos() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path k = d.resolve("shared").resolve("histories").resolve("knossos");
      if (Files.isDirectory(k)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
