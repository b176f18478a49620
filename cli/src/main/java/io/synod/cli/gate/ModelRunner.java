package io.synod.cli.gate;

/**
 * Runs one model of the manifest. The gate calls it from several threads at once when run with
 * {@code --parallel}, so implementations must not share mutable state between calls.
 */
@FunctionalInterface
public interface ModelRunner {
  /**
   * Checks the model, stopping it (and returning {@link ResultKind#BUDGET_EXCEEDED}) when it runs
   * longer than {@code entry.budget()}. Problems with the spec are results, not exceptions.
   */
  RunResult run(GateEntry entry);
}
