package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.checker.syntax.ast.Module;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every spec of the shared TLC fixture corpus parses, except the deliberately broken one. */
class FixtureParseTest {

  @Test
  void allFixtureSpecsParse() throws Exception {
    List<Path> specs = Fixtures.allSpecs();
    assumeTrue(!specs.isEmpty(), "shared/tlc-fixtures not found next to the repository");
    int parsed = 0;
    StringBuilder failures = new StringBuilder();
    for (Path p : specs) {
      if (p.getFileName().toString().equals("Broken.tla")) {
        continue;
      }
      try {
        Module m = TlaParser.parseModule(p);
        assertEquals(p.getFileName().toString().replace(".tla", ""), m.name());
        assertFalse(m.units().isEmpty(), p.toString());
        parsed++;
      } catch (ParseException e) {
        failures.append(e.getMessage()).append('\n');
      }
    }
    assertEquals("", failures.toString());
    assertTrue(parsed > 30, "parsed " + parsed);
  }

  @Test
  void brokenSpecFailsWhereSanyReportsIt() throws Exception {
    Path dir = Fixtures.specsDir();
    assumeTrue(dir != null, "shared/tlc-fixtures not found next to the repository");
    Path broken = dir.resolve("28_parse_syntax/Broken.tla");
    ParseException e = assertThrows(ParseException.class, () -> TlaParser.parseModule(broken));
    Diagnostic first = e.diagnostics().get(0);
    // TLC: Encountered "x" at line 9, column 18
    assertEquals(9, first.line());
    assertEquals(18, first.column());
    assertTrue(first.message().contains("THEN"), first.message());
    assertEquals(broken.toString(), first.file());
  }
}
