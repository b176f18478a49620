package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckpointFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check -checkpoint} / {@code -recover} as a user meets them: a check killed with SIGKILL
 * after its first checkpoint and resumed in a new process ends with the uninterrupted check's
 * verdict, counts, depth and counterexample; unusable checkpoints get one clear message each.
 */
class CheckpointCliTest {
  private static final Path RAFT = Path.of("..", "specs", "raft").toAbsolutePath().normalize();
  private static final Pattern STATS = Pattern.compile(
      "(?m)^([0-9]+) states generated, ([0-9]+) distinct states found, ([0-9]+) states left on queue\\.$");

  @TempDir Path dir;

  /** A finished run of synod in a JVM of its own. */
  private record Run(int code, String out, String err) {}

  private Run run(String... args) throws Exception {
    CliTestSupport.Result r = CliTestSupport.runInJvm(dir, List.of(), args);
    return new Run(r.code(), r.out(), r.err());
  }

  /**
   * Starts a check that writes a checkpoint after every {@code every} states, kills it (SIGKILL)
   * as soon as the first checkpoint is complete, and returns the checkpoint's directory.
   */
  private Path killedAfterFirstCheckpoint(String every, String cfg) throws Exception {
    return killedAfterFirstCheckpoint(every, RAFT.resolve("MCRaft.tla"), RAFT.resolve(cfg));
  }

