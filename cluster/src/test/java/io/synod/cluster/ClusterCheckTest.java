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

  private static CheckResult single(Path spec, CheckOptions options) throws Exception {
    return new ModelChecker(model(spec), options, new SearchListener() {}, Output.NONE).run();
  }

  private static CheckResult onCluster(Path spec, CheckOptions options) throws Exception {
    try (ClusterClient c = ClusterClient.connect(join, VERSION, 30_000, 3)) {
      return new ClusterCheck(c, model(spec), options, new SearchListener() {}, Output.NONE)
          .run(spec, spec.resolveSibling("Grid.cfg"), List.of());
    }
  }

  private static CheckResult onClusterWithCheckpoints(Path spec, SearchListener listener,
      Path checkpoints, List<String> notices) throws Exception {
    try (ClusterClient c = ClusterClient.connect(join, VERSION, 30_000, 3)) {
      return new ClusterCheck(c, model(spec), CheckOptions.defaults(), listener, Output.NONE)
          .withCheckpoints(checkpoints, 0).withNotices(notices::add)
          .run(spec, spec.resolveSibling("Grid.cfg"), List.of());
    }
  }

  /** Kills member {@code victim} once the search has finished level {@code atLevel}. */
  private static SearchListener killer(int victim, int atLevel, long delay) {
    MemberNode node = NODES.get(victim);
    return new SearchListener() {
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
  }

  /** A member on the killed member's port again, so that the next check has three. */
  private static void replace(int victim) throws InterruptedException {
    MemberNode node = NODES.get(victim);
    while (node.running()) {
      Thread.sleep(10);
    }
    String address = join.get(victim);
    int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
    NODES.set(victim, MemberNode.start("127.0.0.1", port, join, VERSION));
  }

  private static void assertSameSearch(CheckResult one, CheckResult many) {
    assertEquals(one.verdict(), many.verdict(),
        () -> many.firstFailure() == null ? "" : many.firstFailure().message());
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

  /** Successors drawn at random: the members draw from the run's seed, and so must the replay. */
  private static final String RANDOM_WALK = """
      ---- MODULE Grid ----
      EXTENDS Naturals, Randomization
      VARIABLES x, y
      Init == x \\in RandomSubset(3, 1..1000) /\\ y = 0
      Next == x' \\in RandomSubset(3, 1..1000) /\\ y' = y + 1
      Young == y < 4
      ====
      """;

  @Test
  void aTraceOfRandomDrawsIsReplayedToItsLastStep(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, RANDOM_WALK, "INIT Init\nNEXT Next\nINVARIANT Young\n");
    CheckOptions seeded = CheckOptions.defaults().withSeed(4242);
    CheckResult one = single(spec, seeded);
    CheckResult many = onCluster(spec, seeded);
    assertEquals(Verdict.INVARIANT, many.verdict());
    var trace = many.firstFailure().trace();
    assertEquals(one.firstFailure().trace().size(), trace.size());
    assertEquals(5, trace.size());
    for (var step : trace) {
      assertNotNull(step.action(), "every step has its action, the violating one included");
    }
    assertEquals(4L, ((io.synod.checker.value.IntValue) trace.get(4).state()[1]).value());
  }

  /**
   * TLC's _POSSIBLE counts (read by a POSTCONDITION through TLCGet("all:named")) are kept where
   * states are generated: on the members, and summed for the coordinator's POSTCONDITION.
   */
  @Test
  void possibleCountsAreThoseOfTheWholeSearch(@TempDir Path dir) throws Exception {
    String body = GRID.replace("====", """
        Corner == x = N /\\ y = N
        Origin == x = 0 /\\ y = 0
        Never == x > N
        Counts == TLCGet("all:named")["s:_possible"][1]
        Post == Counts["Corner"] = CornerCount /\\ Counts["Origin"] = OriginCount
        ====""").replace("EXTENDS Naturals", "EXTENDS Naturals, TLC")
        .replace("CONSTANT N", "CONSTANTS N, CornerCount, OriginCount");
    String model = "INIT Init\nNEXT Next\n_POSSIBLE Corner Origin\n";
    // the counts of one machine's search (every generated state, duplicates included)
    SpecModel m = model(spec(dir, body, "CONSTANTS N = 5 CornerCount = 0 OriginCount = 0\n"
        + model));
    assertEquals(Verdict.SUCCESS, new ModelChecker(m, CheckOptions.defaults(),
        new SearchListener() {}, Output.NONE).run().verdict());
    long[] counts = m.possibleCounts();
    assertTrue(counts[0] > 1 && counts[1] > 1, java.util.Arrays.toString(counts));
    Path spec = spec(dir, body, "CONSTANTS N = 5 CornerCount = " + counts[0] + " OriginCount = "
        + counts[1] + "\n" + model + "POSTCONDITION Post\n");
    assertEquals(Verdict.SUCCESS, single(spec).verdict());
    CheckResult many = onCluster(spec, new SearchListener() {});
    assertEquals(Verdict.SUCCESS, many.verdict(),
        () -> many.firstFailure() == null ? "" : many.firstFailure().message());
    // a predicate no state satisfies fails the check after the search, on both
    Path never = spec(dir, body, "CONSTANTS N = 5 CornerCount = 0 OriginCount = 0\n"
        + "INIT Init\nNEXT Next\n_POSSIBLE Corner Never\n");
    CheckResult oneNever = single(never);
    CheckResult manyNever = onCluster(never, new SearchListener() {});
    assertEquals(Verdict.POSTCONDITION, oneNever.verdict());
    assertEquals(oneNever.verdict(), manyNever.verdict());
    assertEquals(oneNever.firstFailure().message(), manyNever.firstFailure().message());
  }

  @Test
  void thePostconditionIsEvaluatedAfterAViolationToo(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, GRID.replace("====", "Never == x > N\n====")
        .replace("\\/ x > 0 /\\ y > 0 /\\ x' = x - 1 /\\ y' = y - 1 /\\ tag' = IF tag = \"a\" THEN \"b\" ELSE \"a\"", ""),
        "CONSTANT N = 3\nINIT Init\nNEXT Next\n_POSSIBLE Never\n");
    CheckResult one = single(spec);
    CheckResult many = onCluster(spec, new SearchListener() {});
    assertEquals(Verdict.DEADLOCK, one.verdict());
    assertEquals(List.of(Verdict.DEADLOCK, Verdict.POSTCONDITION),
        one.failures().stream().map(CheckResult.Failure::verdict).toList());
    assertEquals(one.failures().stream().map(CheckResult.Failure::verdict).toList(),
        many.failures().stream().map(CheckResult.Failure::verdict).toList());
  }

  @Test
  void aSuccessorWithUnassignedVariablesEndsTheTraceAsOnOneMachine(@TempDir Path dir)
      throws Exception {
    Path spec = spec(dir, """
        ---- MODULE Grid ----
        EXTENDS Naturals
        VARIABLES x, y
        Init == x = 0 /\\ y = 0
        Next == IF x < 2 THEN x' = x + 1 /\\ y' = y ELSE x' = x + 1
        ====
        """, "INIT Init\nNEXT Next\n");
    CheckResult one = single(spec);
    CheckResult many = onCluster(spec, new SearchListener() {});
    assertEquals(Verdict.EVAL_ERROR, one.verdict());
    assertEquals(one.verdict(), many.verdict());
    assertEquals(one.firstFailure().message(), many.firstFailure().message());
    var trace = many.firstFailure().trace();
    assertEquals(4, one.firstFailure().trace().size());
    assertEquals(4, trace.size());
    assertEquals(one.firstFailure().trace().get(3).action(), trace.get(3).action());
    assertEquals(null, trace.get(3).state()[1], "y is left unassigned");
  }

  /** The spec's Print output reaches the coordinator's output, once per evaluation. */
  @Test
  void printOutputOfTheMembersIsForwarded(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, """
        ---- MODULE Grid ----
        EXTENDS Naturals, TLC
        VARIABLES x
        Init == x \\in {0, 1} /\\ PrintT(<<"init", x>>)
        Next == x < 6 /\\ x' = x + 2 /\\ PrintT(<<"step", x, x'>>)
        Even == x % 2 = 0 \\/ PrintT(<<"odd", x>>)
        ====
        """, "INIT Init\nNEXT Next\nINVARIANT Even\nCHECK_DEADLOCK FALSE\n");
    List<String> oneLines = java.util.Collections.synchronizedList(new ArrayList<>());
    CheckResult one = new ModelChecker(model(spec), CheckOptions.defaults(),
        new SearchListener() {}, oneLines::add).run();
    List<String> manyLines = java.util.Collections.synchronizedList(new ArrayList<>());
    CheckResult many;
    try (ClusterClient c = ClusterClient.connect(join, VERSION, 30_000, 3)) {
      many = new ClusterCheck(c, model(spec), CheckOptions.defaults(), new SearchListener() {},
          manyLines::add).run(spec, spec.resolveSibling("Grid.cfg"), List.of());
    }
    assertEquals(Verdict.SUCCESS, one.verdict());
    assertEquals(Verdict.SUCCESS, many.verdict());
    List<String> printedOne = oneLines.stream().filter(l -> l.startsWith("<<")).sorted().toList();
    List<String> printedMany = manyLines.stream().filter(l -> l.startsWith("<<")).sorted().toList();
    assertEquals(List.of("<<\"init\", 0>>", "<<\"init\", 1>>", "<<\"odd\", 1>>", "<<\"odd\", 3>>",
        "<<\"odd\", 5>>", "<<\"odd\", 7>>"),
        printedOne.stream().filter(l -> !l.contains("step")).toList());
    assertEquals(printedOne, printedMany);
  }

  /**
   * TLC computes the initial states in one thread and reports the first one, in the order the
   * initial predicate enumerates them, that violates an invariant; every member enumerates them
   * all, and the one reported is that first one whichever member owns it.
   */
  @Test
  void theFirstViolatingInitialStateIsReported(@TempDir Path dir) throws Exception {
    for (int bound : new int[] {7, 12, 23, 31}) {
      Path spec = spec(dir, """
          ---- MODULE Grid ----
          EXTENDS Naturals
          VARIABLES x
          Init == x \\in 1..60
          Next == x' = x
          Low == x < BOUND
          ====
          """.replace("BOUND", Integer.toString(bound)), "INIT Init\nNEXT Next\nINVARIANT Low\n");
      CheckResult one = single(spec);
      CheckResult many = onCluster(spec, new SearchListener() {});
      assertEquals(Verdict.INVARIANT, many.verdict());
      assertEquals(one.firstFailure().trace().get(0).state()[0],
          many.firstFailure().trace().get(0).state()[0], "bound " + bound);
      assertEquals(bound, ((io.synod.checker.value.IntValue)
          many.firstFailure().trace().get(0).state()[0]).value());
    }
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
      try {
        CheckResult r = onCluster(spec,
            killer(victim, 1 + random.nextInt(depth), random.nextInt(30)));
        if (r.verdict() == Verdict.SUCCESS) {
          assertSameSearch(one, r);
        } else {
          assertEquals(Verdict.SYSTEM_ERROR, r.verdict(), "run " + run);
          String msg = r.firstFailure().message();
          assertTrue(msg.contains("the check stopped without a verdict"), msg);
          lostRuns++;
        }
      } finally {
        replace(victim);
      }
    }
    assertTrue(lostRuns > 0, "no run lost a member before its end: the kills came too late");
    assertNotNull(onCluster(spec, new SearchListener() {}));
  }

  /**
   * With checkpoints at every level barrier, a member lost at a random point is survived: the
   * check resumes from the last checkpoint on the two remaining members (partitions dealt anew)
   * and ends with exactly the single-machine counts.
   */
  @Test
  void withCheckpointsTheCheckResumesOnTheRemainingMembers(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, GRID, "CONSTANT N = 20\nINIT Init\nNEXT Next\nINVARIANT Small\n");
    CheckResult one = single(spec);
    Random random = new Random(Long.getLong("synod.test.seed", 23));
    int resumed = 0;
    for (int run = 0; run < 4; run++) {
      int victim = 1 + random.nextInt(NODES.size() - 1);
      List<String> notices = new ArrayList<>();
      Path ck = Files.createDirectories(dir.resolve("ck" + run));
      CheckResult r;
      try {
        r = onClusterWithCheckpoints(spec,
            killer(victim, 2 + random.nextInt(one.stats().depth() - 4), random.nextInt(20)), ck,
            notices);
      } finally {
        replace(victim);
      }
      assertSameSearch(one, r);
      if (!notices.isEmpty()) {
        resumed++;
        assertTrue(notices.get(0).contains("; resuming from the checkpoint before level "),
            notices.get(0));
      }
      try (var files = Files.list(ck)) {
        assertEquals(0, files.count(), "the checkpoints are removed when the check ends");
      }
    }
    assertTrue(resumed > 0, "no run lost a member before its end");
  }

  /**
   * A violation found after a resume has a trace through states admitted before it: their parent
   * pointers are read from the checkpoint, and the trace is as short as one machine's.
   */
  @Test
  void aTraceAfterAResumeWalksBackThroughTheCheckpoint(@TempDir Path dir) throws Exception {
    Path spec = spec(dir, GRID.replace("Bound == 2 * N + 1", "Bound == N + 8"),
        "CONSTANT N = 12\nINIT Init\nNEXT Next\nINVARIANT Small\n");
    CheckResult one = single(spec);
    List<String> notices = new ArrayList<>();
    CheckResult r;
    try {
      r = onClusterWithCheckpoints(spec, killer(2, 6, 0), dir, notices);
    } finally {
      replace(2);
    }
    assertEquals(1, notices.size(), () -> "resumed once: " + notices + " "
        + (r.firstFailure() == null ? "" : r.firstFailure().message()));
    assertEquals(Verdict.INVARIANT, r.verdict());
    assertEquals(one.firstFailure().trace().size(), r.firstFailure().trace().size());
    var last = r.firstFailure().trace().get(r.firstFailure().trace().size() - 1).state();
    assertEquals(20, ((io.synod.checker.value.IntValue) last[0]).value()
        + ((io.synod.checker.value.IntValue) last[1]).value());
  }
}
