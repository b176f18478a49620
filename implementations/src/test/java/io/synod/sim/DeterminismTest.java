package io.synod.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.sim.record.RunRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same seed, same bytes: every output file of a rerun is identical. */
class DeterminismTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"raft", "paxos", "2pc"})
  void sameSeedSameBytes(String name) throws Exception {
    Protocol<?> p = Protocols.byName(name).orElseThrow();
    SimConfig cfg = SimConfig.of(42, 3, 3, 60);
    RunRecorder.run(p, cfg, tmp.resolve("a"), s -> {});
    RunRecorder.run(Protocols.byName(name).orElseThrow(), cfg, tmp.resolve("b"), s -> {});
    RunRecorder.run(p, cfg.withSeed(43), tmp.resolve("c"), s -> {});
    for (String f : List.of(RunRecorder.TRACE, RunRecorder.HISTORY, RunRecorder.SUMMARY)) {
      byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(f));
      byte[] b = Files.readAllBytes(tmp.resolve("b").resolve(f));
      assertTrue(a.length > 100, f + " should not be empty");
      assertArrayEquals(a, b, f + " differs between two runs of the same seed");
    }
    byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(RunRecorder.TRACE));
    byte[] c = Files.readAllBytes(tmp.resolve("c").resolve(RunRecorder.TRACE));
    assertFalse(Arrays.equals(a, c), "another seed should give another run");
  }
}
