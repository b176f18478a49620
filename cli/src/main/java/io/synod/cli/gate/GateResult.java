package io.synod.cli.gate;

import java.util.List;

/**
 * The verdict on one model.
 *
 * @param entry the model
 * @param run what the run did, or null when the model was not run ({@code waiting})
 * @param deviations why the run is not what the manifest expects; empty when it is
 */
public record GateResult(GateEntry entry, RunResult run, List<String> deviations) {
  public GateResult {
    deviations = List.copyOf(deviations);
  }

  public boolean skipped() {
    return run == null;
  }

  public boolean passed() {
    return deviations.isEmpty();
  }
}
