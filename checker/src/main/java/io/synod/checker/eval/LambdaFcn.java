package io.synod.checker.eval;

import io.synod.checker.value.LambdaFcnValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;

/**
 * {@code [x \in S |-> e]} over a domain that cannot be enumerated: applications evaluate e for
 * their argument alone, in the frame and state the function was made in, as TLC's lazy function
 * does; EXCEPT records its updates, the latest winning.
 */
final class LambdaFcn extends LambdaFcnValue {
  private final Binders binders;
  private final Node body;
  private final Captured at;
  private final SetValue domain;
  /** EXCEPT updates in order: arguments and their new values. */
  private final Value[] keys;
  private final Value[] vals;

  private LambdaFcn(Binders binders, Node body, Captured at, SetValue domain, Value[] keys, Value[] vals) {
    this.binders = binders;
    this.body = body;
    this.at = at;
    this.domain = domain;
    this.keys = keys;
    this.vals = vals;
  }

  /** The function of {@code binders} and {@code body} in {@code f}; {@code domains} one per binder. */
  static LambdaFcn of(Ctx c, Frame f, Binders binders, Node body, SetValue[] domains) {
    SetValue domain;
    if (binders.items.length == 1 && (binders.items[0].tuple || binders.items[0].slots.length == 1)) {
      domain = domains[0];
    } else {
      // several arguments: DOMAIN is the product of one domain per name (a tuple binder's counts once)
      SetValue[] parts = new SetValue[binders.arity()];
      int k = 0;
      for (int i = 0; i < domains.length; i++) {
        Binders.One b = binders.items[i];
        for (int j = 0, n = b.tuple ? 1 : b.slots.length; j < n; j++) {
          parts[k++] = domains[i];
        }
      }
      domain = Values.product(parts);
    }
    return new LambdaFcn(binders, body, new Captured(c, f), domain, new Value[0], new Value[0]);
  }

  @Override
  public SetValue domain() {
    return domain;
  }

  @Override
  public Value select(Value arg) {
    for (int i = keys.length - 1; i >= 0; i--) {
      if (keys[i].equals(arg)) {
        return vals[i];
      }
    }
    Ctx c = at.context();
    Frame f = at.frame();
    if (!FunDefn.bind(c, f, binders, arg)) {
      return null;
    }
    return body.eval(c, f);
  }

  @Override
  public LambdaFcnValue except(Value arg, Value v) {
    Value[] k = java.util.Arrays.copyOf(keys, keys.length + 1);
    Value[] w = java.util.Arrays.copyOf(vals, vals.length + 1);
    k[keys.length] = arg;
    w[vals.length] = v;
    return new LambdaFcn(binders, body, at, domain, k, w);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    // TLC too shows such a function by its rule, not its (endless) table
    sb.append("[x \\in ");
    domain.appendTo(sb);
    sb.append(" |-> <expression>]");
  }
}
