package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A function constructor over a domain that cannot be enumerated ({@code [n \in Nat |-> e]}) is
 * a value TLC keeps lazy: it can be applied, updated with EXCEPT and asked its DOMAIN, where
 * Synod tried to enumerate Nat and failed (TLC's suite tests test3 and test10).
 */
class LambdaFunctionTest {
  @Test
  void appliesAtOnePoint() {
    assertEquals("10", Eval.show("[n \\in Nat |-> n * 2][5]"));
    assertEquals("-4", Eval.show("[n \\in Int |-> n - 1][-3]"));
    assertEquals("<<2, \"x\">>", Eval.show("[n \\in Nat, s \\in STRING |-> <<n, s>>][2, \"x\"]"));
    assertEquals("9", Eval.show("[m, n \\in Int |-> m + n][<<4, 5>>]"));
    assertEquals("7", Eval.show("[<<a, b>> \\in Int \\X Int |-> a - b][10, 3]"));
  }

  @Test
  void aValueOfALambdaIsLazyToo() {
    assertEquals("11", Eval.show("[m \\in Nat |-> [n \\in Nat |-> 10 * m + n]][1][1]"));
  }

  @Test
  void exceptUpdatesOnePointTheLastUpdateWinning() {
    assertEquals("<<0, 7, 4>>", Eval.show(
        "LET g == [[n \\in Nat |-> n + 1] EXCEPT ![6] = 0, ![6] = 7] IN <<g[6] - 7, g[6], g[3]>>"));
    assertEquals("12", Eval.show(
        "[[m \\in Nat |-> [n \\in Nat |-> 10 * m + n]] EXCEPT ![1][1] = @ + 1][1][1]"));
  }

  @Test
  void domainIsTheRuleSet() {
    assertEquals("<<TRUE, FALSE>>", Eval.show(
        "LET d == DOMAIN [n \\in Nat |-> n] IN <<7 \\in d, -7 \\in d>>"));
  }

  @Test
  void outsideTheDomainOrInFullItFails() {
    assertThrows(EvalException.class, () -> Eval.show("[n \\in Nat |-> n][-1]"));
    EvalException e = assertThrows(EvalException.class,
        () -> Eval.show("[n \\in Nat |-> n] = [n \\in Nat |-> n]"));
    assertEquals("Attempted to enumerate a non-enumerable set:\nNat", e.getMessage());
  }

  @Test
  void recordsAndTuplesMayHoldThem() {
    // TLC's suite test12: r3 == [l1 |-> [i \in Int |-> i+1], ...]
    assertEquals("<<5, 3>>", Eval.show(
        "LET r == [a |-> [n \\in Nat |-> n + 1], b |-> <<[i, j \\in Int |-> i - j]>>] IN <<r.a[4], r.b[1][5, 2]>>"));
    EvalException e = assertThrows(EvalException.class,
        () -> Eval.show("[a |-> [n \\in Nat |-> n]] = [a |-> [n \\in Nat |-> n]]"));
    assertEquals("Attempted to enumerate a non-enumerable set:\nNat", e.getMessage());
  }
}
