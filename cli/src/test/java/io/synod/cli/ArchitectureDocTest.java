package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md stays true about where things are: every file or class it names in
 * backticks exists (a path from the repository root, a path shortened with {@code /.../}, or a
 * package-relative class such as {@code eval/Natives}).
 */
class ArchitectureDocTest {
  private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");
  private static final Pattern FILE = Pattern.compile("[\\w./-]+\\.(java|md|txt|g4|yaml|sh|xml)");
  private static final Pattern CLASS = Pattern.compile("[a-z]+(/[a-z]+)*/[A-Z]\\w*(\\.java)?");

  @Test
  void everyFileAndClassTheArchitecturePageNamesExists() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path doc = root.resolve("docs/ARCHITECTURE.md");
    assertTrue(Files.isRegularFile(doc), doc.toString());
    List<String> sources;
    try (Stream<Path> s = Files.walk(root)) {
      sources = s.map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.contains("/src/") && !p.contains("/target/")).toList();
    }
    List<String> missing = new ArrayList<>();
    int named = 0;
    Matcher m = CODE.matcher(Files.readString(doc));
    while (m.find()) {
      String t = m.group(1);
      if (t.contains("*") || t.startsWith("../") || !(FILE.matcher(t).matches() || CLASS.matcher(t).matches())) {
        continue;
      }
      named++;
      if (!exists(root, sources, t)) {
        missing.add(t);
      }
    }
    assertTrue(named > 30, "only " + named + " names found: the page or this test changed shape");
    assertEquals(List.of(), missing, "named in docs/ARCHITECTURE.md but not in the repository");
  }

  private static boolean exists(Path root, List<String> sources, String name) {
    if (name.contains("/.../")) {
      String dir = name.substring(0, name.indexOf("/.../"));
      String rest = name.substring(name.indexOf("/.../") + 4);
      return sources.stream().anyMatch(p -> p.startsWith(dir + "/") && p.endsWith(rest));
    }
    if (Files.exists(root.resolve(name))) {
      return true;
    }
    String file = name.endsWith(".java") || name.contains(".") ? name : name + ".java";
    return sources.stream().anyMatch(p -> p.endsWith("/" + file));
  }
}
