package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;

/**
 * A user-defined operator with parameters (module level, LET or LAMBDA), compiled once. The body
 * is compiled on first reference, so a RECURSIVE operator's calls to itself see the definition
 * before its body exists.
 */
final class OpDefn {
  final String name;
  final Span span;
  final int arity;
  Node body;
  int frameSize;
  /** The action form of the body, compiled on demand for operators used as actions. */
  Act act;
  int actFrameSize;
  /** The initial-predicate form of the body, compiled on demand. */
  Act initAct;
  int initFrameSize;
  boolean compiling;
  /** Its number among the operators applied through {@link Act.Memo} ({@link CallMemo}), or -1. */
  int memoId = -1;

  OpDefn(String name, Span span, int arity) {
    this.name = name;
    this.span = span;
    this.arity = arity;
  }

  Node body() {
    return body;
  }
}
