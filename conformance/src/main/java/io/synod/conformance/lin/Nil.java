package io.synod.conformance.lin;

/**
 * The nil value as a model state. A state cannot be Java null because {@link Model#step}
 * returns null for "impossible".
 */
final class Nil {
  static final Nil NIL = new Nil();

  private Nil() {}

  static Object wrap(Object v) {
    return v == null ? NIL : v;
  }

  static Object unwrap(Object s) {
    return s == NIL ? null : s;
  }

  @Override
  public String toString() {
    return "nil";
  }
}
