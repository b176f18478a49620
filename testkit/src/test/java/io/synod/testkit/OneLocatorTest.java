package io.synod.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared data is looked up in one place: a test that walks the folders itself would skip
 * silently where {@link SharedData} fails under CI. Finds copies of the lookup in the sources
 * of every module.
 */
class OneLocatorTest {
  private static final Pattern LOOKUP = Pattern.compile("resolve(Sibling)?\\(\"shared[\"/]");

  @Test
  void onlySharedDataLooksForTheSharedFolder() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.isRegularFile(root.resolve("testkit/pom.xml")), "not the repository: " + root);
    List<String> copies;
    try (Stream<Path> files = Files.walk(root)) {
      copies = files
          .filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")
              && p.toString().contains("/src/"))
          .filter(p -> !p.getFileName().toString().equals("SharedData.java"))
          .filter(p -> LOOKUP.matcher(read(p)).find())
          .map(p -> root.relativize(p).toString())
          .toList();
    }
    assertEquals(List.of(), copies, "use io.synod.testkit.SharedData instead");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
