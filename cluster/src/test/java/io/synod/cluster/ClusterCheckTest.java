package io.synod.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.Checker;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks on a cluster of three members in this JVM: the same verdict, counts and trace length
 * as the single-machine checker, and no verdict at all when a member is lost mid-check.
 */
class ClusterCheckTest {
  private static final String VERSION = "test-version";
  private static final List<MemberNode> NODES = new ArrayList<>();
  private static List<String> join;

  /** A grid walk with diagonal steps back: many levels (barriers), many duplicate successors. */
  private static final String GRID = """
      ---- MODULE Grid ----
      EXTENDS Naturals
      CONSTANT N
      VARIABLES x, y, tag
      Init == x = 0 /\\ y = 0 /\\ tag \\in {"a", "b"}
      Next == \\/ x < N /\\ x' = x + 1 /\\ UNCHANGED <<y, tag>>
              \\/ y < N /\\ y' = y + 1 /\\ UNCHANGED <<x, tag>>
              \\/ x > 0 /\\ y > 0 /\\ x' = x - 1 /\\ y' = y - 1 /\\ tag' = IF tag = "a" THEN "b" ELSE "a"
      Bound == 2 * N + 1
      Small == x + y < Bound
      ====
      """;

  @BeforeAll
  static void startMembers() throws IOException {
    join = new ArrayList<>();
    List<Integer> ports = freePorts(3);
    for (int p : ports) {
      join.add("127.0.0.1:" + p);
    }
    for (int p : ports) {
      NODES.add(MemberNode.start("127.0.0.1", p, join, VERSION));
    }
  }

  @AfterAll
  static void stopMembers() {
    for (MemberNode n : NODES) {
      if (n.running()) {
        n.terminate();
      }
    }
  }

  static List<Integer> freePorts(int n) throws IOException {
    return LocalCluster.freePorts(n);
  }

  private static Path spec(Path dir, String body, String cfg) throws IOException {
    Files.writeString(dir.resolve("Grid.tla"), body);
    Files.writeString(dir.resolve("Grid.cfg"), cfg);
    return dir.resolve("Grid.tla");
  }

  private static SpecModel model(Path spec) throws Exception {
    return Checker.prepare(spec, spec.resolveSibling("Grid.cfg"), List.of(), Output.NONE);
  }

  private static CheckResult single(Path spec) throws Exception {
    return new ModelChecker(model(spec), CheckOptions.defaults(), new SearchListener() {},
        Output.NONE).run();
  }

  private static CheckResult onCluster(Path spec, SearchListener listener) throws Exception {
    try (ClusterClient c = ClusterClient.connect(join, VERSION, 30_000, 3)) {
      return new ClusterCheck(c, model(spec), CheckOptions.defaults(), listener, Output.NONE)
          .run(spec, spec.resolveSibling("Grid.cfg"), List.of());
    }
  }

  private static void assertSameSearch(CheckResult one, CheckResult many) {
    assertEquals(one.verdict(), many.verdict());
    assertEquals(one.stats().generated(), many.stats().generated(), "generated");
    assertEquals(one.stats().distinct(), many.stats().distinct(), "distinct");
    assertEquals(one.stats().depth(), many.stats().depth(), "depth");
    // which parent first reaches a state (and is credited with it) depends on timing, as with
    // several workers on one machine; the mean does not
    assertEquals(one.outdegree().average(), many.outdegree().average(), "mean outdegree");
  }

