package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point, called as a program embedding the checker would call it. */
class CheckerTest {

  /**
   * Two counters modulo N, one stepping at a time: N*N states, each with two successors, and the
   * farthest state (N-1, N-1) 2(N-1) steps from the start.
   */
  private static final String GRID = """
      ---- MODULE Grid ----
      EXTENDS Naturals
      CONSTANT N
      VARIABLES x, y
      Init == x = 0 /\\ y = 0
      Next == \\/ x' = (x + 1) % N /\\ y' = y
              \\/ y' = (y + 1) % N /\\ x' = x
      InRange == x < N /\\ y < N
      Below == x + y < N
      ====
      """;

  @TempDir Path dir;
  private Path spec;

  @BeforeEach
  void writeSpec() throws Exception {
    spec = write("Grid.tla", GRID);
  }

  @Test
  void aModelThatHoldsIsSearchedToTheEnd() throws Exception {
    CheckResult r = check(3, "InRange");
    assertEquals(Verdict.SUCCESS, r.verdict());
    assertEquals(0, r.exitCode());
    assertEquals(9, r.stats().distinct());
    assertEquals(1 + 2 * 9, r.stats().generated());
    assertEquals(5, r.stats().depth());
    assertTrue(r.failures().isEmpty());
  }

  @Test
  void aViolatedInvariantIsNamedWithAShortestTrace() throws Exception {
    CheckResult r = check(3, "Below");
    assertEquals(Verdict.INVARIANT, r.verdict());
    assertEquals(12, r.exitCode());
    assertEquals("Below", r.firstFailure().name());
    // x + y first reaches 3 after three steps: four states
    assertEquals(4, r.firstFailure().trace().size());
  }

  @Test
  void aConstantTheConfigurationLeavesOpenIsAConfigurationError() throws Exception {
    Path cfg = write("Open.cfg", "INIT Init\nNEXT Next\n");
    FrontendException e = assertThrows(FrontendException.class, () ->
        Checker.check(spec, cfg, CheckOptions.defaults(), new SearchListener() {}, Output.NONE));
    assertEquals(151, e.exitCode());
    assertTrue(e.getMessage().contains("N"), e.getMessage());
  }

  @Test
  void twoChecksAtOnceInOneJvmKeepTheirOwnModels() throws Exception {
    // the same spec bound to two sizes, both searches released together
    int[] sizes = {40, 50};
    CyclicBarrier start = new CyclicBarrier(sizes.length);
    ExecutorService pool = Executors.newFixedThreadPool(sizes.length);
    try {
      List<Future<CheckResult>> runs = new ArrayList<>();
      for (int n : sizes) {
        runs.add(pool.submit(() -> {
          start.await();
          return check(n, "InRange");
        }));
      }
      for (int i = 0; i < sizes.length; i++) {
        CheckResult r = runs.get(i).get();
        long states = (long) sizes[i] * sizes[i];
        assertEquals(Verdict.SUCCESS, r.verdict());
        assertEquals(states, r.stats().distinct());
        assertEquals(1 + 2 * states, r.stats().generated());
        assertEquals(2 * (sizes[i] - 1) + 1, r.stats().depth());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private CheckResult check(int n, String invariant) throws Exception {
    Path cfg = write("Grid" + n + invariant + ".cfg",
        "CONSTANT N = " + n + "\nINIT Init\nNEXT Next\nINVARIANT " + invariant + "\n");
    return Checker.check(spec, cfg, CheckOptions.defaults(), new SearchListener() {}, Output.NONE);
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    return Files.writeString(p, text);
  }
}
