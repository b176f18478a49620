package io.synod.checker.syntax.ast;

/**
 * A formal parameter of an operator definition, of a LAMBDA, a declared CONSTANT operator or an
 * entry of a RECURSIVE declaration: {@code x} (arity 0), {@code F(_, _)} (arity 2), {@code _ + _}
 * (name "+", arity 2, fixity INFIX), {@code -. _} (name "-.", PREFIX), {@code _ ^+} (POSTFIX).
 */
public record Param(Span span, String name, int arity, Fixity fixity) implements Node {
  public static Param of(Span span, String name) {
    return new Param(span, name, 0, Fixity.NORMAL);
  }
}
