package io.synod.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.checker.Checker;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.LivenessSchedule;
import io.synod.checker.engine.LoadChecks;
import io.synod.checker.engine.CheckpointException;
import io.synod.checker.engine.CheckpointFile;
import io.synod.checker.engine.CheckpointSettings;
import io.synod.checker.engine.SpillMode;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.Postconditions;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.SettingsControl;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.Simulator;
import io.synod.checker.engine.SpecFrontend;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.Verdict;
import io.synod.checker.engine.Warmup;
import io.synod.checker.report.DotGraphWriter;
import io.synod.checker.report.ItfReport;
import io.synod.checker.report.JsonReport;
import io.synod.checker.report.TlcTextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synod check}: TLC-compatible explicit-state model checking of a TLA+ spec against its
 * .cfg model, with TLC's flags, output and exit codes.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Model-check a TLA+ spec against a TLC config, like TLC.",
    description = {
      "Breadth-first search of all reachable states, checking the invariants,",
      "properties, deadlock and constraints of the model (.cfg). Output follows TLC",
      "line for line; exit codes as TLC: 0 ok, 10 assumption/postcondition,",
      "11 deadlock, 12 invariant, 13 action property, 14 Assert, 75 evaluation error,",
      "76 invariant evaluation error, 77 temporal properties that are a tautology,",
      "150 parse error, 151 config error, 153 system",
      "error (including an output file that cannot be written: checked before the",
      "search), 255 TLC's own errors in the next state (division by zero, stack",
      "overflow...), 2 usage error.",
      "JVM options: bin/synod uses the parallel collector with a 128 MB young",
      "generation; add your own (e.g. -Xmx8g) in SYNOD_JAVA_OPTS."
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC.tla", description = "The root module.")
  Path specFile;

  @Option(names = "-config", paramLabel = "CFG", description = "The model (default: SPEC.cfg beside the spec).")
  Path config;

  @Option(names = "-workers", paramLabel = "N|auto", defaultValue = "1",
      description = "Search threads, or 'auto' for one per core (default: ${DEFAULT-VALUE}).")
  String workers;

  @Option(names = "-deadlock", description = "Do not check for deadlock (as TLC's -deadlock).")
  boolean deadlockOff;

  @Option(names = "-view", description = "Print the states of a counterexample through the VIEW, as"
      + " TLC's -view: a VIEW that lists variables (one, or a tuple of them) prints only those;"
      + " with any other VIEW, or none, states are printed whole.")
  boolean printView;

  @Option(names = "-difftrace", description = "In a printed error trace, show only the variables"
      + " that changed from the state before (as TLC's -difftrace, with its rules: the first state"
      + " and the state an error is found in are shown whole).")
  boolean diffTrace;

  @Option(names = "-coverage", paramLabel = "MINUTES",
      description = "TLC's coverage report: for the initial predicate and each action of the"
          + " next-state relation, the distinct states it found and the states it generated"
          + " ('<Action line L, col C to line L2, col C2 of module M>: distinct:generated'), every"
          + " MINUTES during the search and once at the end. Not the counts of sub-expressions.")
  Integer coverageMinutes;

  @Option(names = "-maxSetSize", paramLabel = "N",
      description = "Accepted for TLC's scripts (TLC's bound, default 1000000, on the size of the sets"
          + " it enumerates): N must be in 1..2147483647, as TLC requires; Synod enumerates sets of"
          + " any size, so the check is the same with any N.")
  String maxSetSize;

  @Option(names = "-fpmem", paramLabel = "X",
      description = "Accepted for TLC's scripts (TLC's memory for its fingerprint set: a fraction of"
          + " the heap, or an amount): X must be a number of at least 0, as TLC requires; Synod's"
          + " seen-set grows as needed within the heap, so the check is the same with any X.")
  String fpMem;

  @Option(names = "-fpbits", paramLabel = "N",
      description = "Accepted for TLC's scripts (TLC splits its fingerprint set into 2^N parts): N"
          + " must be an integer in 0..30, as TLC requires; it changes nothing in Synod.")
  String fpBits;

  @Option(names = "-cleanup", description = "Accepted for TLC's scripts: TLC then deletes its states"
      + " directory after the check; Synod leaves none behind (spill files and checkpoints are"
      + " removed once the check reaches a verdict).")
  boolean cleanup;

  @Option(names = "-noGenerateSpecTE", description = "Accepted for TLC's scripts: TLC then writes no"
      + " trace-explorer spec (SpecTE) for a counterexample; Synod never writes one.")
  boolean noGenerateSpecTE;

  @Option(names = "-modelcheck", description = "Accepted for TLC's scripts: breadth-first model"
      + " checking, the default (TLC's -modelcheck).")
  boolean modelcheck;

  @Option(names = "-nowarning", description = "Do not print warnings about the model (as TLC's -nowarning).")
  boolean noWarning;

  @Option(names = "-continue", description = "Keep searching after a violated invariant or action "
      + "property, reporting each; a complete search then ends successfully (exit 0), as in TLC.")
  boolean continueAfterError;

  @Option(names = "-dfs",
      description = "Depth-first exploration (one worker): the state generated last is expanded first,"
          + " as TLC with -Dtlc2.tool.queue.IStateQueue=StateDeque; trace specs reach the end of"
          + " a log without visiting every state of earlier lines.")
  boolean depthFirst;

  @Option(names = "-lncheck", paramLabel = "MODE",
      description = "When temporal properties are checked, as in TLC. default: also on the graph"
          + " explored so far while the search runs (3 s after it starts, then every minute, when"
          + " the graph grew by more than 10%% and such checks took at most 20%% of the time), a"
          + " counterexample ending the search; final: only once, on the complete graph;"
          + " seqfinal: as final, one branch after the other; off: as final (TLC's name for no"
          + " check during the search). A property a finite behaviour"
          + " already violates ([](P => []Q)) is reported during the search in every mode.")
  String lncheck;

  @Option(names = "-fp", paramLabel = "N", defaultValue = "0",
      description = "Fingerprint family 0..130 (default: ${DEFAULT-VALUE}).")
  int fp;

  @Option(names = "-dump", arity = "2", paramLabel = "dot FILE",
      description = "Write the explored state graph: '-dump dot FILE' (GraphViz).")
  List<String> dump;

  @Option(names = "-simulate", preprocessor = SimulateArgs.class,
      description = "Random simulation instead of exhaustive search; TLC's form '-simulate"
          + " num=N' bounds the number of behaviours as -num does.")
  boolean simulate;

  /** The N of TLC's {@code -simulate num=N}, or null. */
  Long simulateNum;

  /**
   * TLC's {@code -simulate} takes an optional argument, {@code num=N} (and {@code file=F},
   * {@code stats=...}, which Synod does not offer): consumed here only when the next argument has
   * that form, so that {@code -simulate Spec.tla} keeps the spec.
   */
  static final class SimulateArgs implements picocli.CommandLine.IParameterPreprocessor {
    @Override
    public boolean preprocess(java.util.Stack<String> args, picocli.CommandLine.Model.CommandSpec cmd,
        picocli.CommandLine.Model.ArgSpec arg, java.util.Map<String, Object> info) {
      if (args.isEmpty() || !args.peek().matches("(num|file|stats)=.*")) {
        return false;
      }
      String value = args.pop();
      CheckCommand c = (CheckCommand) cmd.userObject();
      for (String part : value.split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length != 2 || !kv[0].equals("num")) {
          throw new UserError("-simulate " + value + ": Synod takes only num=N here (TLC's "
              + (kv.length == 2 ? kv[0] + "=" : part) + " is not supported)", ExitCodes.USAGE);
        }
        try {
          c.simulateNum = Long.parseLong(kv[1].trim());
        } catch (NumberFormatException e) {
          throw new UserError("-simulate num= expects a number of behaviours, got '" + kv[1] + "'",
              ExitCodes.USAGE);
        }
      }
      return false;
    }
  }

  @Option(names = "-depth", paramLabel = "N", defaultValue = "100",
      description = "Simulation: steps per behaviour (a behaviour has up to N + 1 states, as in TLC), at least 1 (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "-num", paramLabel = "N", defaultValue = "9223372036854775807",
      description = "Simulation: number of behaviours, at least 1 (default: no limit, as TLC:"
          + " the simulation runs until it finds an error, TLCSet(\"exit\", TRUE) or Ctrl-C).")
  long traces;

  @Option(names = "-seed", paramLabel = "S", description = "Simulation seed (default: random).")
  Long seed;

  @Option(names = "-lib", paramLabel = "PATH", split = ":",
      description = "Extra directories to search for modules (':'-separated); then those of the"
          + " TLA-Library system property (java -DTLA-Library=DIR) and of TLA_PATH.")
  List<Path> lib = new ArrayList<>();

  @Option(names = "-metadir", paramLabel = "DIR",
      description = "Where the check makes its spill directory for the state queue and parent log"
          + " when they go to disk (default: the system temp dir; deleted when the check ends),"
          + " and writes its checkpoints (-checkpoint).")
  Path metaDir;

  @Option(names = "-checkpoint", paramLabel = "MINUTES",
      description = "Every MINUTES, pause the workers and write a checkpoint (seen states, queue,"
          + " parent log, counts) to the -metadir, atomically; -recover resumes from it"
          + " (default: 30, as TLC; 0 disables). Without -metadir the checkpoint goes to"
          + " states/<time> beside the spec; with temporal properties it holds the recorded"
          + " behaviour graph too. Not with -continue (there the default is off). The checkpoint"
          + " is deleted once the check reaches a verdict; it stays after a kill, Ctrl-C or a"
          + " system error.")
  Integer checkpointMinutes;

  @Option(names = "-recover", paramLabel = "DIR",
      description = "Resume the check whose checkpoint is in DIR (the -metadir of the check that"
          + " wrote it) with the same verdict, counts and traces as an uninterrupted run. The spec,"
          + " config, -fp, -deadlock and -dfs must be those of that check; -workers may differ; the seed"
          + " is the checkpoint's. Later checkpoints go to DIR too.")
  Path recover;

  @Option(names = "-spill", paramLabel = "auto|always|never", defaultValue = "auto",
      description = "When the state queue and parent log go to disk: 'auto' when memory is short"
          + " (queued states over -queue-mem, or the heap over 50%% full after a GC), 'always',"
          + " or 'never' (default: ${DEFAULT-VALUE}). States holding values with no disk form"
          + " (e.g. Nat, Seq(S), a large SUBSET S) stay in memory.")
  String spill;

  @Option(names = "-queue-mem", paramLabel = "MB",
      description = "Heap for queued states before they spill, with -spill auto (default: an"
          + " eighth of the maximum heap).")
  Long queueMemMb;

  @Option(names = "-dumpTrace", arity = "2", paramLabel = "FORMAT FILE", hideParamSyntax = true,
      description = "Write the counterexample to FILE as TLC's -dumpTrace does: 'tla' (a module"
          + " defining CounterExample) or 'json' (TLC's JSON of CounterExample and the variable"
          + " names); may be given more than once. Nothing is written without a counterexample.")
  List<String> dumpTrace;

  @Option(names = "--itf", paramLabel = "FILE", description = "Write the counterexample as ITF JSON.")
  Path itf;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write the counterexample as one self-contained HTML page (synod view's viewer).")
  Path html;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write a JSON report: verdict, counts, timing, trace, memory (seen-set bytes"
          + " per state, bytes spilled), levels (per BFS depth: states expanded, wall time, and"
          + " the JVM's JIT and GC time meanwhile).")
  Path json;

  @Option(names = "--cluster", paramLabel = "HOST[:PORT],...",
      description = "Check on the cluster of `synod cluster member` processes at these addresses"
          + " (hash-partitioned breadth-first search; same verdict and counts as one machine).")
  String cluster;

  @Option(names = "--local-members", paramLabel = "N",
      description = "Check on a cluster of N members started as separate JVMs on this machine"
          + " (for tests and laptops); they stop when the check ends.")
  Integer localMembers;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Cluster check: write a checkpoint to DIR (a directory every member and this"
          + " machine share) at level barriers, and resume from it on the remaining members when"
          + " one is lost; removed when the check ends.")
  Path checkpointDir;

  @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "600",
      description = "Cluster check with --checkpoint-dir: at most one checkpoint per S seconds"
          + " (0: at every level barrier; default: ${DEFAULT-VALUE}).")
  long checkpointSeconds;

  @Option(names = "--member-heap", paramLabel = "SIZE",
      description = "With --local-members: each member's maximum heap (java -Xmx), e.g. 512m.")
  String memberHeap;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    int nWorkers = parseWorkers();
    if (fp < 0 || fp > 130) {
      throw new UserError("-fp must be in 0..130, got " + fp, ExitCodes.USAGE);
    }
    LivenessSchedule liveness = livenessSchedule();
    SpillMode spillMode = parseSpill();
    if (depthFirst && nWorkers > 1) {
      throw new UserError("-dfs explores with one worker; drop -workers " + workers, ExitCodes.USAGE);
    }
    if (queueMemMb != null && (queueMemMb < 1 || queueMemMb > Long.MAX_VALUE >> 20)) {
      throw new UserError("-queue-mem expects a positive number of megabytes, got " + queueMemMb, ExitCodes.USAGE);
    }
    if (dump != null && !dump.get(0).equals("dot")) {
      throw new UserError("-dump supports only 'dot FILE', got '" + dump.get(0) + "'", ExitCodes.USAGE);
    }
    if (simulate && depth < 1) {
      throw new UserError("-depth expects a positive number of steps per behaviour, got " + depth, ExitCodes.USAGE);
    }
    if (simulate && simulateNum != null && simulateNum < 1) {
      throw new UserError("-simulate num= expects a positive number of behaviours, got " + simulateNum,
          ExitCodes.USAGE);
    }
    if (simulate && traces < 1) {
      throw new UserError("-num expects a positive number of behaviours, got " + traces, ExitCodes.USAGE);
    }
    if (modelcheck && simulate) {
      throw new UserError("-modelcheck and -simulate ask for two modes; give one", ExitCodes.USAGE);
    }
    if (coverageMinutes != null && coverageMinutes < 0) {
      throw new UserError("-coverage expects a number of minutes >= 0, got " + coverageMinutes, ExitCodes.USAGE);
    }
    if (coverageMinutes != null && (simulate || cluster != null || localMembers != null)) {
      throw new UserError("-coverage is available for a model check on one machine only (not with"
          + " -simulate or a cluster)", ExitCodes.USAGE);
    }
    if (maxSetSize != null) {
      requireTlcInt("-maxSetSize", maxSetSize, 1, Integer.MAX_VALUE);
    }
    if (fpMem != null) {
      // TLC's rule: a number, not negative
      double x;
      try {
        x = Double.parseDouble(fpMem.trim());
      } catch (NumberFormatException e) {
        throw new UserError("-fpmem: a fraction of the heap or an amount of memory (a number) is"
            + " required, got '" + fpMem + "'", ExitCodes.USAGE);
      }
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new UserError("-fpmem: a number of at least 0 is required, got " + fpMem, ExitCodes.USAGE);
      }
    }
    if (fpBits != null) {
      requireTlcInt("-fpbits", fpBits, 0, 30);
    }
    ClusterRun clusterRun = clusterRun(nWorkers);
    InputFiles.requireFile(specFile, "spec file", ExitCodes.of(Verdict.PARSE_ERROR));
    Path cfg = config != null ? config : defaultConfig(specFile);
    InputFiles.requireFile(cfg, "config file", ExitCodes.of(Verdict.CONFIG_ERROR));
    OutputFiles.checkWritable("--itf", itf);
    OutputFiles.checkWritable("--html", html);
    OutputFiles.checkWritable("--json", json);
    if (dump != null) {
      OutputFiles.checkWritable("-dump", Path.of(dump.get(1)));
    }
    if (dumpTrace != null) {
      for (int i = 0; i < dumpTrace.size(); i += 2) {
        String format = dumpTrace.get(i).toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("tla") && !format.equals("json")) {
          throw new UserError("-dumpTrace supports the formats tla and json, got '" + dumpTrace.get(i)
              + "'" + (java.util.Set.of("tlc", "tlcplain", "tlctespec", "tlcaction", "dot").contains(format)
                  ? " (a TLC format Synod does not write)" : ""), ExitCodes.USAGE);
        }
        dumpTrace.set(i, format);
        OutputFiles.checkWritable("-dumpTrace", Path.of(dumpTrace.get(i + 1)));
      }
    }
    CheckpointFile.Header resumed = recover == null ? null : inspectCheckpoint();
    if (checkpointMinutes != null && (checkpointMinutes < 0 || checkpointMinutes > 1_000_000)) {
      throw new UserError("-checkpoint expects a number of minutes >= 0, got " + checkpointMinutes, ExitCodes.USAGE);
    }
    if (resumed != null && seed != null && seed != resumed.seed()) {
      throw new UserError("-seed " + seed + " differs from the seed " + resumed.seed() + " of the"
          + " checkpoint in " + recover + "; drop -seed to resume with the checkpoint's", ExitCodes.USAGE);
    }
    if (resumed != null && simulate) {
      throw new UserError("-recover resumes a model check, not a simulation; drop -simulate", ExitCodes.USAGE);
    }
    PrintWriter pw = spec.commandLine().getOut();
    Output out = line -> {
      synchronized (pw) {
        pw.println(line);
        pw.flush();
      }
    };
    TlcTextReporter rep = new TlcTextReporter(out, Clock.systemDefaultZone());
    long seedValue = resumed != null ? resumed.seed()
        : seed != null ? seed : new java.util.Random().nextLong();
    rep.withDiagnostics(line -> {
      PrintWriter err = spec.commandLine().getErr();
      err.println(line);
      err.flush();
    });
    rep.banner(version(), nWorkers, fp, seedValue, "LockFreeFPSet", "LevelQueue", simulate);
    if (!simulate) {
      Warmup.startInBackground();
    }
    SpecModel model;
    SpecFrontend.ParsedSpec parsed;
    try {
      try {
        parsed = Checker.parse(specFile, LibraryPath.of(lib), out);
      } finally {
        rep.starting();
      }
      model = parsed.bind(cfg, checking(out));
      if (printView) {
        model.printStatesThroughView();
      }
      if (diffTrace) {
        rep.withDiffTrace(model.variables(), model.printOrder(), model.hasAlias(), simulate);
      }
    } catch (StackOverflowError e) {
      rep.error(specFile + ": " + ParseCommand.NESTED_TOO_DEEPLY);
      rep.finished(millisSince(start));
      return ExitCodes.of(Verdict.PARSE_ERROR);
    } catch (FrontendException e) {
      rep.error(e.getMessage());
      if (e.file() != null) {
        // stdout keeps TLC's wording; the position goes where parse puts it, on stderr
        PrintWriter err = spec.commandLine().getErr();
        err.println(new SourceExcerpt().render(e.file(), e.line(), e.column(), e.getMessage()));
        err.flush();
      }
      if (!e.hint().isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(e.hint());
        err.flush();
      }
      rep.finished(millisSince(start));
      return ExitCodes.of(e.verdict());
    }
    if (simulate) {
      return simulate(model, rep, out, seedValue, start);
    }
    CheckOptions options = CheckOptions.defaults().withWorkers(nWorkers).withDeadlockOff(deadlockOff)
        .withContinue(continueAfterError).withFpIndex(fp).withSpill(spillMode)
        .withQueueMemory(queueMemMb == null ? 0 : queueMemMb << 20).withMetaDir(metaDir)
        .withSeed(seedValue).withDepthFirst(depthFirst);
    if (clusterRun != null) {
      CheckResult result = clusterRun.check(model, options, rep, out, specFile, cfg, LibraryPath.of(lib),
          spec.commandLine().getErr());
      rep.afterTraces(dumpTraces(model, result.firstFailure(), out));
      rep.result(result);
      rep.finished(millisSince(start));
      writeReports(model, result, cfg, nWorkers);
      return ExitCodes.of(result.verdict());
    }
    ModelChecker checker = new ModelChecker(model, options, rep, checking(out)).withLiveness(liveness);
    if (coverageMinutes != null) {
      io.synod.checker.engine.Coverage coverage = model.coverage();
      if (coverage != null) {
        checker.withCoverage(coverage);
        rep.withCoverage(coverage, coverageMinutes);
      }
    }
    CheckpointSettings checkpoints = checkpointSettings(parsed, cfg, resumed);
    if (checkpoints != null) {
      checker.withCheckpoints(checkpoints);
    }
    DotGraphWriter dot = null;
    if (dump != null) {
      try {
        dot = new DotGraphWriter(Files.newBufferedWriter(Path.of(dump.get(1)), StandardCharsets.UTF_8),
            model.variables());
      } catch (IOException e) {
        throw OutputFiles.cannotWrite(Path.of(dump.get(1)), e);
      }
      checker.withGraphListener(dot);
    }
    Thread onInterrupt = interruptSummary(checker, start);
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    CheckResult result;
    try {
      result = checker.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down (Ctrl-C): the hook is running
      }
    }
    if (result.memory().bytesSpilled() > 0) {
      spec.commandLine().getErr().printf("synod: spilled %,d bytes of state queue and parent log"
          + " to disk%n", result.memory().bytesSpilled());
      spec.commandLine().getErr().flush();
    }
    rep.afterTraces(dumpTraces(model, result.firstFailure(), out));
    rep.result(result);
    rep.finished(millisSince(start));
    try {
      if (dot != null) {
        dot.close();
      }
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(Path.of(dump.get(1)), e);
    }
    writeReports(model, result, cfg, nWorkers);
    return ExitCodes.of(result.verdict());
  }

  /** The header of the checkpoint to resume, or a clear error (2: not there, 153: unusable). */
  private CheckpointFile.Header inspectCheckpoint() {
    try {
      return CheckpointFile.inspect(recover);
    } catch (CheckpointException e) {
      throw new UserError(e.getMessage(), CheckpointFile.exists(recover) && !e.mismatch()
          ? ErrorHandler.SYSTEM_ERROR : ExitCodes.USAGE);
    }
  }

  /**
   * When the temporal properties are checked ({@code -lncheck}; TLC's timing unless the
   * test-only properties {@code synod.liveness.periodSeconds} (the first check and the time
   * between two) or {@code synod.liveness.states} (a check forced after every N expanded states)
   * say otherwise).
   */
  private LivenessSchedule livenessSchedule() {
    LivenessSchedule.Mode mode;
    // TLC lower-cases the mode; its "off" only turns off the checks during the search (the
    // complete graph is still checked), which is "final"
    switch (lncheck == null ? "default" : lncheck.toLowerCase(java.util.Locale.ROOT)) {
      case "default" -> mode = LivenessSchedule.Mode.DEFAULT;
      case "final", "off" -> mode = LivenessSchedule.Mode.FINAL;
      case "seqfinal" -> mode = LivenessSchedule.Mode.SEQFINAL;
      default -> throw new UserError("-lncheck expects default, final, seqfinal or off, got '"
          + lncheck + "'", ExitCodes.USAGE);
    }
    LivenessSchedule tlc = LivenessSchedule.tlc(mode);
    String seconds = System.getProperty("synod.liveness.periodSeconds");
    String states = System.getProperty("synod.liveness.states");
    try {
      long period = seconds == null ? tlc.periodMillis() : (long) (Double.parseDouble(seconds) * 1000);
      long first = seconds == null ? tlc.firstMillis() : period;
      return new LivenessSchedule(mode, first, period, states == null ? 0 : Long.parseLong(states));
    } catch (IllegalArgumentException e) {
      throw new UserError("synod.liveness.periodSeconds/states expect non-negative numbers", ExitCodes.USAGE);
    }
  }

  /**
   * The checkpoints of this check: where, how often, what they are for; null for none. An
   * explicit -checkpoint or -recover that the model cannot honour is an error; TLC's default
   * interval is silently off for it.
   */
  private CheckpointSettings checkpointSettings(SpecFrontend.ParsedSpec parsed, Path cfg,
      CheckpointFile.Header resumed) {
    long millis = (checkpointMinutes == null ? 30L : checkpointMinutes) * 60_000L;
    long everyStates = 0;
    // test-only: checkpoints seconds apart, or after every N states, so tests need not wait minutes
    String seconds = System.getProperty("synod.checkpoint.seconds");
    String states = System.getProperty("synod.checkpoint.states");
    try {
      if (seconds != null) {
        millis = (long) (Double.parseDouble(seconds) * 1000);
      }
      if (states != null) {
        everyStates = Long.parseLong(states);
      }
    } catch (NumberFormatException e) {
      throw new UserError("synod.checkpoint.seconds/states expect numbers", ExitCodes.USAGE);
    }
    boolean explicit = (checkpointMinutes != null && checkpointMinutes > 0) || seconds != null || states != null;
    if (recover != null) {
      if (continueAfterError) {
        throw new UserError("-recover does not support -continue", ExitCodes.USAGE);
      }
      if (dump != null) {
        throw new UserError("-recover cannot be combined with -dump: the states before the"
            + " checkpoint would be missing from the graph", ExitCodes.USAGE);
      }
    }
    if (continueAfterError) {
      if (explicit) {
        throw new UserError("-checkpoint does not support -continue; use -checkpoint 0", ExitCodes.USAGE);
      }
      millis = 0;
      everyStates = 0;
    }
    boolean writes = millis > 0 || everyStates > 0;
    if (!writes && recover == null) {
      return null;
    }
    Path dir = recover != null ? recover : metaDir != null ? metaDir
        : specFile.toAbsolutePath().getParent().resolve("states").resolve(
            java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yy-MM-dd-HH-mm-ss")));
    if (writes && recover == null && CheckpointFile.exists(dir)) {
      throw new UserError(dir + " already holds the checkpoint of an earlier check: resume it with"
          + " -recover " + dir + ", or delete " + CheckpointFile.file(dir) + " to start afresh", ExitCodes.USAGE);
    }
    java.util.Map<String, String> identity = new java.util.HashMap<>();
    identity.put("modules", parsed.sourceDigest());
    try {
      identity.put("config", java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(cfg))));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new UserError("cannot read " + cfg + ": " + OutputFiles.reason(e instanceof IOException io ? io
          : new IOException(e)), ExitCodes.of(Verdict.CONFIG_ERROR));
    }
    identity.put("-fp", Integer.toString(fp));
    identity.put("-deadlock", Boolean.toString(deadlockOff));
    identity.put("-dfs", Boolean.toString(depthFirst));
    identity.put("synod", version());
    String mismatch = resumed == null ? null : CheckpointFile.mismatch(resumed.identity(), identity);
    if (mismatch != null) {
      throw new UserError("cannot recover from " + recover + ": " + mismatch, ExitCodes.USAGE);
    }
    return new CheckpointSettings(writes ? dir : null, millis, everyStates, recover, identity);
  }

  /**
   * The cluster a check runs on ({@code --cluster} or {@code --local-members}), or null for one
   * process; the options a cluster check cannot honour are refused here, before any work.
   */
  private ClusterRun clusterRun(int nWorkers) {
    if (cluster == null && localMembers == null) {
      if (checkpointDir != null) {
        throw new UserError("--checkpoint-dir applies to a cluster check (--cluster or"
            + " --local-members) only", ExitCodes.USAGE);
      }
      return ClusterRun.of(null, null, memberHeap, version(), null, 0);
    }
    if (checkpointSeconds < 0) {
      throw new UserError("--checkpoint-seconds expects 0 or more seconds, got " + checkpointSeconds, ExitCodes.USAGE);
    }
    String[][] refused = {{"-simulate", String.valueOf(simulate)}, {"-dfs", String.valueOf(depthFirst)},
        {"-continue", String.valueOf(continueAfterError)}, {"-dump", String.valueOf(dump != null)}};
    for (String[] r : refused) {
      if (r[1].equals("true")) {
        throw new UserError(r[0] + " is not available for a cluster check; drop it or check on one"
            + " machine", ExitCodes.USAGE);
      }
    }
    return ClusterRun.of(cluster, localMembers, memberHeap, version(), checkpointDir,
        checkpointSeconds * 1000);
  }

  /**
   * What Ctrl-C (or a kill) leaves behind: one line saying how far the search got, and no
   * half-written state graph that could pass for a complete one.
   */
  private Thread interruptSummary(ModelChecker checker, long start) {
    PrintWriter err = spec.commandLine().getErr();
    return new Thread(() -> {
      io.synod.checker.engine.SearchStats s = checker.stats();
      err.printf("synod check: interrupted after %,d distinct states (%,d generated, depth %d) in %.1f s%n",
          s.distinct(), s.generated(), s.depth(), (System.nanoTime() - start) / 1e9);
      if (dump != null) {
        try {
          Files.deleteIfExists(Path.of(dump.get(1)));
        } catch (IOException e) {
          err.println("synod check: could not remove the partial " + dump.get(1) + ": " + OutputFiles.reason(e));
        }
      }
      err.flush();
    }, "synod-interrupt");
  }

  private int simulate(SpecModel model, TlcTextReporter rep, Output out, long seedValue, long start) {
    long behaviours = simulateNum != null ? simulateNum : traces;
    EvalContext ctx = new EvalContext(0, checking(out));
    ctx.search = new SettingsControl("simulate", 1, model.checkDeadlock() && !deadlockOff, seedValue, 0,
        () -> new SearchStats(0, 0, 0, 0), () -> { }).simulating(depth, behaviours, () -> 0L);
    // TLC checks the constant bindings and the assumptions before it simulates, as before it
    // model-checks
    CheckResult.Failure assumption = LoadChecks.firstFailure(model, ctx, checking(out));
    if (assumption != null) {
      rep.result(new CheckResult(assumption.verdict(), List.of(assumption), new SearchStats(0, 0, 0, 0),
          null, 0, Double.NaN, 0));
      rep.finished(millisSince(start));
      return ExitCodes.of(assumption.verdict());
    }
    Simulator sim = new Simulator(model, deadlockOff, checking(out));
    PrintWriter err = spec.commandLine().getErr();
    // Ctrl-C: one line saying how far the simulation got, as the breadth-first search prints
    Thread onInterrupt = new Thread(() -> {
      Simulator.SimulationResult p = sim.progress();
      err.printf("synod check: interrupted after %,d behaviours (%,d states) in %.1f s%n",
          p.traces(), p.states(), (System.nanoTime() - start) / 1e9);
      err.flush();
    }, "synod-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    Simulator.SimulationResult r;
    EvalContext simCtx = new EvalContext(0, checking(out));
    try {
      r = sim.run(behaviours, depth, seedValue, simCtx);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down (Ctrl-C): the hook is running
      }
    }
    Verdict verdict = r.verdict() == Verdict.CANCELLED ? Verdict.SUCCESS : r.verdict();
    List<CheckResult.Failure> failures = new ArrayList<>();
    if (r.failure() != null) {
      failures.add(r.failure());
      rep.failures(failures);
    }
    String summary = "The number of states generated: " + r.states() + "\nSimulation using seed "
        + seedValue + " and aril 0";
    String progress = "Progress: " + r.states() + " states checked, " + r.traces()
        + " traces generated (trace length: mean=" + r.meanLength() + ", var(x)=" + r.variance()
        + ", sd=" + r.sd() + ")";
    boolean initialViolation = r.failure() != null && r.failure().message().endsWith("initial state:");
    if (initialViolation) {
      // TLC stops before it simulates: no statistics
      rep.finished(millisSince(start));
      return ExitCodes.of(verdict);
    }
    // TLC prints its summary with the error, and its last progress line once the workers are
    // done; the POSTCONDITION is evaluated after a violation (read as CounterExample) or once the
    // behaviours are done, with the simulation's registers and counts, but not after an error in
    // the spec
    if (r.failure() != null) {
      out.println(summary);
    }
    boolean stoppedByError = verdict != Verdict.SUCCESS && verdict != Verdict.INVARIANT
        && verdict != Verdict.ACTION_PROPERTY && verdict != Verdict.DEADLOCK
        && verdict != Verdict.LIVENESS;
    CheckResult.Failure post = null;
    if (!stoppedByError) {
      // the simulation's settings and counts (TLCGet("config"), TLCGet("stats")) as TLC's
      // simulator reports them after its behaviours
      simCtx.stats = new SearchStats(r.states(), r.states(), 0, 0);
      simCtx.level = 0;
      simCtx.counterExample = r.failure() == null ? null : r.failure().trace();
      simCtx.counterExampleLoop = r.failure() == null ? null : r.failure().loop();
      post = Postconditions.check(model, simCtx);
      if (post != null) {
        rep.failures(List.of(post));
        if (verdict == Verdict.SUCCESS) {
          verdict = post.verdict();
        }
      }
    }
    // TLC writes its dumps from POSTCONDITIONs, evaluated after a violation's summary
    dumpTraces(model, r.failure(), out).forEach(out::println);
    out.println(progress);
    if (r.failure() == null && post == null) {
      out.println(summary);
    }
    rep.finished(millisSince(start));
    return ExitCodes.of(verdict);
  }


  /**
   * Checks the value of a TLC flag Synod accepts without using it as TLC checks it: an int in
   * {@code min..max}; a usage error naming the flag otherwise.
   */
  private static void requireTlcInt(String flag, String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UserError(flag + ": an integer is required, got '" + value + "'", ExitCodes.USAGE);
    }
    if (n < min || n > max) {
      throw new UserError(flag + ": a value in " + min + ".." + max + " is required, got " + n,
          ExitCodes.USAGE);
    }
  }

  /**
   * Writes the -dumpTrace files of the counterexample of {@code first} (none without a trace, as
   * TLC's dump formulas write nothing for an empty CounterExample) and returns the lines TLC's
   * PrintT in those formulas prints.
   */
  private List<String> dumpTraces(SpecModel model, CheckResult.Failure first, Output out) {
    List<String> lines = new ArrayList<>();
    if (dumpTrace == null || first == null || first.trace().isEmpty()) {
      return lines;
    }
    EvalContext ctx = new EvalContext(0, checking(out));
    ctx.counterExample = first.trace();
    ctx.counterExampleLoop = first.loop();
    for (int i = 0; i < dumpTrace.size(); i += 2) {
      String file = dumpTrace.get(i + 1);
      String text = model.dumpTrace(dumpTrace.get(i), file, ctx);
      if (text == null) {
        continue;
      }
      try {
        Files.writeString(Path.of(file), text);
      } catch (IOException e) {
        throw OutputFiles.cannotWrite(Path.of(file), e);
      }
      lines.add("\"CounterExample written: " + file + "\"");
    }
    return lines;
  }

  /**
   * What the checker prints while it prepares and checks the model: with {@code -nowarning}, its
   * warnings ("Warning: ...", TLC's wording) are left out, and nothing else.
   */
  private Output checking(Output out) {
    return noWarning ? line -> {
      if (!line.startsWith("Warning: ")) {
        out.println(line);
      }
    } : out;
  }

  private void writeReports(SpecModel model, CheckResult result, Path cfg, int nWorkers) {
    if (itf == null && json == null && html == null) {
      return; // Jackson's start-up (about 40 ms) only when a report is asked for
    }
    ObjectMapper mapper = new ObjectMapper();
    if ((itf != null || html != null) && result.firstFailure() != null && !result.firstFailure().trace().isEmpty()) {
      String desc = "Counterexample of " + specFile.getFileName() + " (" + result.verdict().label() + ")";
      ObjectNode doc = ItfReport.encode(model.variables(), result.firstFailure(), desc);
      if (itf != null) {
        try {
          Files.writeString(itf, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (IOException e) {
          throw OutputFiles.cannotWrite(itf, e);
        }
      }
      if (html != null) {
        ViewCommand.write(html, io.synod.viewer.ViewPage.html(
            ViewData.counterexample(doc, specFile.getFileName() + " with " + cfg.getFileName(), null)));
      }
    }
    if (json != null) {
      ObjectNode report = JsonReport.encode(specFile.toString(), cfg.toString(), nWorkers, result);
      try {
        Files.writeString(json, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
      } catch (IOException e) {
        throw OutputFiles.cannotWrite(json, e);
      }
    }
  }

  private SpillMode parseSpill() {
    return switch (spill) {
      case "auto" -> SpillMode.AUTO;
      case "always" -> SpillMode.ALWAYS;
      case "never" -> SpillMode.NEVER;
      default -> throw new UserError("-spill expects auto, always or never, got '" + spill + "'", ExitCodes.USAGE);
    };
  }

  private int parseWorkers() {
    if (workers.equals("auto")) {
      return Math.min(255, Runtime.getRuntime().availableProcessors());
    }
    try {
      int n = Integer.parseInt(workers);
      if (n < 1 || n > 255) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UserError("-workers expects a number in 1..255 or 'auto', got '" + workers + "'", ExitCodes.USAGE);
    }
  }

  static Path defaultConfig(Path specFile) {
    String name = specFile.getFileName().toString();
    String base = name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name;
    Path dir = specFile.toAbsolutePath().getParent();
    return dir.resolve(base + ".cfg");
  }

  static String version() {
    String v = CheckCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
