package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allocation-light evaluation paths give the results of the general ones: quantifiers and
 * membership over {@code a..b} without building the interval, enumeration by index, natives
 * called without argument arrays, conjunctions sharing one continuation.
 */
class FastPathsTest {

  private static String show(String expr) {
    return Eval.show(expr);
  }

  private static List<String> successors(String spec, Value... state) {
    return Fixtures.successors(spec, EvalHost.silent(), state);
  }

  @Test
  void quantifiersOverComputedIntervals() {
    assertEquals("TRUE", show("LET n == Len(<<1, 2, 3>>) IN \\A i \\in 1..n : i <= 3"));
    assertEquals("FALSE", show("LET n == Len(<<1, 2, 3>>) IN \\E i \\in 1..n : i > 3"));
    assertEquals("TRUE", show("LET n == Len(<<>>) IN \\A i \\in 1..n : FALSE"));
    assertEquals("FALSE", show("LET n == Len(<<>>) IN \\E i \\in 1..n : TRUE"));
    assertEquals("TRUE", show("LET n == Len(<<1, 2>>) IN \\A i \\in -n..n : \\E j \\in i..n : j = n"));
    assertEquals("{<<1, 1>>, <<2, 1>>, <<2, 2>>}", show("LET n == Len(<<1, 2>>) IN UNION {{<<i, j>> : j \\in 1..i} : i \\in 1..n}"));
    assertEquals("<<2, 3, 4>>", show("LET n == Len(<<1, 2, 3>>) IN [i \\in 1..n |-> i + 1]"));
    assertEquals("2", show("LET n == Len(<<1, 2, 3>>) IN CHOOSE i \\in 1..n : i * i > 3"));
  }

  @Test
  void intervalMembershipWithoutTheSet() {
    assertEquals("TRUE", show("LET n == Len(<<1, 2, 3>>) IN 3 \\in 1..n /\\ 0 \\notin 1..n /\\ 4 \\notin 1..n"));
    assertEquals("FALSE", show("LET n == Len(<<>>) IN 1 \\in 1..n"));
    EvalException e = assertThrows(EvalException.class, () -> show("LET n == Len(<<1>>) IN \"a\" \\in 1..n"));
    assertTrue(e.getMessage().contains("is in the integer interval"), e.getMessage());
  }

  /**
   * TLC looks for a non-number in an interval only when the interval has numbers: in an empty one
   * every value is simply absent. EWD998PCal in the TLA+ examples asks whether a record is in
   * the domain of an empty bag, which Bags defines as {@code << >>}.
   */
  @Test
  void nothingIsInAnEmptyInterval() {
    assertEquals("FALSE", show("LET n == Len(<<>>) IN \"a\" \\in 1..n"));
    assertEquals("FALSE", show("[type |-> \"pl\"] \\in DOMAIN <<>>"));
    assertEquals("TRUE", show("[type |-> \"pl\"] \\notin DOMAIN [i \\in {} |-> 0]"));
    assertEquals("FALSE", show("{1} \\in 3..2"));
  }

  @Test
  void badIntervalBoundsFailAsTheSetWould() {
    EvalException inQuant = assertThrows(EvalException.class, () -> show("\\A i \\in 1..Len(<<>>)[1] : TRUE"));
    EvalException inSet = assertThrows(EvalException.class, () -> show("Cardinality(1..Len(<<>>)[1]) = 0"));
    assertEquals(inSet.getMessage(), inQuant.getMessage());
    EvalException notInt = assertThrows(EvalException.class, () -> show("\\A i \\in 1..<<\"a\">>[1] : TRUE"));
    assertTrue(notInt.getMessage().contains("Expected an integer"), notInt.getMessage());
    EvalException member = assertThrows(EvalException.class, () -> show("2 \\in 1..{Len(<<>>)}"));
    assertTrue(member.getMessage().contains("Expected an integer"), member.getMessage());
  }

