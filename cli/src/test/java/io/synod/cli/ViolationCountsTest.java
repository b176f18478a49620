package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts at an invariant violation, at one worker, follow from TLC's rules:
 * <ul>
 *   <li>a quantifier over several bound names enumerates them like an odometer whose wheel for
 *       the first name turns fastest: {@code \E i, j \in 1..2} visits (1,1), (2,1), (1,2), (2,2),
 *       both where it splits Next into actions and inside an action;
 *   <li>all the successors of one action are generated (and counted) before the first is checked;
 *   <li>a new successor enters the seen set (and the distinct count) before its invariants are
 *       checked; the violating one is counted, and nothing after it.
 * </ul>
 */
class ViolationCountsTest {
  @TempDir Path dir;

  private static final String SPEC = """
      ---- MODULE Odo ----
      EXTENDS Naturals
      VARIABLE x
      Init == x = 0
      Split == \\E i, j \\in 1..2 : x' = 10 * i + j
      Whole == x = 0 /\\ \\E i, j \\in 1..2 : x' = 10 * i + j
      Inv == x \\notin {21, 12}
      ====
      """;

  private CliTestSupport.Result check(String next) throws IOException {
    Path tla = dir.resolve("Odo.tla");
    Files.writeString(tla, SPEC);
    Path cfg = dir.resolve(next + ".cfg");
    Files.writeString(cfg, "INIT Init\nNEXT " + next + "\nINVARIANT Inv\n");
    return CliTestSupport.run("check", "-workers", "1", "-config", cfg.toString(), tla.toString());
  }

  private static List<String> values(String out) {
    return Pattern.compile("(?m)^x = (\\d+)$").matcher(out).results().map(m -> m.group(1)).toList();
  }

  @Test
  void nextSplitIntoOneActionPerBindingStopsAtTheSecondAction() throws IOException {
    // actions (1,1) then (2,1): one successor each; 21 violates
    var r = check("Split");
    assertEquals(12, r.code(), r.out() + r.err());
    assertEquals(List.of("0", "21"), values(r.out()));
    assertTrue(r.out().contains("3 states generated, 3 distinct states found, 1 states left on queue."), r.out());
  }

  @Test
  void oneActionWithSeveralSuccessorsCountsThemAll() throws IOException {
    // one action: 11, 21, 12, 22 all generated; 11 admitted and queued, 21 admitted and violating
    var r = check("Whole");
    assertEquals(12, r.code(), r.out() + r.err());
    assertEquals(List.of("0", "21"), values(r.out()));
    assertTrue(r.out().contains("5 states generated, 3 distinct states found, 1 states left on queue."), r.out());
  }
}
