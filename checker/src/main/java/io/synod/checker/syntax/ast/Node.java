package io.synod.checker.syntax.ast;

/** Every syntax-tree node knows where it came from. */
public interface Node {
  Span span();
}
