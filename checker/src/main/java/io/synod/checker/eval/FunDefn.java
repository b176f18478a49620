package io.synod.checker.eval;

import io.synod.checker.value.FcnValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.Value;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A function definition {@code f[x \in S] == body}, possibly recursive. Applications
 * {@code f[a]} evaluate the body for that argument only (so {@code fact[n \in Nat]} works, as in
 * TLC); using {@code f} as a value builds the whole function over its (finite) domain. Results
 * of closed, constant definitions are memoized.
 */
final class FunDefn {
  final String name;
  Binders binders;
  Node body;
  int frameSize;
  /** Whether results may be cached (closed definition without effects). */
  boolean memo;
  final ConcurrentHashMap<Value, Value> cache = new ConcurrentHashMap<>();

  FunDefn(String name) {
    this.name = name;
  }

  Value apply(Ctx c, Frame env, Value arg, Node site) {
    if (memo) {
      Value v = cache.get(arg);
      if (v != null) {
        return v;
      }
    }
    Frame nf = new Frame(frameSize, env);
    SetValue dom = binders.items.length == 1 && !binders.items[0].tuple && binders.items[0].slots.length == 1
        ? binders.items[0].domain.evalSet(c, nf) : null;
    if (dom != null) {
      if (!dom.contains(arg)) {
        throw site.fail("Attempted to apply function " + name + " to argument " + arg
            + ", which is not in the domain of the function.");
      }
      nf.slots[binders.items[0].slots[0]] = arg;
    } else {
      bindArgs(c, nf, arg, site);
    }
    Value v;
    c.enter(site);
    try {
      v = body.eval(c, nf);
    } finally {
      c.exit();
    }
    if (memo) {
      cache.putIfAbsent(arg, v);
    }
    return v;
  }

  private void bindArgs(Ctx c, Frame nf, Value arg, Node site) {
    int n = binders.arity();
    Value[] parts;
    if (n == 1) {
      parts = new Value[] {arg};
    } else if (arg instanceof io.synod.checker.value.TupleValue t && t.length() == n) {
      parts = t.toArray();
    } else {
      throw site.fail("Attempted to apply function " + name + " to argument " + arg
          + ", which is not in the domain of the function.");
    }
    int k = 0;
    for (Binders.One b : binders.items) {
      SetValue dom = b.domain.evalSet(c, nf);
      if (b.tuple) {
        if (!dom.contains(parts[k])) {
          throw site.fail("Attempted to apply function " + name + " to argument " + arg
              + ", which is not in the domain of the function.");
        }
        Binders.bindTuple(nf, b.slots, parts[k++]);
      } else {
        for (int s : b.slots) {
          if (!dom.contains(parts[k])) {
            throw site.fail("Attempted to apply function " + name + " to argument " + arg
                + ", which is not in the domain of the function.");
          }
          nf.slots[s] = parts[k++];
        }
      }
    }
  }

  /** The whole function as a value. */
  Value value(Ctx c, Frame env, Node site) {
    Frame nf = new Frame(frameSize, env);
    Node cons = new Nodes.FunCons(site.span, binders, new Node(site.span) {
      @Override
      Value ev(Ctx c2, Frame f2) {
        return body.eval(c2, f2);
      }
    });
    Value v = cons.eval(c, nf);
    return (FcnValue) v;
  }
}
