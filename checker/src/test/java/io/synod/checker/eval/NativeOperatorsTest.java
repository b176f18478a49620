package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.stdlib.StandardModules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every operator that native-operators.txt declares native has a Java implementation. */
class NativeOperatorsTest {
  /** Json and IOUtils are implemented by the trace tooling, outside this table. */
  private static final Set<String> ELSEWHERE = Set.of("Json", "IOUtils");
  /**
   * Operators of TLCExt still evaluated from their TLA+ definitions: they need an unevaluated
   * argument (AssertError, TLCDefer, PickSuccessor), the trace of the current state (Trace,
   * CounterExample) or TLC's own FP64 fingerprint (TLCFP).
   */
  private static final Set<String> NOT_YET = Set.of("TLCExt AssertError", "TLCExt TLCDefer",
      "TLCExt PickSuccessor", "TLCExt Trace", "TLCExt CounterExample", "TLCExt TLCFP");

  @Test
  void everyDeclaredNativeOperatorIsImplemented() {
    Natives natives = new Natives();
    List<String> missing = new ArrayList<>();
    for (StandardModules.NativeOperator op : StandardModules.nativeOperators()) {
      if (ELSEWHERE.contains(op.module()) || NOT_YET.contains(op.module() + " " + op.operator())) {
        continue;
      }
      Natives.Impl impl = natives.lookup(op.module(), op.operator());
      if (impl == null || impl.arity != op.arity()) {
        missing.add(op.module() + " " + op.operator() + " " + op.arity());
      }
    }
    assertEquals(List.of(), missing);
  }

  private static final String EXT = "EXTENDS Integers, Sequences, FiniteSets, TLC, Bags, FiniteSetsExt, "
      + "SequencesExt, Functions, Folds, Relation, Randomization, TLCExt";

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

  @Test
  void randomSubsetOfAPowerSetTooBigToCountOverflowsAsInTlc() {
    EvalException e = org.junit.jupiter.api.Assertions.assertThrows(EvalException.class,
        () -> show("RandomSubset(2, SUBSET (1..40))"));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(
        "but it produced the following error:\nOverflow when computing the number of elements in:\nSUBSET (1..40)"),
        e.getMessage());
  }
}
