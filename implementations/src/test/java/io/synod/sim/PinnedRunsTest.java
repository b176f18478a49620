package io.synod.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.sim.record.RunRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs whose output is pinned byte for byte: the SHA-256 of the trace, the history and the
 * summary that a seed gave when the digests were taken. A refactoring of the simulator or the
 * nodes (how events are scheduled, disk records kept, traces recorded) must leave them as they
 * are; a change of behaviour must update them knowingly.
 */
class PinnedRunsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} seed {1} nodes {2} bug ''{3}''")
  @CsvSource({
    "raft, 42, 3, '', 0c468b7e1f2cc700, 01775642b7d7bded, aea2a7413f14db23",
    "raft, 7, 5, '', 24c24e7d9e0c8745, c6521d3a818eaaea, a1f4533286646948",
    "raft, 11, 3, forget-vote, d51d2ccbe8a1f51d, 1322d5652735abb1, 8e522724415aa0f4",
    "paxos, 42, 3, '', 0cf9f8d85a6320cb, 4d461ddf6fa2e1eb, c4d5178ccc7d6587",
    "paxos, 9, 5, '', 8629c67dd2b3c0fe, 679655ef68c94534, 6f1f9527987e4704",
    "2pc, 42, 4, '', 001e064a9f84f1cf, b9e4ce17fb0fdd43, dbc7be38dc2abfee",
  })
  void sameSeedSameOutputAsWhenPinned(String protocol, long seed, int nodes, String bug,
      String trace, String history, String summary) throws Exception {
    SimConfig cfg = SimConfig.of(seed, nodes, 3, 80);
    if (!bug.isEmpty()) {
      cfg = cfg.withBugs(Set.of(bug));
    }
    Path out = tmp.resolve(protocol + seed);
    RunRecorder.run(Protocols.byName(protocol).orElseThrow(), cfg, out, s -> {});
    String got = digest(out.resolve(RunRecorder.TRACE)) + ", " + digest(out.resolve(RunRecorder.HISTORY))
        + ", " + digest(out.resolve(RunRecorder.SUMMARY));
    assertEquals(trace + ", " + history + ", " + summary, got);
  }

  private static String digest(Path file) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    return HexFormat.of().formatHex(hash, 0, 8);
  }
}
