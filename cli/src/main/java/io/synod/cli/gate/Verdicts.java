package io.synod.cli.gate;

import java.util.ArrayList;
import java.util.List;

/** Compares a run with what the manifest expects of it. */
final class Verdicts {
  private Verdicts() {}

  static GateResult judge(GateEntry entry, RunResult run) {
    List<String> deviations = new ArrayList<>();
    Expectation expect = entry.expect();
    boolean sameOutcome = expect.matches(run.kind(), run.name());
    if (run.kind() == ResultKind.BUDGET_EXCEEDED) {
      deviations.add("stopped after " + Durations.format(run.elapsed()) + ": over the budget of "
          + Durations.format(entry.budget()));
    } else if (!sameOutcome) {
      String got = run.outcome() + (run.detail().isEmpty() ? "" : " (" + run.detail() + ")");
      if (expect.kind() != ResultKind.SUCCESS && run.kind() == ResultKind.SUCCESS) {
        deviations.add("expected " + expect + " but the model passed: the broken variant was not caught");
      } else {
        deviations.add("expected " + expect + ", got " + got);
      }
    }
    if (sameOutcome && entry.states().isPresent()
        && run.distinctStates() != entry.states().getAsLong()) {
      deviations.add("expected " + entry.states().getAsLong() + " distinct states, got "
          + run.distinctStates());
    }
    if (run.kind() != ResultKind.BUDGET_EXCEEDED && run.elapsed().compareTo(entry.budget()) > 0) {
      deviations.add("took " + Durations.format(run.elapsed()) + ", over the budget of "
          + Durations.format(entry.budget()));
    }
    return new GateResult(entry, run, deviations);
  }
}
