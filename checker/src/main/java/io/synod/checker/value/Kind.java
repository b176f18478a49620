package io.synod.checker.value;

/**
 * The kind of a value. The declaration order is used only to order look-ups in function
 * domains that mix untyped model values with one other kind (model values sort first, as in
 * TLC); values of two different non-model kinds are incomparable.
 */
public enum Kind {
  MODEL, BOOL, INT, STRING, SET, FUNCTION
}
