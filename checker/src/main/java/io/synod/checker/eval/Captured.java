package io.synod.checker.eval;

import io.synod.checker.value.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * The frame and state an expression kept lazy was made in (a set filter's predicate, the body of
 * a function over a non-enumerable domain), so that it can be evaluated later, possibly long
 * after and on another worker's thread (a constant-level definition is evaluated once and shared
 * by all workers).
 *
 * <p>As TLC's lazy values, the expression is evaluated in the state it was made in. The maker's
 * context serves while it still stands in that state on the maker's thread; any other use gets a
 * context of its own per thread, standing in a copy of that state, because a {@link Ctx} is one
 * worker's and not thread-safe. Each evaluation binds its names in a copy of the frame
 * ({@link #frame}), so that two at once (or one nested in another) never overwrite each other's
 * bindings.
 */
final class Captured {
  private final Frame frame;
  private final Ctx maker;
  private final Thread makerThread;
  /** The maker's state arrays when the value was made, to tell whether it still stands there. */
  private final Value[] makerCur;
  private final Value[] makerNxt;
  /** Copies of those states' contents, for the contexts of other uses. */
  private final Value[] cur;
  private final Value[] nxt;
  private final int level;
  private final Map<Value, Value> registers;
  /** The contexts of the other threads that used the value: copy on write, few entries. */
  private volatile Fork[] forks = new Fork[0];

  private record Fork(Thread thread, Ctx ctx) {}

  Captured(Ctx c, Frame f) {
    this.frame = f.snapshot(c);
    this.maker = c;
    this.makerThread = Thread.currentThread();
    this.makerCur = c.cur;
    this.makerNxt = c.nxt;
    this.cur = c.cur == null ? null : c.cur.clone();
    this.nxt = c.nxt == null ? null : c.nxt.clone();
    this.level = c.level;
    this.registers = c.registers.isEmpty() ? null : new HashMap<>(c.registers);
  }

  /** A fresh copy of the captured frame, for one evaluation to bind its names in. */
  Frame frame() {
    Frame f = new Frame(frame.slots.length, frame.up);
    System.arraycopy(frame.slots, 0, f.slots, 0, f.slots.length);
    return f;
  }

  Ctx context() {
    Thread t = Thread.currentThread();
    if (t == makerThread && maker.cur == makerCur && maker.nxt == makerNxt) {
      return maker;
    }
    for (Fork k : forks) {
      if (k.thread == t) {
        return k.ctx;
      }
    }
    return addFork(t);
  }

  private synchronized Ctx addFork(Thread t) {
    Ctx c = maker.spec.newContext(0, maker.host);
    c.cur = cur;
    c.nxt = nxt;
    c.level = level;
    if (registers != null) {
      c.registers = new HashMap<>(registers);
    }
    Fork[] old = forks;
    Fork[] grown = java.util.Arrays.copyOf(old, old.length + 1);
    grown[old.length] = new Fork(t, c);
    forks = grown;
    return c;
  }
}
