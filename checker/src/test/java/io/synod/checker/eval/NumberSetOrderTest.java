package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * TLC orders Nat and Int with each other (Nat first), so sets holding them can be built, as TLC's
 * suite test7 does with {@code CHOOSE j \in {{Nat}, {Int}} : ...}; Synod refused to compare them.
 */
class NumberSetOrderTest {
  @Test
  void natAndIntOrderAmongThemselves() {
    assertEquals("{Int}", Eval.show("CHOOSE s \\in {{Int}, {Nat}} : \\E t \\in s : -2 \\in t"));
    assertEquals("<<TRUE, 2>>", Eval.show("<<{Nat, Int} = {Int, Nat}, Cardinality({Int, Nat, Int})>>"));
  }
}
