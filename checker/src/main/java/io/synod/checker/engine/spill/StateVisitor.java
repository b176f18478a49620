package io.synod.checker.engine.spill;

import io.synod.checker.value.Value;

/** Receives queued states with their parent-log ids, one at a time. */
@FunctionalInterface
public interface StateVisitor {
  void visit(Value[] state, long id);
}
