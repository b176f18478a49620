package io.synod.checker.syntax.ast;

/** How an operator is written: {@code Op(a, b)} / {@code x} (NORMAL), {@code -a}, {@code a + b}, {@code a'}. */
public enum Fixity {
  NORMAL,
  PREFIX,
  INFIX,
  POSTFIX
}
