package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.checker.Checker;
import io.synod.checker.SharedFixtures;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoint and recovery: a search interrupted right after a checkpoint (and again after each
 * recovery's first checkpoint) and resumed from it ends exactly as the uninterrupted search:
 * verdict, violated name, distinct and generated states, depth, outdegree and the counterexample.
 */
class CheckpointRecoveryTest {
  private static final Map<String, String> IDENTITY = ResumedCheck.IDENTITY;

  @TempDir Path tmp;

  /** The fixture models of the first corpus without temporal properties, of some size. */
  static Stream<Arguments> models() throws Exception {
    Path specs = SharedFixtures.specs().orElse(null);
    if (specs == null) {
      return Stream.of(Arguments.of(null, null, null, false));
    }
    JsonNode manifest = new ObjectMapper().readTree(specs.resolveSibling("manifest.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode m : manifest) {
      String dir = m.get("dir").asText();
      long distinct = m.path("distinctStates").asLong(0);
      if (!SharedFixtures.firstCorpus(dir) || m.path("liveness").asBoolean(false)
          || m.path("benchmark").asBoolean(false) || distinct < 3 || distinct > 300_000
          || List.of("assumption", "parse", "config").contains(m.get("result").asText())) {
        continue;
      }
      out.add(Arguments.of(dir, m.get("spec").asText(), m.get("config").asText(), false));
      if (m.get("result").asText().equals("success")) {
        // a depth-first search of a model with a violation may run down an unbounded path
        out.add(Arguments.of(dir, m.get("spec").asText(), m.get("config").asText(), true));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}/{2} dfs={3}")
  @MethodSource("models")
  void aSearchResumedFromCheckpointsEndsAsAnUninterruptedOne(String dir, String spec, String cfg,
      boolean depthFirst) throws Exception {
    Assumptions.assumeTrue(dir != null, "TLC fixture corpus not found");
    Path folder = SharedFixtures.specs().orElseThrow().resolve(dir);
    SpecModel once = model(folder, spec, cfg);
    Assumptions.assumeTrue(once.liveness() == null, "temporal properties: LivenessCheckpointTest");
    CheckOptions options = CheckOptions.defaults().withDepthFirst(depthFirst);
    CheckResult expected = new ModelChecker(once, options, new SearchListener() {}, Output.NONE).run();
    long every = Math.max(1, expected.stats().distinct() / 4);
    Path ckpt = tmp.resolve("ckpt");
    ResumedCheck resumed = ResumedCheck.run(() -> model(folder, spec, cfg), options,
        LivenessSchedule.FINAL, ckpt, every, 8);
    CheckResult r = resumed.result();
    int interruptions = resumed.interruptions();
    boolean failed = resumed.failure() != null;
    long expanded = expected.levels().stream().mapToLong(CheckResult.Level::expanded).sum();
    // workers pause between claims of 16 states: a search that ends sooner is never paused
    if (depthFirst) {
      // every distinct state of a complete depth-first search is expanded, one at a time
      expanded = expected.verdict() == Verdict.SUCCESS ? expected.stats().distinct() : 0;
    }
    assertTrue(failed || interruptions > 0 || expanded <= every + 16,
        "the search was interrupted at least once");
    assertSameEnd(expected, r);
    assertFalse(CheckpointFile.exists(ckpt), "a finished search leaves no checkpoint");
  }

  static void assertSameEnd(CheckResult expected, CheckResult r) {
    assertEquals(expected.verdict(), r.verdict());
    assertEquals(expected.stats().distinct(), r.stats().distinct(), "distinct states");
    assertEquals(expected.stats().generated(), r.stats().generated(), "states generated");
    assertEquals(expected.stats().depth(), r.stats().depth(), "depth");
    assertEquals(expected.stats().queue(), r.stats().queue(), "states left on queue");
    assertEquals(expected.outdegree(), r.outdegree(), "outdegree");
    assertEquals(expected.levels().stream().map(CheckResult.Level::expanded).toList(),
        r.levels().stream().map(CheckResult.Level::expanded).toList(), "states expanded per level");
    assertEquals(expected.failures().size(), r.failures().size());
    if (expected.firstFailure() != null) {
      assertEquals(expected.firstFailure().name(), r.firstFailure().name());
      assertEquals(expected.firstFailure().message(), r.firstFailure().message());
      assertEquals(render(expected.firstFailure().trace()), render(r.firstFailure().trace()),
          "counterexample");
    }
  }

  static List<String> render(List<TraceStep> trace) {
    List<String> out = new ArrayList<>();
    for (TraceStep s : trace) {
      out.add(s.action() + " " + java.util.Arrays.toString(s.state()));
    }
    return out;
  }

  private static SpecModel model(Path folder, String spec, String cfg) throws Exception {
    return Checker.prepare(folder.resolve(spec), folder.resolve(cfg), List.of(), Output.NONE);
  }

  // ---- a small model of our own: two counters modulo N, Below is violated at x + y = N ----

  private static final String GRID = """
      ---- MODULE Grid ----
      EXTENDS Naturals, Sequences
      CONSTANT N
      VARIABLES x, y, seen
      ToStr(n) == IF n = 0 THEN "0" ELSE IF n = 1 THEN "1" ELSE "many"
      Init == x = 0 /\\ y = 0 /\\ seen = {"start"}
      Next == \\/ x' = (x + 1) % N /\\ y' = y /\\ seen' = seen \\cup {"x" \\o ToStr(x)}
              \\/ y' = (y + 1) % N /\\ x' = x /\\ seen' = seen
      Below == x + y < N
      ====
      """;

  private SpecModel grid(int n, boolean violated) throws Exception {
    Path spec = tmp.resolve("Grid.tla");
    Files.writeString(spec, GRID);
    Path cfg = tmp.resolve("Grid.cfg");
    Files.writeString(cfg, "CONSTANT N = " + n + "\nINIT Init\nNEXT Next\n"
        + (violated ? "INVARIANT Below\n" : ""));
    return Checker.prepare(spec, cfg, List.of(), Output.NONE);
  }

  /** Writes a checkpoint of the grid after {@code every} states and stops there. */
  private Path interrupted(int workers, long every) throws Exception {
    Path ckpt = tmp.resolve("grid-ckpt");
    stopAtFirstCheckpoint(grid(6, false), CheckOptions.defaults().withWorkers(workers), ckpt, every);
    return ckpt;
  }

  /**
   * Checks {@code model} with a checkpoint to {@code ckpt} after every {@code every} expanded
   * states and stops it right after the first, as a kill would.
   */
  static void stopAtFirstCheckpoint(SpecModel model, CheckOptions options, Path ckpt, long every) {
    AtomicReference<ModelChecker> checker = new AtomicReference<>();
    ModelChecker c = new ModelChecker(model, options, new SearchListener() {
      @Override
      public void checkpointDone(Path d, SearchStats at, long bytes, long millis) {
        checker.get().cancel();
      }
    }, Output.NONE).withCheckpoints(new CheckpointSettings(ckpt, 0, every, null, IDENTITY));
    checker.set(c);
    assertEquals(Verdict.CANCELLED, c.run().verdict());
  }

  private CheckResult recover(Path ckpt, int workers, Map<String, String> identity) throws Exception {
    return new ModelChecker(grid(6, false), CheckOptions.defaults().withWorkers(workers),
        new SearchListener() {}, Output.NONE)
        .withCheckpoints(new CheckpointSettings(null, 0, 0, ckpt, identity)).run();
  }

  @Test
  void anotherNumberOfWorkersResumesWithTheSameCounts() throws Exception {
    CheckResult expected = new ModelChecker(grid(6, false), CheckOptions.defaults(),
        new SearchListener() {}, Output.NONE).run();
    Path ckpt = interrupted(2, 10);
    CheckResult r = recover(ckpt, 1, IDENTITY);
    assertEquals(Verdict.SUCCESS, r.verdict());
    assertEquals(expected.stats().distinct(), r.stats().distinct());
    assertEquals(expected.stats().generated(), r.stats().generated());
    assertEquals(expected.stats().depth(), r.stats().depth());
  }

  @Test
  void aQueueAndParentLogOnDiskAreCheckpointedAndRestored() throws Exception {
    CheckOptions spilling = CheckOptions.defaults().withSpill(SpillMode.ALWAYS);
    CheckResult expected = new ModelChecker(grid(7, true), spilling, new SearchListener() {},
        Output.NONE).run();
    for (int workers : new int[] {1, 2}) {
      Path ckpt = tmp.resolve("spilled-" + workers);
      AtomicReference<ModelChecker> checker = new AtomicReference<>();
      ModelChecker c = new ModelChecker(grid(7, true), spilling.withWorkers(workers),
          new SearchListener() {
            @Override
            public void checkpointDone(Path d, SearchStats at, long bytes, long millis) {
              checker.get().cancel();
            }
          }, Output.NONE).withCheckpoints(new CheckpointSettings(ckpt, 0, 20, null, IDENTITY));
      checker.set(c);
      assertEquals(Verdict.CANCELLED, c.run().verdict());
      CheckResult r = new ModelChecker(grid(7, true), spilling, new SearchListener() {},
          Output.NONE).withCheckpoints(new CheckpointSettings(null, 0, 0, ckpt, IDENTITY)).run();
      assertEquals(expected.verdict(), r.verdict());
      assertEquals(expected.stats().distinct(), r.stats().distinct());
      assertEquals(expected.stats().generated(), r.stats().generated());
      assertEquals(render(expected.firstFailure().trace()), render(r.firstFailure().trace()));
    }
  }

  @Test
  void aCheckpointOfAnotherSpecOrOptionsIsRefused() throws Exception {
    Path ckpt = interrupted(1, 10);
    Map<String, String> other = new HashMap<>(IDENTITY);
    other.put("config", "d");
    CheckResult r = recover(ckpt, 1, other);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("config file differs"), r.firstFailure().message());
    other = new HashMap<>(IDENTITY);
    other.put("-fp", "3");
    r = recover(ckpt, 1, other);
    assertTrue(r.firstFailure().message().contains("option -fp is 3"), r.firstFailure().message());
    // the refused checkpoint is still there and still good
    assertEquals(Verdict.SUCCESS, recover(ckpt, 1, IDENTITY).verdict());
  }

  @Test
  void aTruncatedCheckpointIsRefused() throws Exception {
    Path ckpt = interrupted(1, 10);
    Path f = CheckpointFile.file(ckpt);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(raf.length() / 2);
    }
    CheckResult r = recover(ckpt, 1, IDENTITY);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("truncated"), r.firstFailure().message());
  }

  @Test
  void aCorruptCheckpointIsRefused() throws Exception {
    Path ckpt = interrupted(1, 10);
    Path f = CheckpointFile.file(ckpt);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      long at = raf.length() - 40;
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 0x5a);
    }
    CheckResult r = recover(ckpt, 1, IDENTITY);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("corrupt"), r.firstFailure().message());
  }

  @Test
  void aDirectoryWithoutCheckpointIsRefused() throws Exception {
    CheckResult r = recover(tmp.resolve("nothing"), 1, IDENTITY);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("no such directory"), r.firstFailure().message());
    Files.createDirectories(tmp.resolve("empty"));
    r = recover(tmp.resolve("empty"), 1, IDENTITY);
    assertTrue(r.firstFailure().message().contains("holds no checkpoint"), r.firstFailure().message());
  }

  @Test
  void aHalfWrittenCheckpointLeavesThePreviousOneUsable() throws Exception {
    Path ckpt = interrupted(1, 10);
    // a crash while the next checkpoint was being written leaves its temp file behind
    Files.write(ckpt.resolve(CheckpointFile.NAME + ".tmp"), new byte[] {1, 2, 3});
    assertEquals(Verdict.SUCCESS, recover(ckpt, 1, IDENTITY).verdict());
  }

  @Test
  void aViolationFoundAfterRecoveryHasTheUninterruptedTrace() throws Exception {
    CheckResult expected = new ModelChecker(grid(7, true), CheckOptions.defaults(),
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.INVARIANT, expected.verdict());
    Path ckpt = tmp.resolve("violation");
    AtomicReference<ModelChecker> checker = new AtomicReference<>();
    ModelChecker c = new ModelChecker(grid(7, true), CheckOptions.defaults(), new SearchListener() {
      @Override
      public void checkpointDone(Path d, SearchStats at, long bytes, long millis) {
        checker.get().cancel();
      }
    }, Output.NONE).withCheckpoints(new CheckpointSettings(ckpt, 0, 5, null, IDENTITY));
    checker.set(c);
    assertEquals(Verdict.CANCELLED, c.run().verdict());
    CheckResult r = new ModelChecker(grid(7, true), CheckOptions.defaults(), new SearchListener() {},
        Output.NONE).withCheckpoints(new CheckpointSettings(null, 0, 0, ckpt, IDENTITY)).run();
    assertSameEnd(expected, r);
  }
}