  @Test
  void cardinalityOfAFilterCountsWithoutBuildingTheSet() {
    assertEquals("3", show("Cardinality({p \\in (1..3) \\X (1..3) : p[1] < p[2]})"));
    assertEquals("0", show("Cardinality({x \\in {} : x})"));
    assertEquals("2", show("LET n == Len(<<1, 2, 3, 4>>) IN Cardinality({i \\in 1..n : i % 2 = 0})"));
    EvalException lazy = assertThrows(EvalException.class, () -> show("Cardinality({i \\in Nat : i < 3})"));
    EvalException built = assertThrows(EvalException.class, () -> show("Cardinality(LET S == {i \\in Nat : i < 3} IN S)"));
    assertEquals(built.getMessage(), lazy.getMessage());
    EvalException bad = assertThrows(EvalException.class, () -> show("Cardinality({i \\in 1..3 : i})"));
    EvalException badSet = assertThrows(EvalException.class, () -> show("{i \\in 1..3 : i} = {}"));
    assertEquals(badSet.getMessage(), bad.getMessage());
  }

  @Test
  void exceptWithOneAndSeveralStepPaths() {
    assertEquals("<<0, 2, 1>>", show("[<<1, 2, 0>> EXCEPT ![1] = 0, ![3] = 1]"));
    assertEquals("<<<<1, 9>>, <<3, 4>>>>", show("[<<<<1, 2>>, <<3, 4>>>> EXCEPT ![1][2] = @ + 7]"));
    assertEquals("[a |-> [b |-> 2], c |-> 5]", show("[[a |-> [b |-> 1], c |-> 5] EXCEPT !.a.b = @ + 1]"));
    assertEquals("<<1, 2>>", show("[<<1, 2>> EXCEPT ![3] = 7]"));
    assertEquals("<<5, 3>>", show("[<<1, 2>> EXCEPT ![1] = 4, ![1] = @ + 1, ![2] = 3]"));
    assertEquals("[a |-> 3, b |-> 3]", show("[[a |-> 1, b |-> 2] EXCEPT !.a = 3, !.b = @ + 1]"));
    assertEquals("TRUE", show("[<<1, 2>> EXCEPT ![1] = 9, ![1] = 1] = <<1, 2>>"));
    assertEquals("TRUE", show("[(3 :> 1 @@ 5 :> 2) EXCEPT ![5] = 0, ![7] = 1, ![3] = @ + 1] = (3 :> 2 @@ 5 :> 0)"));
    // several clauses at once keep the written field order of a record, as chained EXCEPTs do
    assertEquals(show("ToString([[[b |-> 1, a |-> 2] EXCEPT !.a = 3] EXCEPT !.b = 4])"),
        show("ToString([[b |-> 1, a |-> 2] EXCEPT !.a = 3, !.b = 4])"));
    assertThrows(EvalException.class, () -> show("[1 EXCEPT ![1] = 2, ![2] = 3]"));
  }

  @Test
  void differenceAndIntersectionOfExplicitSets() {
    assertEquals("<<{1, 3}, {1, 2, 3}, {}, {2}, {}, {2, 3}>>", show("<<{1, 2, 3} \\ {2}, {1, 2, 3} \\ {4}, {1, 2} \\ {1, 2, 3}, "
        + "{1, 2, 3} \\cap {2, 5}, {1} \\cap {}, (1..3) \\cap {2, 3, 4}>>"));
    assertEquals("{4, 6}", show("{2, 4, 6} \\ {i \\in Nat : i < 3}"));
    assertEquals("{0, 1}", show("{i \\in Nat : i < 5} \\cap {0, 1, -1}"));
  }

  @Test
  void setImagesOverEveryKindOfDomain() {
    assertEquals("{0, 1}", show("{x % 2 : x \\in 1..5}"));
    assertEquals("{}", show("{x : x \\in {}}"));
    assertEquals("{1, 2}", show("{p[1] : p \\in (1..2) \\X (3..4)}"));
    assertEquals("{3, 4, 5}", show("LET n == Len(<<1, 2>>) IN {x + y : x \\in 1..n, y \\in 2..3}"));
    // more than Binders.MATERIALIZE_LIMIT subsets: enumerated by the iterator
    assertEquals("18", show("Cardinality({Cardinality(s) : s \\in SUBSET (1..17)})"));
  }

