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

  record Found(Local local, int depth) {}

  final Scope parent;
  private final List<Map<String, Local>> blocks = new ArrayList<>();
  int size;

  Scope(Scope parent) {
    this.parent = parent;
    blocks.add(new HashMap<>());
  }

  int newSlot() {
    return size++;
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
