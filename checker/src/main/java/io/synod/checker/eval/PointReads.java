package io.synod.checker.eval;

import io.synod.checker.value.Value;

/**
 * Applications {@code f[a]} where {@code f} is an operator's parameter standing for a function
 * definition ({@code Sum(f, S)} called as {@code Sum(sc, S)}): evaluated from the definition's
 * body at {@code a} alone, as TLC applies its lazy function values, instead of building the
 * whole function for each call to read a few of its points. The count of such reads is kept per
 * argument of a call (in its {@link Thunk}, or in the cache slots of an inlined call): once it
 * reaches the size of the domain, the function is built and cached as before, so a body that
 * reads many points costs at most about twice the whole function.
 */
final class PointReads {
  private long count;
  private final long limit;

  PointReads(long limit) {
    this.limit = limit;
  }

  /** Counts one more read; false once the reads have reached the domain's size. */
  boolean take() {
    if (count >= limit) {
      return false;
    }
    count++;
    return true;
  }

  /** A function definition and the frame its body is evaluated in. */
  record Target(FunDefn fd, Frame env) {
    long domainSize(Ctx c) {
      return fd.domainSize(c, env);
    }

    Value apply(Ctx c, Value arg, Node site) {
      return fd.applyInDomain(c, env, arg, site);
    }
  }

  /**
   * The function definition that {@code n} stands for in frame {@code f}, through parameters
   * passed on unevaluated; null when it is something else or its value was computed already.
   */
  static Target target(Node n, Frame f, Ctx c) {
    for (;;) {
      if (n instanceof Compiler.FunDefValue d) {
        return d.fd.body == null ? null : new Target(d.fd, d.envDepth < 0 ? null : f.at(d.envDepth));
      }
      if (n instanceof Nodes.Arg a) {
        Frame af = a.depth == 0 ? f : f.at(a.depth);
        if (a.cacheSlot >= 0 && af.slots[a.cacheSlot] instanceof Value
            && af.slots[a.cacheSlot + 1] == c.cur) {
          return null;
        }
        n = a.arg;
        f = af;
      } else if (n instanceof Nodes.Local l) {
        Object v = (l.depth == 0 ? f : f.at(l.depth)).slots[l.slot];
        if (!(v instanceof Thunk t) || t.forced(c)) {
          return null;
        }
        n = t.expr();
        f = t.frame();
      } else {
        return null;
      }
    }
  }

  /**
   * {@code fn[arg]} read from a function definition's body when {@code fn} (a parameter) stands
   * for one; null when the caller should apply {@code fn}'s value instead (not a definition,
   * value at hand, enough points read, or {@code arg} outside the domain, which the whole
   * function's application reports in TLC's words).
   */
  static Value apply(Node fn, Ctx c, Frame f, Value arg, Node site) {
    if (fn instanceof Nodes.Local l) {
      return (l.depth == 0 ? f : f.at(l.depth)).slots[l.slot] instanceof Thunk t
          ? t.applyDefinition(c, arg, site) : null;
    }
    if (!(fn instanceof Nodes.Arg a)) {
      return null;
    }
    Frame af = a.depth == 0 ? f : f.at(a.depth);
    Object cached = a.cacheSlot < 0 ? null : af.slots[a.cacheSlot];
    boolean now = a.cacheSlot >= 0 && af.slots[a.cacheSlot + 1] == c.cur;
    if (cached instanceof Value && now) {
      return null;
    }
    Target t = target(a.arg, af, c);
    if (t == null) {
      return null;
    }
    if (a.cacheSlot >= 0) {
      // the read count shares the slot of the argument's cached value until that is computed
      PointReads r;
      if (cached instanceof PointReads pr && now) {
        r = pr;
      } else {
        r = new PointReads(t.domainSize(c));
        af.slots[a.cacheSlot] = r;
        af.slots[a.cacheSlot + 1] = c.cur;
      }
      if (!r.take()) {
        return null;
      }
    }
    return t.apply(c, arg, site);
  }
}
