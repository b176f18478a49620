package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.testkit.TlcOutputNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check -spill always} prints what the in-memory queue prints (TLC fixtures and the
 * project's own specs, at 1 and 2 workers), leaves no spill directory behind, and reports bad
 * spill flags and unusable meta directories without a stack trace.
 */
class CheckSpillTest {
  @TempDir Path tmp;

  /** Fixture (dir/config) or spec (specs/...) models: successes and violations of each kind. */
  static final List<String> MODELS = List.of(
      "fixture:03_seqbuffer/SeqBuffer.tla:SeqBuffer.cfg",
      "fixture:09_inventory/Inventory.tla:Inventory.cfg",
      "fixture:19_symmetry/Tokens.tla:TokensSym.cfg",
      "fixture:20_view_alias/Odometer.tla:Odometer_alias.cfg",
      "fixture:21_constraints/Grid.tla:Grid.cfg",
      "fixture:22_action_property/Ratchet.tla:Ratchet.cfg",
      "fixture:23_deadlock_trains/Trains.tla:Trains.cfg",
      "fixture:05_bagstore/BagStore.tla:BagStoreBug.cfg",
      "fixture:07_assert_elevator/Elevator.tla:Elevator.cfg",
      "spec:twophase/MCTwoPhase.tla:MCTwoPhase.cfg",
      "spec:twophase/MCTwoPhase.tla:MCTwoPhaseEagerCommit.cfg",
      "spec:paxos/MCPaxos.tla:MCPaxos.cfg",
      "spec:paxos/MCPaxos.tla:MCPaxosSmallQuorum.cfg");

  static Optional<Path> repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("specs").resolve("paxos"))) {
      dir = dir.getParent();
    }
    return Optional.ofNullable(dir);
  }

  static Stream<Arguments> models() {
    List<Arguments> out = new ArrayList<>();
    for (String m : MODELS) {
      for (int workers = 1; workers <= 2; workers++) {
        out.add(Arguments.of(m, workers));
      }
    }
    return out.stream();
  }

  /** The spec and config files of a model, or empty if its files are not here. */
  private static Optional<Path[]> files(String model) {
    String[] p = model.split(":");
    Optional<Path> root = p[0].equals("fixture")
        ? TlcFixturesTest.fixtures().map(r -> r.resolve("specs")) : repoRoot().map(r -> r.resolve("specs"));
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Path spec = root.get().resolve(p[1]);
    return Optional.of(new Path[] {spec, spec.resolveSibling(p[2])});
  }

  /**
   * The output without the run-dependent parts: timings, and with several workers whatever
   * depends on which worker got a state first (outdegree; counts, trace and its actions when
   * stopping at an error, where only the verdict and trace length are fixed).
   */
  private static String comparable(String out, int workers, boolean complete) {
    String text = TlcOutputNormalizer.normalize(out);
    if (workers == 1) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    text.lines().filter(l -> l.startsWith("Error:") || l.startsWith("Model checking completed")
        || (complete && (l.contains(" distinct states found") || l.startsWith("The depth"))))
        .forEach(l -> sb.append(l).append('\n'));
    sb.append(text.lines().filter(l -> l.matches("State \\d+: .*")).count()).append(" states\n");
    return sb.toString();
  }

  @ParameterizedTest(name = "{0} with {1} worker(s)")
  @MethodSource("models")
  void forcedSpillingPrintsWhatTheInMemoryQueuePrints(String model, int workers) throws IOException {
    Optional<Path[]> f = files(model);
    Assumptions.assumeTrue(f.isPresent(), "shared/tlc-fixtures not found next to the repository");
    Path spec = f.get()[0];
    Path cfg = f.get()[1];
    Path meta = tmp.resolve("meta");
    CliTestSupport.Result mem = CliTestSupport.run("check", "-workers", "" + workers, "-spill", "never",
        "-config", cfg.toString(), spec.toString());
    CliTestSupport.Result disk = CliTestSupport.run("check", "-workers", "" + workers, "-spill", "always",
        "-metadir", meta.toString(), "-config", cfg.toString(), spec.toString());
    assertEquals(mem.code(), disk.code(), disk.out() + disk.err());
    boolean complete = mem.code() == 0;
    assertEquals(comparable(mem.out(), workers, complete), comparable(disk.out(), workers, complete));
    assertEquals("", mem.err());
    assertTrue(disk.err().isEmpty() || disk.err().matches("synod: spilled [\\d,]+ bytes .*\\R"), disk.err());
    try (Stream<Path> left = Files.list(meta)) {
      assertEquals(List.of(), left.toList(), "spill directory left behind");
    }
  }

  /** A three-state ring (no deadlock). */
  private Path ringSpec() throws IOException {
    Path spec = tmp.resolve("Ring.tla");
    Files.writeString(spec, "---- MODULE Ring ----\nEXTENDS Naturals\nVARIABLE pos\n"
        + "Init == pos = 0\nNext == pos' = (pos + 1) % 3\n====\n");
    Files.writeString(tmp.resolve("Ring.cfg"), "INIT Init\nNEXT Next\n");
    return spec;
  }

  @Test
  void badSpillFlagsAreUsageErrors() throws IOException {
    Path spec = ringSpec();
    CliTestSupport.Result r = CliTestSupport.run("check", "-spill", "sometimes", spec.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("-spill expects auto, always or never, got 'sometimes'"), r.err());
    CliTestSupport.Result q = CliTestSupport.run("check", "-queue-mem", "0", spec.toString());
    assertEquals(2, q.code());
    assertTrue(q.err().contains("-queue-mem expects a positive number of megabytes"), q.err());
    assertFalse((r.err() + q.err()).contains("\tat "), "stack trace");
  }

  @Test
  void anUnusableMetaDirIsASystemError() throws IOException {
    Path spec = ringSpec();
    Path file = Files.writeString(tmp.resolve("plain-file"), "");
    CliTestSupport.Result r = CliTestSupport.run("check", "-metadir",
        file.resolve("meta").toString(), spec.toString());
    assertEquals(153, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("cannot create a spill directory in " + file.resolve("meta")), r.out());
    assertFalse((r.out() + r.err()).contains("\tat "), "stack trace");
    CliTestSupport.Result never = CliTestSupport.run("check", "-spill", "never", "-metadir",
        file.resolve("meta").toString(), spec.toString());
    assertEquals(0, never.code(), never.out());
  }
}
