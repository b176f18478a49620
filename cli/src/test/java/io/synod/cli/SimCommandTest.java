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
}
