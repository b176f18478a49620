package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state-predicate part of a PROPERTY (the {@code Init} of {@code Init /\ [][Next]_v}, as in a
 * refinement {@code I!Spec}) is checked on every initial state, as TLC checks its "implied inits":
 * a violation is reported as "Property P is violated by the initial state" with exit 12; a
 * property that holds does not stop the search.
 */
class PropertyInitPartTest {

  private static final String SPEC = """
      ---- MODULE Walk ----
      EXTENDS Naturals
      VARIABLE x
      Init == x \\in {0, 1}
      Next == x' = (x + 1) % 3
      Spec == Init /\\ [][Next]_x
      StartsAtZero == x = 0 /\\ [][Next]_x
      StartsSmall == x < 2 /\\ [][Next]_x
      ====
      """;

  private static CliTestSupport.Result check(Path dir, String property) throws IOException {
    Files.writeString(dir.resolve("Walk.tla"), SPEC);
    Files.writeString(dir.resolve("Walk.cfg"), "SPECIFICATION Spec\nPROPERTY " + property + "\n");
    return CliTestSupport.run("check", "-workers", "1", "-config", dir.resolve("Walk.cfg").toString(),
        dir.resolve("Walk.tla").toString());
  }

  @Test
  void aFalseInitPartIsAViolationInTheInitialState(@TempDir Path dir) throws IOException {
    CliTestSupport.Result r = check(dir, "StartsAtZero");
    assertEquals(12, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Property StartsAtZero is violated by the initial state:\nx = 1\n"), r.out());
  }

  @Test
  void aTrueInitPartLetsTheSearchFinish(@TempDir Path dir) throws IOException {
    CliTestSupport.Result r = check(dir, "StartsSmall");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("3 distinct states found"), r.out());
  }
}
