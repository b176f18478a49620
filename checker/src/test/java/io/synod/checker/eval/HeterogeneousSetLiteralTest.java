package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A set literal of values TLC does not compare with each other ({@code {1, "a"}}): TLC keeps it
 * unnormalized, so membership compares the value with each element in written order by
 * equality, and only what normalizes it (counting, enumerating, comparing) fails, with
 * the error of TLC's sort. Synod failed on the literal itself.
 */
class HeterogeneousSetLiteralTest {
  private static String error(String expr) {
    return assertThrows(EvalException.class, () -> Eval.show(expr)).getMessage();
  }

  @Test
  void membershipComparesWithEachElementInWrittenOrder() {
    assertEquals("TRUE", Eval.show("1 \\in {1, \"a\"}"));
    assertEquals("TRUE", Eval.show("{} \\in {{}, <<>>}"));
    assertEquals("Attempted to check equality of the set {} with the value:\n<<>>", error("<<>> \\in {{}, <<>>}"));
    assertEquals("Attempted to check equality of integer 1 with non-integer:\n\"b\"", error("\"b\" \\in {1, \"a\"}"));
    assertEquals("Attempted to check equality of integer 1 with non-integer:\n\"a\"", error("\"a\" \\in {1, \"a\"}"));
    assertEquals("Attempted to check equality of string \"a\" with non-string:\n1", error("1 \\in {\"a\", 1}"));
    assertEquals("TRUE", Eval.show("IsFiniteSet({1, \"a\"})"));
  }

  @Test
  void whatNormalizesItFailsWithTheSortsError() {
    String sort = "Attempted to compare string \"a\" with non-string:\n1";
    assertEquals(sort, error("{1, \"a\"} = {1, \"a\"}"));
    assertEquals(sort, error("{} = {1, \"a\"}"));
    assertEquals(sort, error("\\E x \\in {1, \"a\"} : TRUE"));
    assertEquals("Attempted to apply the operator overridden by the Java method\n"
        + "public static tlc2.value.impl.IntValue tlc2.module.FiniteSets.Cardinality(tlc2.value.impl.Value),\n"
        + "but it produced the following error:\n" + sort, error("Cardinality({1, \"a\"})"));
  }

  /**
   * UNION of sets that are not all explicit stays lazy in TLC: its emptiness needs only a first
   * element (TLC's EmptySetEqAssume CardSingletonUnionDomain).
   */
  @Test
  void aLazyUnionOfIncomparableSetsAnswersItsEmptiness() {
    assertEquals("1", Eval.show("Cardinality([(UNION {1..2000000, {\"a\"}}) -> {\"d1\"}])"));
    assertEquals("TRUE", Eval.show("\"a\" \\in UNION {1..3, {\"a\"}} /\\ UNION {1..3, {4}} = 1..4"));
    // the smaller set comes first, as in TLC's normalized set of sets
    assertEquals("Attempted to compare integer 2 with non-integer:\n\"a\"", error("2 \\in UNION {1..3, {\"a\"}}"));
  }
}
