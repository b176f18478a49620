package io.synod.checker.engine;

/**
 * What TLC checks while it loads a model, before any search or simulation: that the constants a
 * configuration binds with {@code C <- Def} evaluate as constants, then the ASSUMEs. One place
 * for the local check, the cluster check and the simulation, so that all three refuse the same
 * models with the same verdicts and messages.
 */
public final class LoadChecks {
  private LoadChecks() {}

  /**
   * The first failure, or null when the model may be searched. {@code ctx} is the context the
   * ASSUMEs are evaluated in (their TLCSet registers are those the search starts from); the
   * bindings are evaluated without run statistics, as TLC evaluates them before there is a run.
   */
  public static CheckResult.Failure firstFailure(SpecModel model, EvalContext ctx, Output out) {
    try {
      EvalContext loading = new EvalContext(0, out);
      loading.stats = null;
      String bindingError = model.constantBindingError(loading);
      if (bindingError != null) {
        return new CheckResult.Failure(Verdict.CONFIG_ERROR, null, bindingError, java.util.List.of(),
            java.util.List.of());
      }
      NamedCheck a = model.firstFalseAssumption(ctx);
      return a == null ? null : CheckResult.Failure.falseAssumption(a);
    } catch (SpecError e) {
      return CheckResult.Failure.beforeSearch(e);
    }
  }
}
