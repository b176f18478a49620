package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation of constant expressions against values TLC computes for them. */
class ExpressionTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiterString = " ==> ", value = {
      "-7 \\div 2 ==> -3",
      "(-7) \\div 2 ==> -4",
      "-7 % 2 ==> 1",
      "(-7) % 2 ==> 1",
      "-2^2 ==> -4",
      "7 \\div 2 ==> 3",
      "2^10 ==> 1024",
      "1..3 \\cup {7} ==> {1, 2, 3, 7}",
      "{1, 2, 3} \\ {2} ==> {1, 3}",
      "{1, 2} \\cap {2, 3} ==> {2}",
      "SUBSET {1, 2} ==> {{}, {1}, {2}, {1, 2}}",
      "UNION {{1}, {2, 3}} ==> {1, 2, 3}",
      "{1, 2} \\X {3} ==> {<<1, 3>>, <<2, 3>>}",
      "{x * x : x \\in 1..3} ==> {1, 4, 9}",
      "{x \\in 1..6 : x % 2 = 0} ==> {2, 4, 6}",
      "[i \\in 1..3 |-> i * 10] ==> <<10, 20, 30>>",
      "[<<1, 2>> EXCEPT ![1] = @ + 10] ==> <<11, 2>>",
      "[[a |-> 1, b |-> <<1, 2>>] EXCEPT !.b[2] = @ * 5] ==> [a |-> 1, b |-> <<1, 10>>]",
      "[a |-> 1, b |-> 2].b ==> 2",
      "DOMAIN [a |-> 1, b |-> 2] ==> {\"a\", \"b\"}",
      "CHOOSE x \\in {3, 1, 2} : x > 1 ==> 2",
      "CHOOSE x \\in 1..10 : TRUE ==> 1",
      "\\A x \\in 1..3 : x > 0 ==> TRUE",
      "\\E x \\in 1..3 : x > 2 ==> TRUE",
      "\\E x \\in {} : TRUE ==> FALSE",
      "IF 1 < 2 THEN \"yes\" ELSE \"no\" ==> \"yes\"",
      "CASE 1 > 2 -> 1 [] 2 > 1 -> 2 ==> 2",
      "CASE 1 > 2 -> 1 [] OTHER -> 3 ==> 3",
      "LET y == 2 IN y * y ==> 4",
      "Len(<<1, 2, 3>>) ==> 3",
      "Append(<<1>>, 2) \\o <<3>> ==> <<1, 2, 3>>",
      "Head(<<4, 5>>) ==> 4",
      "Tail(<<4, 5, 6>>) ==> <<5, 6>>",
      "SubSeq(<<1, 2, 3, 4>>, 2, 3) ==> <<2, 3>>",
      "SelectSeq(<<1, 2, 3, 4>>, LAMBDA e : e % 2 = 0) ==> <<2, 4>>",
      "<<1, 2>> \\in Seq({1, 2}) ==> TRUE",
      "Cardinality(SUBSET (1..4)) ==> 16",
      "IsFiniteSet(1..3) ==> TRUE",
      "(1 :> \"x\" @@ 2 :> \"y\") ==> <<\"x\", \"y\">>",
      "(\"k\" :> 1 @@ \"k\" :> 2)[\"k\"] ==> 1",
      "ToString(<<1, \"a\">>) ==> \"<<1, \\\"a\\\">>\"",
      "SortSeq(<<3, 1, 2>>, LAMBDA a, b : a < b) ==> <<1, 2, 3>>",
      "Cardinality(Permutations({1, 2, 3})) ==> 6",
      "SetToBag({\"a\"}) (+) SetToBag({\"a\", \"b\"}) ==> [a |-> 2, b |-> 1]",
      "BagCardinality(SetToBag({1, 2}) (+) SetToBag({2})) ==> 3",
      "CopiesIn(2, SetToBag({1, 2}) (-) SetToBag({2})) ==> 0",
      "[x \\in {1, 2}, y \\in {3} |-> x + y][2, 3] ==> 5",
      "[r \\in [p : {1, 2}, q : {3}] |-> r.p + r.q][[p |-> 2, q |-> 3]] ==> 5",
      "LET f[n \\in Nat] == IF n = 0 THEN 1 ELSE n * f[n - 1] IN f[5] ==> 120",
      "\"ab\" \\o \"c\" ==> \"abc\"",
      "2 \\in Nat /\\ -1 \\notin Nat /\\ -1 \\in Int ==> TRUE",
      "{1, 2} \\subseteq 1..3 ==> TRUE",
      "TLCEval(1 + 1) ==> 2",
      "\"a\" \\in STRING ==> TRUE",
  })
  void evaluates(String expr, String expected) {
    assertEquals(expected, Eval.show(expr));
  }

  @Test
  void recursiveOperatorsAndHigherOrder() {
    String defs = String.join("\n",
        "RECURSIVE Fact(_)",
        "Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)",
        "RECURSIVE FoldL(_, _, _)",
        "FoldL(Op(_, _), acc, s) == IF s = <<>> THEN acc ELSE FoldL(Op, Op(acc, Head(s)), Tail(s))",
        "Plus(a, b) == a + b",
        "Twice(F(_), v) == F(F(v))",
        "fib[n \\in Nat] == IF n < 2 THEN n ELSE fib[n - 1] + fib[n - 2]");
    assertEquals("120", Eval.eval(defs, "Fact(5)", new ArrayList<>()).toString());
    assertEquals("10", Eval.eval(defs, "FoldL(Plus, 0, <<1, 2, 3, 4>>)", new ArrayList<>()).toString());
    assertEquals("16", Eval.eval(defs, "Twice(LAMBDA v : Twice(LAMBDA y : y * 2, v), 1)", new ArrayList<>())
        .toString());
    assertEquals("55", Eval.eval(defs, "fib[10]", new ArrayList<>()).toString());
  }

  @Test
  void stringsOrderByFirstAppearance() {
    assertEquals("{\"tea\", \"coffee\"}", Eval.show("{\"tea\", \"coffee\"}"));
    assertEquals("[b |-> 2, a |-> 1]", Eval.show("[b |-> 2, a |-> 1]"));
  }

  @Test
  void printWritesOutAndValueSeparatedByTwoSpaces() {
    List<String> printed = new ArrayList<>();
    assertEquals("TRUE", Eval.eval("", "Print(<<\"perms\", 6>>, TRUE)", printed).toString());
    assertEquals(List.of("<<\"perms\", 6>>  TRUE"), printed);
  }

  @Test
  void chooseWithoutWitnessIsAnError() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("CHOOSE x \\in {1, 2} : x > 5"));
    assertTrue(e.getMessage().startsWith("Attempted to compute the value of an expression of form\n"
        + "CHOOSE x \\in S: P, but no element of S satisfied P."), e.getMessage());
    assertEquals(EvalException.Kind.EVAL, e.kind());
  }

  @Test
  void caseWithoutTrueArmIsAnError() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("CASE 1 > 2 -> 1"));
    assertTrue(e.getMessage().contains("CASE"), e.getMessage());
  }

  @Test
  void applyingOutsideTheDomainIsAnError() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("<<1, 2>>[3]"));
    assertEquals("Attempted to apply function:\n<<1, 2>>\nto argument 3, which is not in the domain of the function.",
        e.getMessage());
  }

  @Test
  void assertFailureHasItsOwnKind() {
    EvalException e = assertThrows(EvalException.class, () -> Eval.show("Assert(1 > 2, <<\"bad\", 1>>)"));
    assertEquals(EvalException.Kind.ASSERT, e.kind());
    assertEquals("The first argument of Assert evaluated to FALSE; the second argument was:\n<<\"bad\", 1>>",
        e.getMessage());
  }

  @Test
  void runawayRecursionIsAnEvaluationError() {
    String defs = "RECURSIVE Loop(_)\nLoop(n) == Loop(n + 1) + 1";
    EvalException e = assertThrows(EvalException.class, () -> Eval.eval(defs, "Loop(0)", new ArrayList<>()));
    // TLC's explanation of a StackOverflowError
    assertTrue(e.getMessage().contains("incorrect recursive function definition"), e.getMessage());
  }

  @Test
  void unknownOperatorIsASemanticError() {
    SpecException e = assertThrows(SpecException.class, () -> Eval.show("Nope(1)"));
    assertEquals(SpecException.Kind.SEMANTIC, e.kind());
    assertTrue(e.getMessage().contains("Nope"));
  }
}
