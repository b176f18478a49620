package io.synod.checker.eval;

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
  /**
   * The body's action form (see {@link Act.FunApply}) with its own binders and frame size;
   * compiled on first use as a step, from the definition, module and enclosing scope kept here.
   */
  Act act;
  Binders actBinders;
  int actFrameSize;
  boolean compilingAct;
  io.synod.checker.syntax.ast.Unit.FunctionDef def;
  Symbols.ModuleEnv env;
  Scope parentScope;

  /** {@link #domainSize} once computed for domains that are constant; -1 before. */
  private volatile long constantDomainSize = -1;

  FunDefn(String name) {
    this.name = name;
  }

  /** A frame of the body's action form for {@code arg}, checked against the domain as {@link #apply} does. */
  Frame actFrame(Ctx c, Frame env, Value arg, Node site) {
    Frame nf = new Frame(actFrameSize, env);
    if (!bind(c, nf, actBinders, arg)) {
      throw notInDomain(site, arg);
    }
    return nf;
  }

  Value apply(Ctx c, Frame env, Value arg, Node site) {
    Value v = applyInDomain(c, env, arg, site);
    if (v == null) {
      throw notInDomain(site, arg);
    }
    return v;
  }

  /** TLC's error for an argument outside the domain, located at the application {@code site}. */
  private EvalException notInDomain(Node site, Value arg) {
    return site.fail("Attempted to apply function " + name + " to argument " + arg
        + ", which is not in the domain of the function.");
  }

  /**
   * {@code f[arg]} from the body alone, or null when {@code arg} is outside the domain (the
   * caller then reports it in its own words).
   */
  Value applyInDomain(Ctx c, Frame env, Value arg, Node site) {
    if (memo) {
      Value v = cache.get(arg);
      if (v != null) {
        return v;
      }
    }
    Frame nf = new Frame(frameSize, env);
    if (!bind(c, nf, binders, arg)) {
      return null;
    }
    Value v;
    // a recursive function counts towards the evaluator's depth guard like a recursive operator
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

  /**
   * The number of arguments the function is defined for, or {@link Long#MAX_VALUE} when a domain
   * cannot be enumerated (Nat, Seq(S)...).
   */
  long domainSize(Ctx c, Frame env) {
    long known = constantDomainSize;
    if (known >= 0) {
      return known;
    }
    boolean constant = true;
    for (Binders.One b : binders.items) {
      constant &= b.domain.foldable() && !b.domain.readsSearch;
    }
    long n = computeDomainSize(c, env);
    if (constant) {
      // the same for every caller and worker; racing writers store the same number
      constantDomainSize = n;
    }
    return n;
  }

  private long computeDomainSize(Ctx c, Frame env) {
    Frame nf = new Frame(frameSize, env);
    long n = 1;
    for (Binders.One b : binders.items) {
      SetValue dom = b.domain.evalSet(c, nf);
      if (!dom.isEnumerable()) {
        return Long.MAX_VALUE;
      }
      int names = b.tuple ? 1 : b.slots.length;
      for (int i = 0; i < names; i++) {
        try {
          n = Math.multiplyExact(n, dom.size());
        } catch (ArithmeticException e) {
          return Long.MAX_VALUE;
        }
      }
    }
    return n;
  }

  /** Binds the argument {@code arg} to the names of {@code binders} in {@code nf}; false when outside their domains. */
  static boolean bind(Ctx c, Frame nf, Binders binders, Value arg) {
    SetValue dom = binders.items.length == 1 && !binders.items[0].tuple && binders.items[0].slots.length == 1
        ? binders.items[0].domain.evalSet(c, nf) : null;
    if (dom != null) {
      if (!dom.contains(arg)) {
        return false;
      }
      nf.slots[binders.items[0].slots[0]] = arg;
      return true;
    }
    return bindArgs(c, nf, binders, arg);
  }

  private static boolean bindArgs(Ctx c, Frame nf, Binders binders, Value arg) {
    int n = binders.arity();
    Value[] parts;
    if (n == 1) {
      parts = new Value[] {arg};
    } else if (arg instanceof io.synod.checker.value.TupleValue t && t.length() == n) {
      parts = t.toArray();
    } else {
      return false;
    }
    int k = 0;
    for (Binders.One b : binders.items) {
      SetValue dom = b.domain.evalSet(c, nf);
      if (b.tuple) {
        if (!dom.contains(parts[k])) {
          return false;
        }
        Binders.bindTuple(nf, b.slots, parts[k++]);
      } else {
        for (int s : b.slots) {
          if (!dom.contains(parts[k])) {
            return false;
          }
          nf.slots[s] = parts[k++];
        }
      }
    }
    return true;
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
    return cons.eval(c, nf);
  }
}
