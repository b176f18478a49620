package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLC's -coverage MINUTES: the per-action lines of its coverage report. */
class CoverageTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = dir.resolve("Cov.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Cov ----",
        "EXTENDS Naturals",
        "VARIABLES x, y",
        "",
        "Init == /\\ x \\in 1..3",
        "        /\\ y = 0",
        "",
        "A == /\\ x < 5",
        "     /\\ x' = x + 1",
        "     /\\ y' = y",
        "",
        "B == /\\ x > 0",
        "     /\\ UNCHANGED <<x, y>>",
        "",
        "C == x = 42 /\\ x' = 0 /\\ y' = y",
        "",
        "D(n) == x = n /\\ y < 3 /\\ x' = x /\\ y' = y + 1",
        "",
        "E == \\/ x = 100 /\\ x' = 0 /\\ y' = y",
        "     \\/ x = 1 /\\ y < 2 /\\ y' = y + 1 /\\ x' = x",
        "",
        "Next == A \\/ B \\/ C \\/ \\E n \\in {1, 2} : D(n) \\/ E",
        "===="));
    Files.writeString(dir.resolve("Cov.cfg"), "INIT Init\nNEXT Next\n");
  }

  @Test
  void theReportGivesDistinctAndGeneratedStatesPerActionBeforeTheStatistics() {
    CliTestSupport.Result r = CliTestSupport.run("check", "-deadlock", "-coverage", "1", spec.toString());
    assertEquals(0, r.code(), r.out());
    String out = r.out();
    int start = out.indexOf("The coverage statistics at ");
    assertTrue(start > out.indexOf("Model checking completed. No error has been found."), out);
    String report = out.substring(start, out.indexOf("End of statistics.\n", start));
    assertTrue(report.startsWith("The coverage statistics at "), report);
    assertTrue(report.contains(" (see https://explain.tlapl.us/module-coverage-statistics for how to"
        + " interpret the following statistics).\n"), report);
    // the init line, then one line per formula in the order of the formulas: the two
    // applications D(1), D(2) share one; the disjuncts of E each have one, with their position
    assertEquals(String.join("\n",
        "<Init line 5, col 1 to line 5, col 4 of module Cov>: 3:3",
        "<A line 8, col 1 to line 8, col 1 of module Cov>: 11:16",
        "<B line 12, col 1 to line 12, col 1 of module Cov>: 0:20",
        "<C line 15, col 1 to line 15, col 1 of module Cov>: 0:0",
        "<D line 17, col 1 to line 17, col 1 of module Cov>: 6:6",
        "<E line 19, col 1 to line 19, col 1 of module Cov (19 9 19 35)>: 0:0",
        "<E line 19, col 1 to line 19, col 1 of module Cov (20 9 20 46)>: 0:4",
        ""), report.substring(report.indexOf('\n') + 1));
    assertTrue(out.indexOf("End of statistics.\n49 states generated, 20 distinct states found") > start, out);
  }

  @Test
  void withoutTheFlagThereIsNoReportAndABadIntervalIsAUsageError() {
    CliTestSupport.Result r = CliTestSupport.run("check", "-deadlock", spec.toString());
    assertEquals(0, r.code());
    assertFalse(r.out().contains("coverage statistics"), r.out());
    CliTestSupport.Result bad = CliTestSupport.run("check", "-coverage", "-1", spec.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("-coverage expects a number of minutes >= 0"), bad.err());
    CliTestSupport.Result nan = CliTestSupport.run("check", "-coverage", "soon", spec.toString());
    assertEquals(2, nan.code());
    assertFalse(nan.err().contains("Exception"), nan.err());
  }
}