  private Path killedAfterFirstCheckpoint(String every, Path spec, Path config, String... options)
      throws Exception {
    String cfg = config.getFileName().toString();
    Path meta = dir.resolve("meta-" + cfg);
    Path out = dir.resolve("killed-" + cfg + ".txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsynod.checkpoint.states=" + every, "-cp", System.getProperty("java.class.path"),
        Synod.class.getName(), "check", "-workers", "1", "-metadir", meta.toString()));
    command.addAll(List.of(options));
    command.addAll(List.of("-config", config.toString(), spec.toString()));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (p.isAlive() && System.nanoTime() < deadline
          && !Files.readString(out).contains("Checkpointing completed at")) {
        Thread.sleep(20);
      }
      assertTrue(p.isAlive(), "the check is still running after its first checkpoint:\n"
          + Files.readString(out));
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
      p.waitFor(1, TimeUnit.MINUTES);
    } finally {
      p.destroyForcibly();
    }
    String printed = Files.readString(out);
    assertTrue(printed.contains("Checkpointing of run " + meta), printed);
    assertTrue(CheckpointFile.exists(meta), "the checkpoint survives the kill");
    return meta;
  }

  private static List<Long> stats(String out) {
    Matcher m = STATS.matcher(out);
    assertTrue(m.find(), out);
    return List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
  }

  private static String depth(String out) {
    return out.lines().filter(l -> l.startsWith("The depth of the complete state graph")).findFirst()
        .orElse("no depth line");
  }

  /** The error and its trace: from the first "Error:" line to the statistics. */
  private static String counterexample(String out) {
    int from = out.indexOf("Error:");
    Matcher m = STATS.matcher(out);
    return from < 0 || !m.find() ? "" : out.substring(from, m.start());
  }

  @Test
  void aKilledCheckResumesWithTheUninterruptedCountsAndBadCheckpointsAreRefused() throws Exception {
    String spec = RAFT.resolve("MCRaft.tla").toString();
    String cfg = RAFT.resolve("MCRaft.cfg").toString();
    Path meta = killedAfterFirstCheckpoint("20000", "MCRaft.cfg");

    // unusable checkpoints, each refused before the search with one clear message
    Path truncated = copy(meta, "truncated");
    try (RandomAccessFile f = new RandomAccessFile(CheckpointFile.file(truncated).toFile(), "rw")) {
      f.setLength(f.length() - 100);
    }
    refused(153, "the checkpoint is truncated", "check", "-recover", truncated.toString(), "-config", cfg, spec);
    Path corrupt = copy(meta, "corrupt");
    try (RandomAccessFile f = new RandomAccessFile(CheckpointFile.file(corrupt).toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 1);
    }
    refused(153, "the checkpoint is corrupt", "check", "-recover", corrupt.toString(), "-config", cfg, spec);
    Path older = copy(meta, "older");
    try (RandomAccessFile f = new RandomAccessFile(CheckpointFile.file(older).toFile(), "rw")) {
      f.seek(8); // the format version, after the magic
      f.writeInt(1);
    }
    refused(2, "checkpoint format 1, this Synod reads format", "check", "-recover", older.toString(),
        "-config", cfg, spec);
    refused(2, "no such directory", "check", "-recover", dir.resolve("none").toString(), "-config", cfg, spec);
    Files.createDirectories(dir.resolve("empty"));
    refused(2, "holds no checkpoint", "check", "-recover", dir.resolve("empty").toString(), "-config", cfg, spec);
    refused(2, "the model's config file differs", "check", "-recover", meta.toString(), "-config",
        RAFT.resolve("MCRaftSmallQuorum.cfg").toString(), spec);
    Path edited = dir.resolve("edited");
    Files.createDirectories(edited);
    for (String f : List.of("MCRaft.tla", "Raft.tla", "MCRaft.cfg")) {
      Files.writeString(edited.resolve(f), Files.readString(RAFT.resolve(f))
          + (f.equals("Raft.tla") ? "\\* an edit after the module's end\n" : ""));
    }
    refused(2, "the spec's modules differ", "check", "-recover", meta.toString(), "-config",
        edited.resolve("MCRaft.cfg").toString(), edited.resolve("MCRaft.tla").toString());
    refused(2, "option -fp is 3", "check", "-fp", "3", "-recover", meta.toString(), "-config", cfg, spec);
    refused(2, "differs from the seed", "check", "-seed", "1", "-recover", meta.toString(), "-config", cfg, spec);
    refused(2, "already holds the checkpoint of an earlier check", "check", "-metadir", meta.toString(),
        "-config", cfg, spec);
    assertTrue(CheckpointFile.exists(meta), "refusals leave the checkpoint as it was");

    // the real thing: resumed with another number of workers, and the uninterrupted run
    Run resumed = run("check", "-workers", "2", "-recover", meta.toString(), "-config", cfg, spec);
    Run whole = run("check", "-workers", "1", "-checkpoint", "0", "-config", cfg, spec);
    assertEquals(0, whole.code(), whole.out());
    assertEquals(whole.code(), resumed.code(), resumed.out() + resumed.err());
    assertTrue(resumed.out().contains("Starting recovery from checkpoint " + meta), resumed.out());
    assertTrue(Pattern.compile("(?m)^Recovery completed\\. [0-9]+ states examined\\. [0-9]+ states on queue\\.$")
        .matcher(resumed.out()).find(), resumed.out());
    assertFalse(resumed.out().contains("Computing initial states"), resumed.out());
    assertEquals(stats(whole.out()), stats(resumed.out()));
    assertEquals(depth(whole.out()), depth(resumed.out()));
    assertFalse(CheckpointFile.exists(meta), "a finished check deletes its checkpoint");
    assertFalse(resumed.err().contains("\tat "), resumed.err());
  }

  @Test
  void aViolationFoundAfterAKillHasTheUninterruptedCounterexample() throws Exception {
    String spec = RAFT.resolve("MCRaft.tla").toString();
    String cfg = RAFT.resolve("MCRaftLeaderTruncate.cfg").toString();
    Path meta = killedAfterFirstCheckpoint("2000", "MCRaftLeaderTruncate.cfg");
    Run resumed = run("check", "-workers", "1", "-recover", meta.toString(), "-config", cfg, spec);
    Run whole = run("check", "-workers", "1", "-config", cfg, spec);
    assertEquals(13, whole.code(), whole.out());
    assertEquals(whole.code(), resumed.code(), resumed.out());
    assertEquals(stats(whole.out()), stats(resumed.out()));
    assertEquals(depth(whole.out()), depth(resumed.out()));
    String trace = counterexample(whole.out());
    assertTrue(trace.contains("LeaderAppendOnly"), whole.out());
    assertEquals(trace, counterexample(resumed.out()));
  }

  @Test
  void checkpointsAreRefusedWhereTheyCannotBeKept() {
    String spec = RAFT.resolve("MCRaft.tla").toString();
    var r = CliTestSupport.run("check", "-checkpoint", "5", "-continue", "-metadir", dir.toString(), "-config",
        RAFT.resolve("MCRaftSmallQuorum.cfg").toString(), spec);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("-continue"), r.err());
    r = CliTestSupport.run("check", "-checkpoint", "-1", "-config", RAFT.resolve("MCRaftSmallQuorum.cfg").toString(), spec);
    assertEquals(2, r.code(), r.out() + r.err());
  }

  /** Two counters modulo 150; only IncX is fair, so y need not come back to 0: a lasso. */
  private static final String COUNTERS = """
      ---- MODULE Counters ----
      EXTENDS Naturals
      VARIABLES x, y
      vars == <<x, y>>
      Init == x = 0 /\\ y = 0
      IncX == x' = (x + 1) % 150 /\\ y' = y
      IncY == y' = (y + 1) % 150 /\\ x' = x
      Spec == Init /\\ [][IncX \\/ IncY]_vars /\\ WF_vars(IncX)
      YReturns == []<>(y = 0)
      ====
      """;

  /** The lines of a check's output that do not depend on the time or the run's history. */
  private static List<String> timeless(String out) {
    return out.lines().filter(l -> !l.startsWith("Progress(") && !l.startsWith("Finished in")
        && !l.startsWith("Starting") && !l.startsWith("Running") && !l.startsWith("Checkpointing")
        && !l.startsWith("Recovery completed") && !l.startsWith("Computing initial states")
        && !l.startsWith("Finished computing initial states") && !l.startsWith("Finished checking")
        && !l.startsWith("Checking temporal properties") && !l.startsWith("Starting recovery")
        && !l.contains("(rev: synod-")).toList();
  }

  @Test
  void aKilledLivenessCheckResumesWithTheUninterruptedLasso() throws Exception {
    Path spec = dir.resolve("Counters.tla");
    Files.writeString(spec, COUNTERS);
    Path cfg = dir.resolve("Counters.cfg");
    Files.writeString(cfg, "SPECIFICATION Spec\nPROPERTY YReturns\n");
    // the recorded graph through spill files, into the checkpoint's graph files
    Path meta = killedAfterFirstCheckpoint("3000", spec, cfg, "-spill", "always", "-lncheck", "final");
    try (Stream<Path> s = Files.list(meta)) {
      assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith(CheckpointFile.NAME + ".graph-")),
          "the behaviour graph is beside the checkpoint");
    }
    Run resumed = run("check", "-workers", "1", "-spill", "always", "-lncheck", "final", "-recover",
        meta.toString(), "-config", cfg.toString(), spec.toString());
    Run whole = run("check", "-workers", "1", "-lncheck", "final", "-checkpoint", "0", "-config",
        cfg.toString(), spec.toString());
    assertEquals(13, whole.code(), whole.out());
    assertEquals(whole.code(), resumed.code(), resumed.out() + resumed.err());
    assertTrue(whole.out().contains("Temporal property YReturns was violated."), whole.out());
    assertTrue(whole.out().contains("Back to state"), whole.out());
    assertTrue(resumed.out().contains("Recovery completed."), resumed.out());
    assertTrue(resumed.out().contains("Checking temporal properties for the complete state space"),
        resumed.out());
    assertEquals(timeless(whole.out()), timeless(resumed.out()));
    try (Stream<Path> s = Files.list(meta)) {
      // (the killed process's spill directory stays: nothing removed it)
      assertEquals(List.of(), s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(CheckpointFile.NAME)).toList(),
          "a finished check deletes its checkpoint and graph files");
    }
    assertFalse(resumed.err().contains("\tat "), resumed.err());
  }

  private void refused(int code, String message, String... args) {
    var r = CliTestSupport.run(args);
    assertEquals(code, r.code(), r.out() + r.err());
    assertTrue((r.out() + r.err()).contains(message), r.out() + r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  private Path copy(Path from, String name) throws IOException {
    Path to = dir.resolve(name);
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
    return to;
  }
}
