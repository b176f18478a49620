package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synod check -lncheck default}: TLC's lines around a check of the graph explored so far,
 * and a violation it finds ending the search with the counts of that moment. The checks are
 * forced after every few expanded states ({@code -Dsynod.liveness.states}, test-only) so that
 * they happen on a small model whatever the timing.
 */
class CheckLivenessPeriodicTest {
  private static final Pattern CURRENT = Pattern.compile(
      "(?m)^Checking temporal properties for the current state space with (\\d+) total distinct"
          + " states at \\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\)$");
  private static final Pattern STATS = Pattern.compile(
      "(?m)^(\\d+) states generated, (\\d+) distinct states found, (\\d+) states left on queue\\.$");

  @TempDir Path dir;
  Path spec;
  Path cfg;

  @BeforeEach
  void writeSpec() throws Exception {
    spec = dir.resolve("Grid.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Grid ----",
        "EXTENDS Naturals",
        "CONSTANT N",
        "VARIABLES x, z, y",
        "vars == <<x, z, y>>",
        "Init == x = 0 /\\ z = 0 /\\ y = 0",
        "IncX == x < N /\\ x' = x + 1 /\\ UNCHANGED <<z, y>>",
        "IncZ == z < N /\\ z' = z + 1 /\\ UNCHANGED <<x, y>>",
        "Flip == y' = 1 - y /\\ UNCHANGED <<x, z>>",
        "Spec == Init /\\ [][IncX \\/ IncZ \\/ Flip]_vars /\\ WF_vars(IncX \\/ IncZ \\/ Flip)",
        "Prop == <>(x = N)",
        "===="));
    cfg = Files.writeString(dir.resolve("Grid.cfg"),
        "CONSTANT N = 40\nSPECIFICATION Spec\nPROPERTY Prop\nCHECK_DEADLOCK FALSE\n");
  }

  private CliTestSupport.Result check(String mode) throws Exception {
    return CliTestSupport.runInJvm(dir, List.of("-Dsynod.liveness.states=200"), "check",
        "-workers", "1", "-lncheck", mode, "-config", cfg.toString(), spec.toString());
  }

  @Test
  void aViolationFoundOnTheGraphSoFarEndsTheSearchWithTlcsLines() throws Exception {
    CliTestSupport.Result r = check("default");
    String out = r.out();
    assertEquals(13, r.code(), out + r.err());
    Matcher current = CURRENT.matcher(out);
    assertTrue(current.find(), out);
    int checking = current.start();
    int error = out.indexOf("Error: Temporal property Prop was violated.");
    int back = out.indexOf("Back to state ");
    int finished = out.indexOf("Finished checking temporal properties in ");
    Matcher stats = STATS.matcher(out);
    assertTrue(stats.find(), out);
    assertTrue(checking < error && error < back && back < finished && finished < stats.start(),
        "TLC's order: the check, the counterexample, its end, the counts\n" + out);
    assertFalse(out.contains("for the complete state space"), out);
    long distinct = Long.parseLong(stats.group(2));
    long left = Long.parseLong(stats.group(3));
    assertTrue(distinct < 41 * 41 * 2 && left > 0, "stopped before the end: " + stats.group());
    assertTrue(Long.parseLong(current.group(1)) <= distinct - left,
        "the graph so far holds the expanded states only: " + current.group() + "\n" + stats.group());
  }

  @Test
  void finalChecksOnlyTheCompleteStateSpace() throws Exception {
    CliTestSupport.Result r = check("final");
    assertEquals(13, r.code(), r.out() + r.err());
    assertFalse(CURRENT.matcher(r.out()).find(), r.out());
    assertTrue(r.out().contains("Checking temporal properties for the complete state space with "
        + 41 * 41 * 2 + " total distinct states"), r.out());
    Matcher stats = STATS.matcher(r.out());
    assertTrue(stats.find(), r.out());
    assertEquals("0", stats.group(3));
  }

  /** TLC lower-cases the mode, and its "off" still checks the complete graph. */
  @Test
  void offAndCapitalisedModesAreTlcsSpellingsOfFinal() throws Exception {
    for (String mode : List.of("off", "OFF", "Final")) {
      CliTestSupport.Result r = check(mode);
      assertEquals(13, r.code(), mode + "\n" + r.out() + r.err());
      assertFalse(CURRENT.matcher(r.out()).find(), r.out());
      assertTrue(r.out().contains("Checking temporal properties for the complete state space"),
          r.out());
    }
  }

  @Test
  void aMalformedTestPeriodIsAUsageError() throws Exception {
    CliTestSupport.Result r = CliTestSupport.runInJvm(dir,
        List.of("-Dsynod.liveness.periodSeconds=soon"), "check", "-config", cfg.toString(),
        spec.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("synod.liveness"), r.err());
  }
}
