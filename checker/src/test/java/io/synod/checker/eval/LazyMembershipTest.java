package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * Values decided without enumerating, as TLC decides them: membership in a filter is membership
 * in its base and the predicate, functions over infinite domains are applied point-wise.
 */
class LazyMembershipTest {

  private static String show(String defs, String expr) {
    return Eval.eval(defs, expr, new ArrayList<>()).toString();
  }

  private static final String PARTITIONS = """
      Partitions(S) == {P \\in SUBSET SUBSET S :
                          /\\ UNION P = S
                          /\\ {} \\notin P
                          /\\ \\A I, J \\in P : I # J => I \\cap J = {}}
      """;

  @Test
  void membershipInAFilterOverAHugePowerSetTestsBaseAndPredicate() {
    // SUBSET SUBSET (1..6) has 2^64 elements: too many to count, let alone to enumerate.
    assertEquals("TRUE", show(PARTITIONS, "{{1, 2}, {3}, {4, 5, 6}} \\in Partitions(1..6)"));
    assertEquals("FALSE", show(PARTITIONS, "{{1, 2}, {2, 3}, {4, 5, 6}} \\in Partitions(1..6)"));
    assertEquals("FALSE", show(PARTITIONS, "{{1, 7}} \\in Partitions(1..6)"));
  }

  @Test
  void aFilterOfAHugeFilterStaysLazy() {
    String defs = PARTITIONS + "Pairs == {P \\in Partitions(1..5) : \\A I \\in P : Cardinality(I) <= 2}\n";
    assertEquals("TRUE", show(defs, "{{1, 2}, {3, 4}, {5}} \\in Pairs"));
    assertEquals("FALSE", show(defs, "{{1, 2, 3}, {4, 5}} \\in Pairs"));
  }

  @Test
  void aSmallFilterIsStillEnumerated() {
    assertEquals("{2, 4}", show("", "{x \\in 1..5 : x % 2 = 0}"));
    assertEquals("15", show(PARTITIONS, "Cardinality({P \\in SUBSET SUBSET (1..2) : P # {}})"));
  }

  @Test
  void membershipInAFilterOverAFunctionSetOrPowerSetEvaluatesThePredicateOnTheElementAlone() {
    // TLC keeps {x \in S : P} lazy unless S is an explicit set or an interval: the predicate is
    // never applied to the other elements of S, so 10 \div 0 and CHOOSE over {} go unevaluated.
    assertEquals("TRUE", show("", "<<1, 1, 1>> \\in {f \\in [1..3 -> 0..2] : 10 \\div f[1] > 0}"));
    assertEquals("FALSE", show("", "<<2, 0, 1>> \\in {f \\in [1..3 -> 0..2] : 10 \\div f[1] > 5}"));
    assertEquals("TRUE", show("", "{1} \\in {s \\in SUBSET (1..3) : (CHOOSE x \\in s : TRUE) = 1}"));
    assertEquals("TRUE", show("", "<<1, 2>> \\in {p \\in (0..2) \\X (0..2) : 6 \\div p[1] = 6}"));
  }

  @Test
  void aFilterOverAnIntervalOrAnExplicitSetIsSelectedAtOnceAsInTlc() {
    for (String set : new String[] {"0..2", "{0, 1, 2}"}) {
      EvalException e = assertThrows(EvalException.class,
          () -> show("", "1 \\in {x \\in " + set + " : 1 \\div x >= 0}"));
      assertTrue(e.getMessage().contains("div is 0"), e.getMessage());
    }
  }

  @Test
  void aFunctionOverIntIsAppliedPointwise() {
    String defs = "Double == [n \\in Int |-> n * 2]\nSq == [s \\in Seq(Nat) |-> Len(s) * Len(s)]\n";
    assertEquals("6", show(defs, "Double[3]"));
    assertEquals("-20", show(defs, "Double[-10]"));
    assertEquals("9", show(defs, "Sq[<<4, 5, 6>>]"));
    EvalException e = assertThrows(EvalException.class, () -> show(defs, "Sq[<<-1>>]"));
    assertTrue(e.getMessage().contains("not in the domain"), e.getMessage());
  }

  @Test
  void powerSetsAreComparedWithoutEnumeration() {
    assertEquals("TRUE", show("", "SUBSET (1..23) \\subseteq SUBSET (1..42)"));
    assertEquals("FALSE", show("", "SUBSET (1..43) \\subseteq SUBSET (1..42)"));
    assertEquals("TRUE", show("", "(1..25) \\in SUBSET (0..40)"));
    assertEquals("TRUE", show("", "4 \\in Nat \\ {3} /\\ 3 \\notin Nat \\ {3}"));
    assertEquals("TRUE", show("", "[a |-> <<1>>] \\in [a : Seq(Int)] /\\ {1, -2} \\in SUBSET Int"));
  }
}
