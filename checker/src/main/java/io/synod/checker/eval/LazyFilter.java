package io.synod.checker.eval;

import io.synod.checker.value.Value;
import java.util.function.Predicate;

/**
 * The predicate of a set filter {@code {x \in S : P}} kept lazy: membership in the set evaluates P
 * on the tested element alone, in the frame and state the filter was made in (see
 * {@link Captured}).
 */
final class LazyFilter implements Predicate<Value> {
  private final Node pred;
  private final Binders.One binder;
  private final Captured at;

  LazyFilter(Ctx c, Frame f, Binders.One binder, Node pred) {
    this.pred = pred;
    this.binder = binder;
    this.at = new Captured(c, f);
  }

  @Override
  public boolean test(Value v) {
    Frame f = at.frame();
    binder.bind(f, v);
    return pred.evalBool(at.context(), f);
  }
}
