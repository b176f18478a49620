package io.synod.checker.report;

import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.engine.Verdict;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Fingerprints;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.Value;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Prints a check the way TLC prints it on stdout, line for line, so that TLC users (and tools
 * reading TLC's output) find what they expect. Times come from the given clock.
 */
public final class TlcTextReporter implements SearchListener {
  private static final String UNEXPECTED = "TLC threw an unexpected exception.";
  /** How TLC introduces the initial state an error happened on (no preamble before it). */
  private static final String WHILE_INITIAL = "While working on the initial state:";
  /** TLC's own error for an action that left variables unassigned (its text ends in a newline). */
  private static final String INCOMPLETE = "Successor state is not completely specified";
  private final Output out;
  private final Clock clock;
  /** How long the liveness check took, once it ran (printed with the result); -1 before. */
  private volatile long livenessMillis = -1;

  public TlcTextReporter(Output out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  private String now() {
    return TlcText.timestamp(LocalDateTime.now(clock));
  }

  /**
   * The two banner lines. TLC's first line names its version; Synod prints the same shape with
   * its own revision ({@code (rev: synod-<version>)}) so that readers of TLC output still parse it.
   */
  public void banner(String synodVersion, int workers, int fpIndex, long seed, String fpSetName,
      String queueName) {
    banner(synodVersion, workers, fpIndex, seed, fpSetName, queueName, false);
  }

  /** The same for a simulation ({@code simulate}), whose second line is TLC's for its simulator. */
  public void banner(String synodVersion, int workers, int fpIndex, long seed, String fpSetName,
      String queueName, boolean simulate) {
    out.println("TLC2 Version " + TlcText.versionStamp(LocalDateTime.now(clock)) + " (rev: synod-"
        + synodVersion + ")");
    Runtime rt = Runtime.getRuntime();
    String env = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch") + ", " + System.getProperty("java.vendor") + " "
        + System.getProperty("java.version") + " " + System.getProperty("sun.arch.data.model", "64");
    out.println((simulate ? "Running Random Simulation with seed " + seed
        : "Running breadth-first search Model-Checking with fp " + fpIndex + " and seed " + seed)
        + " with " + workers + (workers == 1 ? " worker" : " workers") + " on "
        + rt.availableProcessors() + " cores with " + rt.maxMemory() / (1024 * 1024)
        + "MB heap and 0MB offheap memory [pid: " + ProcessHandle.current().pid() + "] (" + env
        + ", " + fpSetName + ", " + queueName + ").");
  }

  /** {@code Starting... (time)}. */
  public void starting() {
    out.println("Starting... (" + now() + ")");
  }

  /** An error before or instead of the search (parse, config): {@code Error: ...}. */
  public void error(String message) {
    out.println("Error: " + message);
  }

  @Override
  public void computingInitialStates() {
    out.println("Computing initial states...");
  }

  @Override
  public void initialStatesSoFar(long n) {
    out.println("Computed " + n + " initial states...");
  }

  /**
   * TLC's -coverage: its report every {@code minutes} (at the progress report that many minutes
   * on, every one for 0 or 1) and once after the search, before the statistics.
   */
  public TlcTextReporter withCoverage(io.synod.checker.engine.Coverage c, int minutes) {
    this.coverage = c;
    this.coverageEvery = Math.max(1, minutes);
    this.coverageCountdown = coverageEvery;
    return this;
  }

  private io.synod.checker.engine.Coverage coverage;
  private int coverageEvery;
  private int coverageCountdown;
  private volatile long initGenerated = -1;
  private volatile long initDistinct = -1;

  private void coverageReport() {
    coverage.report(now(), initGenerated, initDistinct).forEach(out::println);
  }

  @Override
  public void initialStatesDone(long generated, long distinct) {
    initGenerated = generated;
    initDistinct = distinct;
    if (generated == distinct) {
      out.println("Finished computing initial states: " + TlcText.states(distinct) + " generated at "
          + now() + ".");
    } else {
      out.println("Finished computing initial states: " + generated + " state"
          + (generated == 1 ? "" : "s") + " generated, with " + distinct + " of them distinct at "
          + now() + ".");
    }
  }

  @Override
  public void progress(SearchStats s, long elapsedMillis) {
    double minutes = Math.max(elapsedMillis, 1) / 60000.0;
    out.println("Progress(" + s.depth() + ") at " + now() + ": "
        + TlcText.grouped(s.generated()) + " states generated ("
        + TlcText.grouped((long) (s.generated() / minutes)) + " s/min), "
        + TlcText.grouped(s.distinct()) + " distinct states found ("
        + TlcText.grouped((long) (s.distinct() / minutes)) + " ds/min), "
        + TlcText.grouped(s.queue()) + " states left on queue.");
    if (coverage != null) {
      // as TLC's progress thread: a report every coverageEvery-th progress line
      if (coverageCountdown > 1) {
        coverageCountdown--;
      } else {
        coverageReport();
        coverageCountdown = coverageEvery;
      }
    }
  }

  /**
   * Where to say what each checkpoint cost (states, bytes, time), for those who size disks and
   * intervals; TLC prints no such line, so it goes apart from stdout.
   */
  public TlcTextReporter withDiagnostics(Output diagnostics) {
    this.diagnostics = diagnostics;
    return this;
  }

  private Output diagnostics = Output.NONE;

  @Override
  public void checkpointStarted(java.nio.file.Path dir) {
    out.println("Checkpointing of run " + dir);
  }

  @Override
  public void checkpointDone(java.nio.file.Path dir, SearchStats at, long bytes, long millis) {
    out.println("Checkpointing completed at (" + now() + ")");
    diagnostics.println(String.format("synod: checkpoint of %,d distinct states (%,d on queue):"
        + " %,d bytes written in %,d ms", at.distinct(), at.queue(), bytes, millis));
  }

  @Override
  public void checkpointFailed(java.nio.file.Path dir, String reason) {
    out.println("Warning: checkpointing failed, " + reason + "; the check goes on without"
        + " checkpoints (the previous one, if any, is still usable)");
  }

  @Override
  public void recoveryStarted(java.nio.file.Path dir) {
    out.println("Starting recovery from checkpoint " + dir);
  }

  @Override
  public void recoveryDone(long distinct, long queued, long millis) {
    out.println("Recovery completed. " + distinct + " states examined. " + queued
        + " states on queue.");
    diagnostics.println(String.format("synod: recovered %,d distinct states (%,d on queue) in %,d ms",
        distinct, queued, millis));
  }

  @Override
  public void livenessBranches(int branches) {
    out.println("Implied-temporal checking--satisfiability problem has " + branches + " branches.");
  }

  @Override
  public void checkingLiveness(SearchStats s, int branches) {
    out.println("Progress(" + s.depth() + ") at " + now() + ": "
        + TlcText.grouped(s.generated()) + " states generated, "
        + TlcText.grouped(s.distinct()) + " distinct states found, "
        + TlcText.grouped(s.queue()) + " states left on queue.");
    // TLC counts the states of every branch's behaviour graph
    checkingLine("complete", s.distinct() * branches, branches);
  }

  /** TLC's line before a check of the {@code space} ("complete" or "current") state space. */
  private void checkingLine(String space, long states, int branches) {
    out.println("Checking " + (branches > 1 ? branches + " branches of " : "")
        + "temporal properties for the " + space + " state space with " + states
        + " total distinct states at (" + now() + ")");
  }

  /** TLC's line after a check of the temporal properties. */
  private void finishedLine(long millis) {
    out.println("Finished checking temporal properties in " + TlcText.duration(millis) + " at "
        + now());
  }

  @Override
  public void livenessChecked(long millis) {
    livenessMillis = millis;
  }

  @Override
  public void checkingLivenessSoFar(long states, int branches) {
    checkingLine("current", states, branches);
  }

  @Override
  public void livenessCheckedSoFar(long millis, boolean violated) {
    if (violated) {
      // as after the final check: the line follows the counterexample
      livenessChecked(millis);
    } else {
      finishedLine(millis);
    }
  }

  /**
   * TLC's {@code -difftrace}: a state of a printed trace shows only the variables whose values
   * differ from those of the state TLC compares it with (see {@link #diffBases}). TLC compares
   * every variable of the spec, in its order, whatever -view says; with an ALIAS, it compares the
   * alias record's field of a variable's name with that variable's value in the earlier state
   * (fields named otherwise are not shown; a variable the record lacks shows as {@code null}).
   *
   * @param variables the variable names by slot
   * @param printOrder the slots in TLC's order
   * @param alias whether states print through an ALIAS
   * @param simulation whether the traces come from a simulation (TLC drops repeated states there)
   */
  public TlcTextReporter withDiffTrace(List<String> variables, int[] printOrder, boolean alias,
      boolean simulation) {
    this.diffNames = List.copyOf(variables);
    this.diffOrder = printOrder.clone();
    this.diffAlias = alias;
    this.diffSimulation = simulation;
    return this;
  }

  private List<String> diffNames;
  private int[] diffOrder;
  private boolean diffAlias;
  private boolean diffSimulation;

  /**
   * For each state of a safety trace, the index of the state its diff is taken against, -1 for
   * a state printed whole; null without -difftrace. These follow where TLC's trace printer keeps
   * its "last state": the first state is whole; when the error is in a successor (an invariant or
   * action property), the state before it is compared with the one two steps back and the
   * violating state is printed whole (a two-state trace compares the initial state with itself,
   * printing no variable); otherwise (deadlock, an error in the next-state relation) the last
   * state is printed whole and each other one is compared with its predecessor.
   */
  private int[] diffBases(CheckResult.Failure f) {
    List<TraceStep> trace = f.trace();
    int n = trace.size();
    if (diffNames == null || n == 0) {
      return null;
    }
    int[] base = new int[n];
    for (int i = 0; i < n; i++) {
      base[i] = i - 1;
    }
    if (f.verdict() == Verdict.LIVENESS || f.verdict() == Verdict.TEMPORAL_SAFETY || diffSimulation) {
      return base;
    }
    boolean errorInSuccessor = f.verdict() == Verdict.INVARIANT || f.verdict() == Verdict.ACTION_PROPERTY
        || f.verdict() == Verdict.INVARIANT_EVAL_ERROR || f.verdict() == Verdict.ACTION_PROPERTY_EVAL_ERROR;
    if (errorInSuccessor && n >= 2) {
      if (n == 2) {
        base[0] = 0;
      } else {
        base[n - 2] = n - 4;
      }
    }
    base[n - 1] = -1;
    return base;
  }

  /** The states of a trace as TLC prints them, with -difftrace's rules when it is on. */
  private void states(CheckResult.Failure f) {
    List<TraceStep> trace = f.trace();
    int[] base = diffBases(f);
    int omitted = 0;
    for (int i = 0; i < trace.size(); i++) {
      TraceStep st = trace.get(i);
      if (base != null && diffSimulation && i > 0
          && java.util.Arrays.equals(st.state(), trace.get(i - 1).state())) {
        // a simulation may repeat a state (a step that changes nothing); TLC leaves such states
        // out of a diff trace, keeping the numbers of the others
        omitted++;
        continue;
      }
      out.println("State " + (i + 1) + ": <" + st.action().describe() + ">");
      String text = base == null || base[i] < 0 ? stateText(st) : diffText(st, trace.get(base[i]));
      if (!text.isEmpty()) {
        out.println(text);
      }
      out.println("");
    }
    if (omitted > 0) {
      out.println("difftrace requested: Shortened behavior by omitting finite stuttering (" + omitted
          + " states), which is an artifact of simulation mode.");
      out.println("");
    }
  }

  /** The {@code /\ x = v} lines of the variables whose values in {@code st} differ from {@code before}'s. */
  private String diffText(TraceStep st, TraceStep before) {
    StringBuilder sb = new StringBuilder();
    for (int slot : diffOrder) {
      String name = diffNames.get(slot);
      Value v = st.state()[slot];
      if (diffAlias) {
        v = null;
        for (TraceStep.Binding b : st.printed()) {
          if (b.name().equals(name)) {
            v = b.value();
            break;
          }
        }
      }
      Value was = before.state()[slot];
      if (was != null && was.equals(v)) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      if (diffNames.size() > 1) {
        sb.append("/\\ ");
      }
      sb.append(name).append(" = ").append(v == null ? "null" : Pretty.ppr(v));
    }
    return sb.toString();
  }

  /**
   * Lines printed after the errors and their traces, before the statistics: what TLC prints
   * while it evaluates its POSTCONDITIONs (e.g. those of -dumpTrace).
   */
  public void afterTraces(List<String> lines) {
    this.afterTraces = List.copyOf(lines);
  }

  private List<String> afterTraces = List.of();

  /** Everything after the search: errors with traces, the statistics, the final line. */
  public void result(CheckResult r) {
    for (CheckResult.Failure f : r.failures()) {
      failure(f);
    }
    if (livenessMillis >= 0) {
      finishedLine(livenessMillis);
    }
    afterTraces.forEach(out::println);
    SearchStats s = r.stats();
    CheckResult.Failure first = r.firstFailure();
    // TLC ends without statistics when an initial state violates an invariant or an assumption
    // is false, and prints them (zeros included) after an error computing the initial states
    boolean searched = r.verdict() == Verdict.SUCCESS || s.generated() > 0
        || r.verdict() == Verdict.EVAL_ERROR && r.searched();
    if (first != null && r.verdict() == Verdict.INVARIANT && first.message().endsWith("initial state:")) {
      searched = false;
    }
    if (first != null && r.verdict() == Verdict.CODED_EVAL_ERROR
        && first.message().startsWith(UNEXPECTED)) {
      searched = false; // an exception that ended TLC before its statistics
    }
    if (r.verdict() == Verdict.SUCCESS) {
      out.println("Model checking completed. No error has been found.");
      out.println("  Estimates of the probability that TLC did not check all reachable states");
      out.println("  because two distinct states had the same fingerprint:");
      out.println("  calculated (optimistic):  val = "
          + Fingerprints.formatProbability(r.collisionProbability()));
      if (r.collisionProbability() >= 1e-10 && !Double.isNaN(r.actualCollisionProbability())) {
        out.println("  based on the actual fingerprints:  val = "
            + Fingerprints.formatProbability(r.actualCollisionProbability()));
      }
    }
    if (searched && coverage != null) {
      coverageReport();
    }
    if (searched) {
      out.println(s.generated() + " states generated, " + s.distinct()
          + " distinct states found, " + s.queue() + " states left on queue.");
      out.println("The depth of the complete state graph search is " + s.depth() + ".");
    }
    // TLC prints the outdegree only when some state was expanded (none in a model without states),
    // and completes its statistics after a failed evaluation of an invariant or action property
    if (r.verdict() == Verdict.SUCCESS && s.distinct() > 0
        || r.verdict() == Verdict.TEMPORAL_ERROR && searched
        || r.verdict() == Verdict.INVARIANT_EVAL_ERROR
        || r.verdict() == Verdict.ACTION_PROPERTY_EVAL_ERROR) {
      CheckResult.OutdegreeStats d = r.outdegree();
      out.println("The average outdegree of the complete state graph is " + d.average()
          + " (minimum is " + d.min() + ", the maximum " + d.max() + " and the 95th percentile is "
          + d.percentile95() + ").");
    }
  }

  /** Errors with their traces and nothing else (a simulation prints its own statistics). */
  public void failures(List<CheckResult.Failure> failures) {
    for (CheckResult.Failure f : failures) {
      failure(f);
    }
  }

  /** {@code Finished in 01s at (time)}. */
  public void finished(long elapsedMillis) {
    out.println("Finished in " + TlcText.duration(elapsedMillis) + " at (" + now() + ")");
  }

  private void failure(CheckResult.Failure f) {
    List<TraceStep> trace = f.trace();
    if (f.verdict() == Verdict.LIVENESS || f.verdict() == Verdict.TEMPORAL_SAFETY) {
      lasso(f);
      return;
    }
    if (f.verdict() == Verdict.TEMPORAL_ERROR) {
      // TLC prints where the evaluation failed first, then the error, then the behaviour
      stack(f.stack());
      out.println("Error: " + f.message());
      if (!trace.isEmpty()) {
        out.println("Error: The behavior up to this point is:");
        for (int i = 0; i < trace.size(); i++) {
          TraceStep st = trace.get(i);
          out.println("State " + (i + 1) + ": <" + st.action().describe() + ">");
          out.println(stateText(st));
          out.println("");
        }
      }
      return;
    }
    if (f.verdict() == Verdict.EVAL_ERROR && f.message().startsWith(INCOMPLETE)) {
      out.println("Error: " + f.message());
      out.println("");
    } else if (f.verdict() == Verdict.EVAL_ERROR && !f.message().startsWith(UNEXPECTED)
        && !f.message().endsWith(WHILE_INITIAL)) {
      // TLC reports evaluation errors as the runtime exception that carried them.
      out.println("Error: " + UNEXPECTED + "\nThis was probably caused by an error in the spec or model."
          + "\nSee the User Output or TLC Console for clues to what happened."
          + "\nThe exception was a java.lang.RuntimeException\n: " + f.message());
    } else {
      out.println("Error: " + f.message());
    }
    if (trace.size() == 1 && f.message().endsWith("initial state:")) {
      out.println(stateText(trace.get(0)));
      out.println("");
    } else if (!trace.isEmpty()) {
      out.println("Error: The behavior up to this point is:");
      states(f);
    }
    stack(f.stack());
    if (f.afterTrace() != null) {
      out.println("Error: " + f.afterTrace());
    }
  }

  private void stack(List<Span> stack) {
    if (!stack.isEmpty()) {
      out.println("Error: The error occurred when TLC was evaluating the nested");
      out.println("expressions at the following positions:");
      for (int i = 0; i < stack.size(); i++) {
        Span sp = stack.get(i);
        out.println(i + ". Line " + sp.beginLine() + ", column " + sp.beginCol() + " to line "
            + sp.endLine() + ", column " + sp.endCol() + " in " + sp.module());
      }
      out.println("");
      out.println("");
    }
  }

  /** A liveness counterexample: the states, then how the behaviour loops forever. */
  private void lasso(CheckResult.Failure f) {
    List<TraceStep> trace = f.trace();
    out.println("Error: " + f.message());
    out.println("");
    out.println("Error: The following behavior constitutes a counter-example:");
    out.println("");
    states(f);
    CheckResult.Loop loop = f.loop();
    if (loop == null) {
      return;
    }
    if (loop.stuttering()) {
      out.println("State " + (trace.size() + 1) + ": Stuttering");
    } else {
      out.println("Back to state " + (loop.backTo() + 1) + ": <" + loop.action().describe() + ">");
      out.println("");
    }
  }

  /** A state as TLC prints it: {@code x = 1} alone, or {@code /\ x = 1} lines. */
  public static String stateText(TraceStep st) {
    List<TraceStep.Binding> bs = st.printed();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bs.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      if (bs.size() > 1) {
        sb.append("/\\ ");
      }
      // an incomplete successor's unassigned variables print as TLC prints them
      Value v = bs.get(i).value();
      sb.append(bs.get(i).name()).append(" = ").append(v == null ? "null" : Pretty.ppr(v));
    }
    return sb.toString();
  }
}
