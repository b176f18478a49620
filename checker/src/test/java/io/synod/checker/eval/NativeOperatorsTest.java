package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Native operators compute what their definitions state. */
class NativeOperatorsTest {
  private static final String EXT = "EXTENDS Integers, Sequences, FiniteSets, TLC, Bags, FiniteSetsExt, "
      + "SequencesExt, Functions, Folds, Relation, Randomization, TLCExt, Json, Statistics";

  /** The value of {@code expr}, printed, in a module extending the community modules. */
  private static String show(String defs, String expr) {
    String module = "---- MODULE Test ----\n" + EXT + "\nVARIABLE x\nInit == x = 0\nNext == x' = x\n" + defs
        + "\nE == " + expr + "\n====\n";
    CompiledSpec spec = Fixtures.inline(module, "INIT Init\nNEXT Next\n", new ArrayList<>());
    Ctx c = spec.newContext(0, s -> { });
    return spec.evaluate(spec.definition("E"), c, new io.synod.checker.value.Value[] {
        io.synod.checker.value.IntValue.ZERO}, null).toString();
  }

  private static String show(String expr) {
    return show("", expr);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} = {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      BagUnion({SetToBag({{1}, {2}}), SetToBag({{2}}), EmptyBag})  | ({1} :> 1 @@ {2} :> 2)
      BagUnion({})                                                 | <<>>
      SubBag(({1} :> 2))                                           | {<<>>, ({1} :> 1), ({1} :> 2)}
      Cardinality(SubBag((1 :> 2 @@ 2 :> 1)))                      | 6
      BagOfAll(LAMBDA e : e % 2, (1 :> 2 @@ 2 :> 1 @@ 3 :> 4))     | (0 :> 1 @@ 1 :> 6)
      IsInjective(<<1, 2, 3>>)                                     | TRUE
      IsInjective(<<1, 2, 1>>)                                     | FALSE
      MapThenFoldSet(LAMBDA a, b : a \\o b, <<>>, LAMBDA e : <<e>>, LAMBDA S : CHOOSE m \\in S : \\A y \\in S : m >= y, {1, 2, 3}) | <<3, 2, 1>>
      FoldSet(LAMBDA a, b : <<a>> \\o b, <<>>, {3, 1, 2})          | <<1, 2, 3>>
      SumSet({1, 2, 3, 10})                                        | 16
      SumSet({})                                                   | 0
      ProductSet({2, 3, 4})                                        | 24
      Max({3, -1, 7})                                              | 7
      Min({3, -1, 7})                                              | -1
      Quantify(1..10, LAMBDA i : i % 3 = 0)                         | 3
      kSubset(2, {1, 2, 3})                                        | {{1, 2}, {1, 3}, {2, 3}}
      kSubset(0, {1, 2})                                           | {{}}
      kSubset(3, {1, 2})                                           | {}
      SetToSeq({3, 1, 2})                                          | <<1, 2, 3>>
      SetToSortSeq({3, 1, 2}, >)                                   | <<3, 2, 1>>
      ToSet(<<2, 1, 2>>)                                           | {1, 2}
      Reverse(<<1, 2, 3>>)                                         | <<3, 2, 1>>
      FoldLeft(LAMBDA acc, e : acc - e, 10, <<1, 2, 3>>)           | 4
      FoldRight(LAMBDA e, acc : e - acc, <<1, 2, 3>>, 10)          | -8
      FoldSeq(LAMBDA e, acc : <<e>> \\o acc, <<>>, <<1, 2, 3>>)     | <<1, 2, 3>>
      FlattenSeq(<<<<1>>, <<>>, <<2, 3>>>>)                        | <<1, 2, 3>>
      ReplaceAllSubSeqs(<<0>>, <<1, 2>>, <<1, 2, 3, 1, 2>>)        | <<0, 3, 0>>
      ReplaceAllSubSeqs(<<0>>, <<>>, <<1, 2>>)                     | <<0, 1, 0, 2>>
      ReplaceAllSubSeqs(<<9>>, <<1, 2>>, <<1, 2>>)                 | <<9>>
      Cardinality(RandomSubset(3, 1..10))                          | 3
      RandomSubset(3, 1..10) \\subseteq 1..10                       | TRUE
      Cardinality(RandomSetOfSubsets(3, 2, 1..5)) <= 3             | TRUE
      <<1, "a">> \\in Any                                           | TRUE
      """)
  void nativeResultsFollowTheDefinitions(String expr, String expected) {
    assertEquals(expected.trim(), show(expr.trim()));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} = {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiterString = " ;; ", quoteCharacter = '`', textBlock = """
      ToJson(<<1, 2>>) ;; "[1,2]"
      ToJson(<<>>) ;; "[]"
      ToJson([a |-> 1, b |-> "x"]) ;; "{\\"a\\":1,\\"b\\":\\"x\\"}"
      ToJson({3, 1, 2}) ;; "[1,2,3]"
      ToJson(1 :> TRUE @@ 3 :> FALSE) ;; "{\\"1\\":true,\\"3\\":false}"
      ToJson(<<"a\\nb">>) ;; "[\\"a\\\\nb\\"]"
      ToJsonArray({<<1>>, <<2>>}) ;; "[[1],[2]]"
      ToJsonObject(<<7, 8>>) ;; "{\\"0\\":7,\\"1\\":8}"
      """)
  void jsonTextAsTlcWritesIt(String expr, String expected) {
    assertEquals(expected.trim(), show(expr.trim()));
  }

  @Test
  void chiSquareRejectsCountsFarFromTheExpectedFrequencies() {
    assertEquals("TRUE", show("ChiSquare(1 :> 10 @@ 2 :> 10, 1 :> 11 @@ 2 :> 9, \"0.05\")"));
    assertEquals("FALSE", show("ChiSquare(1 :> 10 @@ 2 :> 10, 1 :> 18 @@ 2 :> 2, \"0.05\")"));
    // expected frequencies are scaled to the observed total: 1:1 fits 50:50
    assertEquals("TRUE", show("ChiSquare(1 :> 1 @@ 2 :> 1, 1 :> 50 @@ 2 :> 50, \"0.05\")"));
    EvalException e = org.junit.jupiter.api.Assertions.assertThrows(EvalException.class,
        () -> show("ChiSquare(1 :> 1 @@ 2 :> 1, 1 :> 1 @@ 2 :> 1, \"0.7\")"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("(0, .5]"), e.getMessage());
  }

  @Test
  void chiSquareTailProbabilities() {
    // the 0.95 quantiles of the chi-square distribution with 1 and 4 degrees of freedom
    assertEquals(0.05, StatisticsNatives.upperGamma(0.5, 3.841459 / 2), 1e-6);
    assertEquals(0.05, StatisticsNatives.upperGamma(2, 9.487729 / 2), 1e-6);
    assertEquals(Math.exp(-1.5), StatisticsNatives.upperGamma(1, 1.5), 1e-12);
  }

  @Test
  void transitiveClosureOfASuccessorRelation() {
    String defs = "S == {1, 2, 3}\nR == [p \\in S \\X S |-> p[2] = p[1] + 1]\nC == TransitiveClosure(R, S)\n";
    assertEquals("TRUE", show(defs, "C[1, 3] /\\ C[1, 2] /\\ C[2, 3]"));
    assertEquals("FALSE", show(defs, "C[3, 1] \\/ C[1, 1] \\/ C[2, 1]"));
  }

  @Test
  void tlcGetAndSetReturnsThePreviousValue() {
    assertEquals("<<0, 5, 12>>", show("<<TLCGetAndSet(7, +, 5, 0), TLCGetAndSet(7, +, 7, 0), TLCGet(7)>>"));
    assertEquals("3", show("TLCCache(1 + 2, {})"));
  }

  /**
   * As TLC (its RandomSubsetTest and RandomSubsetSetOfFcnsTest), a Cartesian product or a set of
   * functions with more elements than an int holds is drawn from component by component instead
   * of overflowing; a large interval, product or set of functions within an int is drawn from by
   * index, without being built.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "(1..5000) \\X (1..5000) \\X (1..5000)", "(1..3) \\X ((1..100000) \\X (1..100000))",
      "1..10000000", "(1..300) \\X (1..300)", "[1..30 -> 1..10]", "[{\"a\", \"b\"} -> (1..300) \\X (1..300)]"})
  void randomSubsetDrawsFromProductsOfAnySize(String set) {
    assertEquals("<<25, TRUE>>",
        show("LET R == RandomSubset(25, " + set + ") IN <<Cardinality(R), R \\subseteq " + set + ">>"));
  }

  @Test
  void randomSubsetOfAPowerSetTooBigToCountOverflowsAsInTlc() {
    EvalException e = org.junit.jupiter.api.Assertions.assertThrows(EvalException.class,
        () -> show("RandomSubset(2, SUBSET (1..40))"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(
        "but it produced the following error:\nOverflow when computing the number of elements in:\nSUBSET (1..40)"),
        e.getMessage());
  }
}
