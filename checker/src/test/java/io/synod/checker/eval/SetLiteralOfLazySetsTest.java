package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A set literal one of whose elements is a set that cannot be enumerated ({@code {Nat, {-1}}})
 * cannot be put in TLC's canonical order. TLC keeps such a literal as written (unnormalized):
 * membership is equality with one of the elements, the set can be counted, enumerated (in written
 * order), filtered and unioned; only what needs the canonical order fails. A literal of plain
 * values of different kinds stays an error, as in TLC.
 */
class SetLiteralOfLazySetsTest {

  @Test
  void membershipInTheUnionOfALiteralWithAnInfiniteSet() {
    assertEquals("TRUE", Eval.show("5 \\in UNION {Nat, {-1}}"));
    assertEquals("TRUE", Eval.show("-1 \\in UNION {Nat, {-1}}"));
    assertEquals("FALSE", Eval.show("-2 \\in UNION {Nat, {-1}}"));
    assertEquals("TRUE", Eval.show("3 \\in UNION {{1, 2}, Nat, {-1}}"));
  }

  @Test
  void membershipInTheLiteralIsEqualityWithAnElement() {
    assertEquals("TRUE", Eval.show("Nat \\in {Nat, {-1}}"));
    assertEquals("TRUE", Eval.show("{-1} \\in {Nat, {-1}}"));
    assertEquals("FALSE", Eval.show("{1} \\in {Nat, {-1}}"));
    assertEquals("FALSE", Eval.show("5 \\in {Nat, Int}"));
  }

  @Test
  void countedEnumeratedAndFilteredInWrittenOrder() {
    assertEquals("2", Eval.show("Cardinality({Nat, Nat, {-1}})"));
    assertEquals("TRUE", Eval.show("\\E s \\in {Nat, {-1}} : 7 \\in s"));
    assertEquals("FALSE", Eval.show("\\A s \\in {Nat, {-1}} : 7 \\in s"));
    assertEquals("{{-1}}", Eval.show("{s \\in {Nat, {-1}} : -1 \\in s}"));
    assertEquals("{Nat, {-1}}", Eval.show("{Nat, {-1}}"));
    assertEquals("{{-1}, Nat}", Eval.show("{{-1}, Nat}"));
  }

  /**
   * Comparing such a literal with a set makes TLC sort both sides (SetEnumValue.equals
   * normalizes this side, then the other), and the literal's sort fails on the first comparison
   * TLC refuses: an explicit set with Nat, or Nat with what is not an overridden set. Before,
   * Synod answered TRUE or FALSE.
   */
  @Test
  void equalitySortsTheLiteralWhichFails() {
    String setWithNat = "Attempted to compare the set {-1} with the value:\nNat";
    assertEquals(setWithNat, error("{Nat, {-1}} = {{1}, {-1}}"));
    assertEquals(setWithNat, error("{{1}, {-1}} = {Nat, {-1}}"));
    assertEquals(setWithNat, error("{Nat, {-1}} # {{1}, {-1}}"));
    assertEquals(setWithNat, error("{Nat, {-1}} = {{1}}"));
    assertEquals(setWithNat, error("{Nat, {-1}} = {Nat, {-1}}"));
    assertEquals(setWithNat, error("{Nat, {-1}} = {Nat, {-2}}"));
    assertEquals("Attempted to compare overridden value Nat with non-overridden value:\n{-1}",
        error("{{-1}, Nat} = {{1}, {-1}}"));
    // this side is sorted first
    assertEquals(setWithNat, error("{Nat, {-1}} = {{-1}, Nat}"));
    // the other side must become an explicit set first
    assertEquals("Attempted to check equality of the set {Nat, {-1}} with the value:\nNat",
        error("{Nat, {-1}} = Nat"));
    // Nat and Int order among themselves: such a literal sorts
    assertEquals("TRUE", Eval.show("{Nat, Int} = {Int, Nat}"));
  }

  private static String error(String expr) {
    return assertThrows(EvalException.class, () -> Eval.show(expr)).getMessage();
  }

  @Test
  void aLiteralContainingSuchASetIsKeptAsWrittenToo() {
    assertEquals("TRUE", Eval.show("({-1} \\in {{Nat, {-1}}, {{1}, {2}}}) = FALSE"));
    assertEquals("TRUE", Eval.show("{Nat, {-1}} \\in {{Nat, {-1}}, {{1}, {2}}}"));
  }

  @Test
  void plainValuesOfDifferentKindsStillFail() {
    // values of different kinds are not sets that cannot be enumerated: an error, as in TLC
    // TLC sorts the literal to compare it, inserting "a" among the elements before it
    // (tlaplus/tlaplus issue 488: {0, "1"} fails with 'Attempted to compare string "1"')
    EvalException mixed = assertThrows(EvalException.class, () -> Eval.show("{1, \"a\"} = {1, \"a\"}"));
    assertEquals("Attempted to compare string \"a\" with non-string:\n1", mixed.getMessage());
  }
}
