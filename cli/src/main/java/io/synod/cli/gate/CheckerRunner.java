package io.synod.cli.gate;

import io.synod.checker.Checker;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.Verdict;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.checker.report.ItfReport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs a model with Synod's own checker, in-process: the model prepared by {@link Checker} and
 * searched by the {@link ModelChecker} engine. A watchdog cancels the check when the
 * model's time budget runs out. Each call builds its own checker, so calls may run in parallel.
 */
public final class CheckerRunner implements ModelRunner {
  /** Lines of checker output kept to explain a parse or configuration error. */
  private static final int KEPT_LINES = 3;

  /** Receives each model's counterexample as ITF; called from the gate's worker threads. */
  private final java.util.function.BiConsumer<GateEntry, ObjectNode> counterexamples;

  public CheckerRunner() {
    this((entry, itf) -> { });
  }

  public CheckerRunner(java.util.function.BiConsumer<GateEntry, ObjectNode> counterexamples) {
    this.counterexamples = counterexamples;
  }

  @Override
  public RunResult run(GateEntry entry) {
    long start = System.nanoTime();
    try {
      return check(entry, start);
    } catch (RuntimeException e) {
      // A fault of the checker itself on this model: report it in the model's row and go on
      // with the other models rather than abort the whole gate.
      return new RunResult(ResultKind.SYSTEM_ERROR, null, -1, since(start),
          "checker failure: " + e);
    } catch (StackOverflowError e) {
      return new RunResult(ResultKind.SYSTEM_ERROR, null, -1, since(start),
          "the spec is nested too deeply for Synod to process (stack overflow)");
    }
  }

  private RunResult check(GateEntry entry, long start) {
    Tail tail = new Tail();
    SpecModel model;
    try {
      model = Checker.prepare(entry.spec(), entry.config(), List.of(), tail);
    } catch (FrontendException e) {
      // the checker's first words on the error say what and where; its summary line comes last
      String detail = tail.text().isEmpty() ? e.getMessage()
          : entry.spec().getFileName() + ": " + tail.text() + " (" + e.getMessage() + ")";
      return new RunResult(kindOf(e.verdict()), null, -1, since(start), detail);
    }
    CheckOptions options = CheckOptions.defaults()
        .withWorkers(entry.workers())
        .withProgressInterval(Long.MAX_VALUE / 4);
    ModelChecker checker = new ModelChecker(model, options, new SearchListener() {}, Output.NONE);
    Thread watchdog = watchdog(checker, entry.budget());
    CheckResult result;
    try {
      result = checker.run();
    } finally {
      watchdog.interrupt();
    }
    CheckResult.Failure f = result.firstFailure();
    if (f != null && !f.trace().isEmpty()) {
      counterexamples.accept(entry, ItfReport.encode(model.variables(), f,
          "Counterexample of " + entry.spec().getFileName() + " (" + result.verdict().label() + ")"));
    }
    return toRunResult(result, since(start), model::configNameOf);
  }

  static RunResult toRunResult(CheckResult result, Duration elapsed) {
    return toRunResult(result, elapsed, n -> n);
  }

  /**
   * @param configName the config's name (PROPERTY) of a reported name: a manifest names the
   *     property, where TLC reports a refinement's conjunct by its location
   */
  static RunResult toRunResult(CheckResult result, Duration elapsed,
      java.util.function.UnaryOperator<String> configName) {
    CheckResult.Failure f = result.firstFailure();
    long distinct = result.stats() == null ? -1 : result.stats().distinct();
    ResultKind kind = kindOf(result.verdict());
    String name = kind.named() && f != null && f.name() != null ? configName.apply(f.name()) : null;
    if (kind.named() && name == null) {
      name = "?";
    }
    String detail = "";
    if (f != null && !kind.named() && kind != ResultKind.DEADLOCK
        && kind != ResultKind.BUDGET_EXCEEDED) {
      detail = firstLine(f.message());
    }
    return new RunResult(kind, name, distinct, elapsed, detail);
  }

  /** The gate's kind of result for a verdict, also one reached before the search (parse, config). */
  static ResultKind kindOf(Verdict v) {
    return switch (v) {
      case SUCCESS -> ResultKind.SUCCESS;
      case INVARIANT -> ResultKind.INVARIANT;
      case ACTION_PROPERTY -> ResultKind.PROPERTY;
      case LIVENESS -> ResultKind.LIVENESS;
      case TEMPORAL_SAFETY -> ResultKind.PROPERTY;
      case TEMPORAL_ERROR, TEMPORAL_TAUTOLOGY -> ResultKind.EVALUATION_ERROR;
      case DEADLOCK -> ResultKind.DEADLOCK;
      case ASSUMPTION, POSTCONDITION -> ResultKind.ASSUMPTION;
      case ASSERT -> ResultKind.ASSERT;
      case EVAL_ERROR, CODED_EVAL_ERROR, INVARIANT_EVAL_ERROR, ACTION_PROPERTY_EVAL_ERROR ->
          ResultKind.EVALUATION_ERROR;
      case PARSE_ERROR -> ResultKind.PARSE_ERROR;
      case CONFIG_ERROR -> ResultKind.CONFIG_ERROR;
      case SYSTEM_ERROR -> ResultKind.SYSTEM_ERROR;
      case CANCELLED -> ResultKind.BUDGET_EXCEEDED;
    };
  }

  private static Thread watchdog(ModelChecker checker, Duration budget) {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(budget.toMillis());
        checker.cancel();
      } catch (InterruptedException e) {
        // The check finished in time.
      }
    }, "synod-gate-watchdog");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * Keeps the first few lines of checker output that say something, to explain front-end errors
   * (the lines that follow repeat them or trace the parser's way in).
   */
  private static final class Tail implements Output {
    private final Deque<String> lines = new ArrayDeque<>();

    @Override
    public synchronized void println(String line) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("Parsing file") || l.startsWith("Semantic processing")
          || l.startsWith("Linting of module") || l.startsWith("***") || l.startsWith("Residual stack")
          || lines.size() >= KEPT_LINES) {
        return;
      }
      lines.addLast(l);
    }

    synchronized String text() {
      return String.join(" | ", lines);
    }
  }
}
