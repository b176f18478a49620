package io.synod.checker.eval;

import io.synod.checker.value.Value;

/**
 * Applications {@code f[a]} where {@code f} is an operator's parameter standing for a function
 * definition ({@code Sum(f, S)} called as {@code Sum(sc, S)}): evaluated from the definition's
 * body at {@code a} alone, as TLC applies its lazy function values, instead of building the
 * whole function for each call to read a few of its points. One instance per argument of a call
 * (kept in its {@link Thunk}, or in the cache slots of an inlined call) holds the definition with
 * its frame and counts the reads: once they reach the size of the domain, the function is built
 * and cached as before, so a body that reads many points costs at most about twice the whole
 * function.
 */
final class PointReads {
  /** What a thunk keeps when its argument is not a function definition. */
  static final PointReads NONE = new PointReads(null, null, 0);

  private final FunDefn fd;
  private final Frame env;
  private final long limit;
  private long count;

  private PointReads(FunDefn fd, Frame env, long limit) {
    this.fd = fd;
    this.env = env;
    this.limit = limit;
  }

  /**
   * The reads of the function definition that {@code n} stands for in frame {@code f}, through
   * parameters passed on unevaluated, counted against the domain's size when {@code counted};
   * {@link #NONE} when it is something else or its value was computed already.
   */
  static PointReads of(Node n, Frame f, Ctx c, boolean counted) {
    for (;;) {
      if (n instanceof Compiler.FunDefValue d) {
        if (d.fd.body == null) {
          return NONE;
        }
        Frame env = d.envDepth < 0 ? null : f.at(d.envDepth);
        return new PointReads(d.fd, env, counted ? d.fd.domainSize(c, env) : Long.MAX_VALUE);
      }
      if (n instanceof Nodes.Arg a) {
        Frame af = a.depth == 0 ? f : f.at(a.depth);
        if (a.cacheSlot >= 0 && af.slots[a.cacheSlot] instanceof Value
            && af.slots[a.cacheSlot + 1] == c.cur) {
          return NONE;
        }
        n = a.arg;
        f = af;
      } else if (n instanceof Nodes.Local l) {
        Object v = (l.depth == 0 ? f : f.at(l.depth)).slots[l.slot];
        if (!(v instanceof Thunk t) || t.forced(c)) {
          return NONE;
        }
        n = t.expr();
        f = t.frame();
      } else {
        return NONE;
      }
    }
  }

  /**
   * {@code f[arg]} from the definition's body; null when the caller should apply the function's
   * value instead: not a definition, enough points read, or {@code arg} outside the domain
   * (which the whole function's application reports in TLC's words).
   */
  Value read(Ctx c, Value arg, Node site) {
    if (count >= limit) {
      return null;
    }
    count++;
    return fd.applyInDomain(c, env, arg, site);
  }

  /** {@code fn[arg]} read point-wise when the parameter {@code fn} stands for a function definition; else null. */
  static Value apply(Node fn, Ctx c, Frame f, Value arg, Node site) {
    if (fn instanceof Nodes.Local l) {
      return (l.depth == 0 ? f : f.at(l.depth)).slots[l.slot] instanceof Thunk t
          ? t.applyDefinition(c, arg, site) : null;
    }
    if (!(fn instanceof Nodes.Arg a)) {
      return null;
    }
    Frame af = a.depth == 0 ? f : f.at(a.depth);
    if (a.cacheSlot < 0) {
      // never cached, hence never built once for all: always read point-wise
      return of(a.arg, af, c, false).read(c, arg, site);
    }
    Object cached = af.slots[a.cacheSlot];
    boolean now = af.slots[a.cacheSlot + 1] == c.cur;
    if (cached instanceof Value && now) {
      return null;
    }
    PointReads r;
    if (cached instanceof PointReads pr && now) {
      r = pr;
    } else {
      // shares the slot of the argument's cached value until that is computed
      r = of(a.arg, af, c, true);
      af.slots[a.cacheSlot] = r;
      af.slots[a.cacheSlot + 1] = c.cur;
    }
    return r.read(c, arg, site);
  }
}
