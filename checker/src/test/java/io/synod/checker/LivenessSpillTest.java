package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SpillMode;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour graph on disk changes nothing but memory: a forced spill (recording chunks in
 * spill files, the frozen edges in mapped files) gives the in-memory check's verdict, counts,
 * violated property and lasso, whether the properties hold or not, and leaves no files behind.
 */
class LivenessSpillTest {
  /**
   * N processes take tickets modulo M and are served in ticket order; each process is weakly
   * fair only when FAIR, so Served (~>) holds with fairness and is violated without it.
   */
  private static final String TICKETS = """
      ---- MODULE Tickets ----
      EXTENDS Naturals
      CONSTANTS Procs, M, FAIR
      VARIABLES pc, ticket, next, serving
      vars == <<pc, ticket, next, serving>>
      Init == /\\ pc = [p \\in Procs |-> "idle"] /\\ ticket = [p \\in Procs |-> 0]
              /\\ next = 0 /\\ serving = 0
      Take(p) == /\\ pc[p] = "idle" /\\ ticket' = [ticket EXCEPT ![p] = next]
                 /\\ next' = (next + 1) % M /\\ pc' = [pc EXCEPT ![p] = "wait"]
                 /\\ UNCHANGED serving
      Enter(p) == /\\ pc[p] = "wait" /\\ ticket[p] = serving
                  /\\ pc' = [pc EXCEPT ![p] = "cs"] /\\ UNCHANGED <<ticket, next, serving>>
      Leave(p) == /\\ pc[p] = "cs" /\\ serving' = (serving + 1) % M
                  /\\ pc' = [pc EXCEPT ![p] = "idle"] /\\ UNCHANGED <<ticket, next>>
      Proc(p) == Take(p) \\/ Enter(p) \\/ Leave(p)
      Next == \\E p \\in Procs : Proc(p)
      Fairness == IF FAIR THEN \\A p \\in Procs : WF_vars(Proc(p)) ELSE TRUE
      Spec == Init /\\ [][Next]_vars /\\ Fairness
      Served == \\A p \\in Procs : (pc[p] = "wait") ~> (pc[p] = "cs")
      Busy == \\A p \\in Procs : []<>(pc[p] # "idle")
      ====
      """;

  @TempDir
  Path dir;

  private CheckResult check(String fair, String props, SpillMode mode, int workers, Path meta)
      throws Exception {
    Path spec = dir.resolve("Tickets.tla");
    Files.writeString(spec, TICKETS);
    Path cfg = Files.writeString(dir.resolve("Tickets" + fair + ".cfg"),
        "CONSTANTS Procs = {p1, p2, p3} M = 4 FAIR = " + fair + "\nSPECIFICATION Spec\n"
            + "PROPERTIES " + props + "\n");
    CheckOptions o = CheckOptions.defaults().withWorkers(workers).withFpIndex(0).withSpill(mode);
    if (meta != null) {
      o = o.withMetaDir(meta);
    }
    return Checker.check(spec, cfg, o, new SearchListener() {}, Output.NONE);
  }

  private static String summary(CheckResult r) {
    StringBuilder sb = new StringBuilder(r.verdict() + " " + r.stats() + "\n");
    for (CheckResult.Failure f : r.failures()) {
      sb.append(f.name()).append(' ').append(f.loop()).append('\n');
      for (TraceStep st : f.trace()) {
        sb.append(List.of(st.state())).append('\n');
      }
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "FAIR={0} {1} workers={2}")
  @CsvSource({
      "TRUE, Served Busy, 1, SUCCESS",
      "TRUE, Served Busy, 2, SUCCESS",
      "FALSE, Served, 1, LIVENESS",
      "FALSE, Busy Served, 2, LIVENESS"})
  void aGraphOnDiskGivesTheCheckInMemory(String fair, String props, int workers, Verdict expected)
      throws Exception {
    Path meta = Files.createDirectories(dir.resolve("meta"));
    CheckResult mem = check(fair, props, SpillMode.NEVER, workers, null);
    CheckResult disk = check(fair, props, SpillMode.ALWAYS, workers, meta);
    assertEquals(expected, mem.verdict());
    assertEquals(summary(mem), summary(disk));
    assertTrue(disk.memory().bytesSpilled() > 0);
    try (Stream<Path> left = Files.list(meta)) {
      assertEquals(List.of(), left.toList(), "spill files left behind");
    }
  }
}
