package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JVM options of {@code bin/synod} that name the checker's own classes. */
class CliLauncherTest {

  /**
   * A {@code dontinline} command whose class or method no longer exists is silently ignored by
   * the JVM; a rename would quietly bring back the recompilations it prevents.
   */
  @Test
  void everyMethodKeptOutOfLineExists() throws IOException, ClassNotFoundException {
    Path launcher = Path.of("..", "bin", "synod");
    String text = Files.readString(launcher);
    Matcher m = Pattern.compile("dontinline,([\\w.$]+)::(\\w+)").matcher(text);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      Class<?> c = Class.forName(m.group(1));
      String name = m.group(2);
      assertTrue(Arrays.stream(c.getDeclaredMethods()).map(Method::getName).anyMatch(name::equals),
          c.getName() + " has no method " + name + " (named in bin/synod)");
      found.add(m.group(1) + "::" + name);
    }
    assertEquals(3, found.size(), "dontinline commands in bin/synod: " + found);
    assertTrue(text.contains("-XX:CompileCommand=quiet"),
        "without 'quiet' the JVM prints every CompileCommand to standard output");
  }
}