  @Test
  void nativesOfEachArity() {
    assertEquals("<<2, 3>>", show("SubSeq(<<1, 2, 3>>, 2, 3)"));
    assertEquals("<<1, 2, 3>>", show("SubSeq(<<1, 2, 3>>, 1, Len(<<1, 2, 3>>))"));
    assertEquals("TRUE", show("LET s == <<1, 2, 3>> IN SubSeq(s, 1, Len(s)) = s /\\ SubSeq(s, 2, 1) = <<>>"));
    assertEquals("<<-3, 7, 2, TRUE>>", show("<<-(1 + 2), 15 \\div 2, 17 % 5, ~(1 > 2)>>"));
    assertEquals("{1, 2, 3}", show("DOMAIN <<5, 6, 7>> \\cup {1}"));
    assertThrows(EvalException.class, () -> show("SubSeq(<<1, 2, 3>>, 0, 2)"));
  }

  @Test
  void conjunctsEnumerateEveryCombinationInOrder() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x, y, z",
        "Init == x = 0 /\\ y = 0 /\\ z = 0",
        "Next == x' \\in 1..2 /\\ y' \\in {x', x' + 10} /\\ x' + y' < 13 /\\ z' \\in {3, 4} /\\ z' > x'",
        "====");
    assertEquals(List.of("[1, 1, 3]", "[1, 1, 4]", "[1, 11, 3]", "[1, 11, 4]", "[2, 2, 3]", "[2, 2, 4]"),
        successors(spec, IntValue.ZERO, IntValue.ZERO, IntValue.ZERO));
  }

  @Test
  void successorsOfOneContextAgainAndFromWithinTheSink() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x",
        "Init == x = 0",
        // a conjunction re-entered from the sink while its continuation is in use
        "Next == \\E d \\in 1..2 : x < 10 /\\ (LET y == x + d IN x' = y /\\ y > 0) /\\ TRUE",
        "====");
    CompiledSpec s = Fixtures.inline(spec, "INIT Init\nNEXT Next\n", new ArrayList<>());
    Ctx c = s.newContext(0, EvalHost.silent());
    List<String> out = new ArrayList<>();
    s.successors(c, new Value[] {IntValue.ZERO}, (st, a) -> {
      out.add(Arrays.toString(st));
      if (st[0].equals(IntValue.ONE)) {
        s.successors(c, st, (inner, b) -> out.add("inner " + Arrays.toString(inner)));
      }
    });
    s.successors(c, new Value[] {IntValue.of(5)}, (st, a) -> out.add(Arrays.toString(st)));
    assertEquals(List.of("[1]", "inner [2]", "inner [3]", "[2]", "[6]", "[7]"), out);
  }

  @Test
  void nestedConjunctionsUnderExistsAndDisjunction() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals, Sequences",
        "VARIABLES x, y",
        "Init == x = 0 /\\ y = 0",
        "Next == \\E i \\in 1..Len(<<1, 2>>) : (x' = i /\\ (y' = 0 \\/ (y' = i /\\ i > 1)))",
        "====");
    assertEquals(List.of("[1, 0]", "[2, 0]", "[2, 2]"), successors(spec, IntValue.ZERO, IntValue.ZERO));
  }
  @Test
  void quantifiersOverIntervalsAndTuplesBindInCanonicalOrder() {
    assertEquals("<<<<3, 0>>, <<2, 0>>, <<1, 0>>>>", show("LET S == {<<i, j>> : i \\in 1..3, j \\in 0..0} IN "
        + "[k \\in 1..3 |-> CHOOSE t \\in S : t[1] = 4 - k]"));
    assertEquals("TRUE", show("\\E <<a, b>> \\in (1..3) \\X (4..5) : a + b = 8"));
    assertEquals("FALSE", show("\\E <<a, b>> \\in (1..3) \\X (4..5) : a + b = 9"));
    assertEquals("{2, 3, 4}", show("{a + b : a \\in 1..2, b \\in 1..2}"));
    assertEquals("3", show("CHOOSE i \\in 1..10 : i * i > 5"));
    assertEquals("{}", show("{i \\in 5..4 : TRUE}"));
  }
}