  @Test
  void completeSearchCountsAsOneMachine(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, GRID, "CONSTANT N = 12\nINIT Init\nNEXT Next\nINVARIANT Small\n");
    CheckResult one = single(spec);
    assertEquals(Verdict.SUCCESS, one.verdict());
    assertSameSearch(one, onCluster(spec, new SearchListener() {}));
  }

  @Test
  void invariantViolationHasAShortestTraceRebuiltAcrossMembers(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, GRID.replace("Bound == 2 * N + 1", "Bound == N + 3"),
        "CONSTANT N = 12\nINIT Init\nNEXT Next\nINVARIANT Small\n");
    CheckResult one = single(spec);
    CheckResult many = onCluster(spec, new SearchListener() {});
    assertEquals(Verdict.INVARIANT, many.verdict());
    assertEquals("Small", many.firstFailure().name());
    int n = many.firstFailure().trace().size();
    assertEquals(one.firstFailure().trace().size(), n);
    // the last state violates the invariant, every one before satisfies it
    var last = many.firstFailure().trace().get(n - 1).state();
    long sum = ((io.synod.checker.value.IntValue) last[0]).value()
        + ((io.synod.checker.value.IntValue) last[1]).value();
    assertEquals(15, sum);
  }

  @Test
  void deadlockIsFoundWithItsTrace(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, GRID.replace("\\/ x > 0 /\\ y > 0 /\\ x' = x - 1 /\\ y' = y - 1 /\\ tag' = IF tag = \"a\" THEN \"b\" ELSE \"a\"", ""),
        "CONSTANT N = 4\nINIT Init\nNEXT Next\n");
    CheckResult one = single(spec);
    CheckResult many = onCluster(spec, new SearchListener() {});
    assertEquals(Verdict.DEADLOCK, one.verdict());
    assertEquals(Verdict.DEADLOCK, many.verdict());
    assertEquals(one.firstFailure().trace().size(), many.firstFailure().trace().size());
  }

  @Test
  void versionMismatchIsRefusedWithAClearMessage() {
    ClusterException e = assertThrows(ClusterException.class,
        () -> ClusterClient.connect(join, "other-version", 30_000, 3));
    assertTrue(e.getMessage().startsWith("version mismatch: cluster member "), e.getMessage());
    assertTrue(e.getMessage().contains("runs synod test-version but this synod is other-version"),
        e.getMessage());
  }

  @Test
  void aMemberOfAnotherVersionCannotJoin() throws IOException {
    int port = freePorts(1).get(0);
    List<String> withNew = new ArrayList<>(join);
    withNew.add("127.0.0.1:" + port);
    ClusterException e = assertThrows(ClusterException.class,
        () -> MemberNode.start("127.0.0.1", port, withNew, "other-version"));
    assertTrue(e.getMessage().startsWith("version mismatch: this member runs synod other-version"
        + " but member "), e.getMessage());
  }

  @Test
  void nobodyAnsweringIsAClearError() throws IOException {
    int port = freePorts(1).get(0);
    ClusterException e = assertThrows(ClusterException.class,
        () -> ClusterClient.connect(List.of("127.0.0.1:" + port), VERSION, 2_000, 0));
    assertTrue(e.getMessage().startsWith("no synod cluster member answered at 127.0.0.1:" + port),
        e.getMessage());
  }

  /**
   * Kills one member at random points of a check (at a random level, after a random delay) and
   * demands either the complete verdict with the single-machine counts (the kill came after the
   * search) or a system error without a verdict; then a replacement member joins for the next run.
   */
  @Test
  void aMemberLostMidCheckNeverYieldsAVerdict(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, GRID, "CONSTANT N = 30\nINIT Init\nNEXT Next\nINVARIANT Small\n");
    CheckResult one = single(spec);
    int depth = one.stats().depth();
    Random random = new Random(Long.getLong("synod.test.seed", 19));
    int runs = Integer.getInteger("synod.cluster.killRuns", 20);
    int lostRuns = 0;
    for (int run = 0; run < runs; run++) {
      int victim = 1 + random.nextInt(NODES.size() - 1);
      int atLevel = 1 + random.nextInt(depth);
      long delay = random.nextInt(30);
      MemberNode node = NODES.get(victim);
      SearchListener killer = new SearchListener() {
        @Override
        public void levelDone(SearchStats s) {
          if (s.depth() == atLevel) {
            Thread t = new Thread(() -> {
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                return;
              }
              node.terminate();
            });
            t.start();
          }
        }
      };
      CheckResult r = onCluster(spec, killer);
      if (r.verdict() == Verdict.SUCCESS) {
        assertSameSearch(one, r);
      } else {
        assertEquals(Verdict.SYSTEM_ERROR, r.verdict(), "run " + run);
        String msg = r.firstFailure().message();
        assertTrue(msg.contains("the check stopped without a verdict"), msg);
        lostRuns++;
      }
      // a replacement on the same port, so the next run has three members again
      String address = join.get(victim);
      while (node.running()) {
        Thread.sleep(10);
      }
      int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
      NODES.set(victim, MemberNode.start("127.0.0.1", port, join, VERSION));
    }
    assertTrue(lostRuns > 0, "no run lost a member before its end: the kills came too late");
    assertNotNull(onCluster(spec, new SearchListener() {}));
  }
}
