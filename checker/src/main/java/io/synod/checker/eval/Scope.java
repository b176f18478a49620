package io.synod.checker.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compile-time view of the frames: each operator body, LAMBDA or function definition opens a
 * frame; quantifiers and LETs open blocks of names inside it. Resolves a name to a
 * {@link Local} and the number of frames up where it lives.
 */
final class Scope {
  abstract static class Local {}

  /** A bound variable or value parameter. */
  static final class ValLocal extends Local {
    final int slot;

    ValLocal(int slot) {
      this.slot = slot;
    }
  }

  /** An operator parameter {@code F(_)}; the slot holds an {@link OpValue}. */
  static final class OpParam extends Local {
    final int slot;
    final int arity;

    OpParam(int slot, int arity) {
      this.slot = slot;
      this.arity = arity;
    }
  }

  /** A zero-parameter LET definition cached in a slot. */
  static final class LetVal extends Local {
    final int slot;
    Node body;

    LetVal(int slot) {
      this.slot = slot;
    }
  }

  /** A LET operator with parameters. */
  static final class LetOp extends Local {
    final OpDefn defn;
    final io.synod.checker.syntax.ast.Unit.OpDef def;

    LetOp(OpDefn defn, io.synod.checker.syntax.ast.Unit.OpDef def) {
      this.defn = defn;
      this.def = def;
    }
  }

  /** A LET function definition. */
  static final class LetFun extends Local {
    final FunDefn defn;

    LetFun(FunDefn defn) {
      this.defn = defn;
    }
  }

  /**
   * A value parameter of an operator whose body is compiled inline at a call site: reads of it
   * evaluate the caller's argument expression {@link #arg} (compiled in the caller's frame)
   * directly, or through the caching slots {@link #cacheSlot} when the call would have passed
   * a thunk.
   */
  static final class InlineArg extends Local {
    final Node arg;
    /** First of the two slots (value, state) caching the argument; -1 when never cached. */
    final int cacheSlot;
    /** Whether reads locate errors at the argument (it would have been a thunk, not passed on). */
    final boolean located;

    InlineArg(Node arg, int cacheSlot, boolean located) {
      this.arg = arg;
      this.cacheSlot = cacheSlot;
      this.located = located;
    }
  }

  /** {@code LET I == INSTANCE M WITH ...} (or with parameters): instantiated at each use. */
  static final class LetInstance extends Local {
    final io.synod.checker.syntax.ast.Unit.InstanceDef def;
    /** The scope of the LET, where the substitutions are written. */
    final Scope site;

    LetInstance(io.synod.checker.syntax.ast.Unit.InstanceDef def, Scope site) {
      this.def = def;
      this.site = site;
    }
  }

  record Found(Local local, int depth) {}

  final Scope parent;
  private final List<Map<String, Local>> blocks = new ArrayList<>();
  /** The scope whose frame holds this scope's slots: itself, or the caller's for an inlined body. */
  private final Scope slotOwner;
  int size;

  Scope(Scope parent) {
    this(parent, null);
  }

  private Scope(Scope parent, Scope slotOwner) {
    this.parent = parent;
    this.slotOwner = slotOwner == null ? this : slotOwner;
    blocks.add(new HashMap<>());
  }

  /**
   * A scope for an operator body compiled inline in {@code host}'s frame: its slots are
   * allocated in that frame, but the host's names are invisible to it.
   */
  static Scope inlinedIn(Scope host) {
    // no parent: lookups stop here, the host's names are invisible to the inlined body
    return new Scope(null, host.slotOwner);
  }

  /**
   * How many frames up from this scope's frame the frame of {@code site} is, following the
   * enclosing frames (an inlined body's frame is its host's); -1 when {@code site}'s frame does
   * not enclose this one.
   */
  int framesTo(Scope site) {
    int depth = 0;
    for (Scope s = this; s != null; s = s.slotOwner.parent, depth++) {
      if (s.slotOwner == site.slotOwner) {
        return depth;
      }
    }
    return -1;
  }

  int newSlot() {
    return slotOwner == this ? size++ : slotOwner.newSlot();
  }

  /** The value slots of the argument caches made by {@link #newCache}. */
  private final List<Integer> caches = new ArrayList<>();

  /** Two slots caching an inlined argument (value, state); returns the first. */
  int newCache() {
    int slot = newSlot();
    newSlot();
    caches.add(slot);
    return slot;
  }

  int[] cacheSlots() {
    return caches.stream().mapToInt(Integer::intValue).toArray();
  }

  void push() {
    blocks.add(new HashMap<>());
  }

  void pop() {
    blocks.remove(blocks.size() - 1);
  }

  void put(String name, Local l) {
    blocks.get(blocks.size() - 1).put(name, l);
  }

  Found find(String name) {
    int depth = 0;
    for (Scope s = this; s != null; s = s.parent, depth++) {
      for (int i = s.blocks.size() - 1; i >= 0; i--) {
        Local l = s.blocks.get(i).get(name);
        if (l != null) {
          return new Found(l, depth);
        }
      }
    }
    return null;
  }
}
