package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
  @TempDir Path tmp;

  @Test
  void runsRaftAndWritesTheThreeFiles() throws Exception {
    Path out = tmp.resolve("run");
    var r = CliTestSupport.run("sim", "raft", "--seed", "3", "--nodes", "3", "--ops", "40", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("operations   40 invoked"), r.out());
    assertTrue(r.out().contains("invariants   held after every step"), r.out());
    assertTrue(r.out().contains("history      linearizable"), r.out());
    for (String f : new String[] {"trace.ndjson", "history.edn", "summary.json"}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(Files.readString(out.resolve("history.edn")).startsWith("{:process "));
    assertTrue(Files.readString(out.resolve("summary.json")).contains("\"protocol\":\"raft\""));
  }

  @Test
  void aBugSwitchEndsWithTheSafetyViolationCode() {
    var r = CliTestSupport.run("sim", "paxos", "--seed", "1", "--ops", "80", "--bug", "accept-lower-ballot");
    assertEquals(SimCommand.SAFETY_VIOLATION, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("VIOLATED") && r.out().contains("two values chosen"), r.out());
  }

  @Test
  void staleReadIsCaughtByTheBuiltInLinearizabilityCheck() {
    var r = CliTestSupport.run("sim", "raft", "--seed", "1", "--ops", "80", "--bug", "stale-read");
    assertEquals(SimCommand.SAFETY_VIOLATION, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("invariants   held after every step"), r.out());
    assertTrue(r.out().contains("history      NOT linearizable:"), r.out());
    assertTrue(r.out().contains("cannot linearize {:process"), r.out());
    var skipped = CliTestSupport.run("sim", "raft", "--seed", "1", "--ops", "80", "--bug", "stale-read", "--no-lin");
    assertEquals(0, skipped.code(), skipped.out());
  }

  @Test
  void twoPhaseCommitRunsWithoutFaults() {
    var r = CliTestSupport.run("sim", "2pc", "--faults", "none", "--ops", "30");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("30 invoked") && r.out().contains(" 0 info"), r.out());
  }

  @Test
  void badFlagsAreUsageErrors() {
    String[][] bad = {
      {"sim", "zab"},
      {"sim", "raft", "--faults", "partition,fire"},
      {"sim", "raft", "--bug", "ignore-accepted-value"},
      {"sim", "raft", "--nodes", "0"},
      {"sim", "2pc", "--nodes", "1"},
      {"sim", "raft", "--seed", "abc"},
      {"sim", "raft", "--max-time", "-1"},
      {"sim"},
    };
    for (String[] args : bad) {
      var r = CliTestSupport.run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertFalse(r.err().isBlank(), "a message for " + String.join(" ", args));
    }
    var r = CliTestSupport.run("sim", "raft", "--faults", "partition,fire");
    assertTrue(r.err().contains("unknown fault 'fire'"), r.err());
  }

  @Test
  void outMustBeADirectory() throws Exception {
    Path file = Files.writeString(tmp.resolve("f.txt"), "x");
    var r = CliTestSupport.run("sim", "raft", "--ops", "5", "--out", file.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("exists and is not a directory"), r.err());
  }

  /** The lines of a sweep that do not depend on where and how fast it ran. */
  private static java.util.List<String> outcome(String out) {
    return out.lines().filter(l -> l.startsWith("seed ") || l.startsWith("sweep "))
        .map(l -> l.replaceAll(" in [0-9.]+ s wall", "")).toList();
  }

  @Test
  void aSweepOnTwoLocalMembersFindsTheSingleMachineFailingSeeds() {
    String[] sweep = {"sim", "2pc", "--seeds", "1..25", "--ops", "40", "--bug", "abort-after-prepared",
        "--max-failures", "4"};
    var one = CliTestSupport.run(sweep);
    assertEquals(SimCommand.SAFETY_VIOLATION, one.code(), one.out() + one.err());
    var lines = outcome(one.out());
    // the bug is caught on some seeds and not on others, and the sweep stops at the 4th
    assertEquals(5, lines.size(), one.out());
    assertTrue(lines.get(4).startsWith("sweep        ") && lines.get(4).contains("4 failing: ")
        && lines.get(4).contains("(stopped at the first 4, --max-failures)"), one.out());
    assertFalse(lines.get(4).contains("25 seeds run"), one.out());
    String[] onCluster = java.util.Arrays.copyOf(sweep, sweep.length + 4);
    System.arraycopy(new String[] {"--local-members", "2", "--member-heap", "256m"}, 0, onCluster, sweep.length, 4);
    var many = CliTestSupport.run(onCluster);
    assertEquals(one.code(), many.code(), many.out() + many.err());
    assertEquals(lines, outcome(many.out()));
    assertTrue(many.out().contains(", on a cluster"), many.out());
  }

  @Test
  void aSweepWithoutALimitRunsEverySeedAndPassesWhenNoneFails() {
    var r = CliTestSupport.run("sim", "2pc", "--seeds", "1..6", "--ops", "20", "--max-failures", "0");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(java.util.List.of("sweep        6 seeds run (1..6), 0 failing"), outcome(r.out()));
  }

  @Test
  void badSweepFlagsAreOneLineUsageErrors() {
    String[][] bad = {
      {"sim", "2pc", "--seeds", "5..1"},
      {"sim", "2pc", "--seeds", "1-5"},
      {"sim", "2pc", "--seeds", "1..99999999999999999999"},
      {"sim", "2pc", "--seeds", "1..5", "--max-failures", "-1"},
      {"sim", "2pc", "--seeds", "1..5", "--out", "x"},
      {"sim", "2pc", "--cluster", "a:5710"},
      {"sim", "2pc", "--max-failures", "3"},
      {"sim", "2pc", "--seeds", "1..5", "--cluster", "a,,b"},
      {"sim", "2pc", "--seeds", "1..5", "--cluster", "a", "--local-members", "2"},
      {"sim", "2pc", "--seeds", "1..5", "--local-members", "0"},
      {"sim", "2pc", "--seeds", "1..5", "--member-heap", "1g"},
      {"sim", "2pc", "--seeds", "1..5", "--seed", "3"},
    };
    for (String[] args : bad) {
      var r = CliTestSupport.run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
    }
    assertTrue(CliTestSupport.run("sim", "2pc", "--seeds", "5..1").err()
        .contains("--seeds '5..1': the first seed is greater than the last"));
    assertTrue(CliTestSupport.run("sim", "2pc", "--cluster", "a").err()
        .contains("--cluster applies to a sweep only: give --seeds A..B"));
  }

  @Test
  void anUndecidedHistoryIsNoSuccess() {
    var unknown = io.synod.conformance.lin.Verdict.UNKNOWN;
    assertEquals(3, SimCommand.runExit(false, unknown));
    assertEquals(SimCommand.SAFETY_VIOLATION, SimCommand.runExit(true, unknown));
    assertEquals(SimCommand.SAFETY_VIOLATION, SimCommand.runExit(false, io.synod.conformance.lin.Verdict.INVALID));
    assertEquals(0, SimCommand.runExit(false, io.synod.conformance.lin.Verdict.VALID));
    assertEquals(0, SimCommand.runExit(false, null));
    assertEquals(0, SimCommand.sweepExit(java.util.List.of()));
    assertEquals(3, SimCommand.sweepExit(java.util.List.of(SimCommand.UNDECIDED, SimCommand.UNDECIDED)));
    assertEquals(SimCommand.SAFETY_VIOLATION,
        SimCommand.sweepExit(java.util.List.of(SimCommand.UNDECIDED, "history not linearizable")));
  }

  @Test
  void aNegativeLinBudgetIsRefused() {
    var r = CliTestSupport.run("sim", "raft", "--lin-max-configs", "-1");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--lin-max-configs must not be negative"), r.err());
  }
}
