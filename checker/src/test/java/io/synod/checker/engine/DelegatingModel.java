package io.synod.checker.engine;

import io.synod.checker.value.Value;
import java.util.List;

/** A model that forwards everything to another (tests override parts). */
class DelegatingModel implements SpecModel {
  private final SpecModel base;

  DelegatingModel(SpecModel base) {
    this.base = base;
  }

  @Override
  public List<String> variables() {
    return base.variables();
  }

  @Override
  public void initialStates(EvalContext ctx, StateSink sink) {
    base.initialStates(ctx, sink);
  }

  @Override
  public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
    base.successors(s, ctx, sink);
  }
}
