package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * TLC filters {@code {x \in S : P}} at once only when S is an explicit set or an interval; from
 * UNION or a binary set operator it keeps a lazy set whose membership tests P on the tested
 * element alone. Synod computed such small bases and filtered them at once, so P failing on an
 * element nobody asks about stopped the check (TLC's suite test9, Test 10).
 */
class LazyFilterBaseTest {
  private static final String SEQS = "UNION {[D -> {1, 2}] : D \\in SUBSET {1, 2}}";

  @Test
  void membershipInAFilterOfAUnionTestsOnlyTheElement() {
    assertEquals("TRUE", Eval.show("<<2, 1>> \\in {g \\in " + SEQS + " : g[2] = 1}"));
    assertEquals("TRUE", Eval.show("<<1, 1>> \\in {g \\in {<<>>} \\cup {<<1, 1>>} : g[2] = 1}"));
  }

  @Test
  void anExplicitBaseIsStillFilteredAtOnce() {
    assertThrows(EvalException.class, () -> Eval.show("<<1, 1>> \\in {g \\in {<<>>, <<1, 1>>} : g[2] = 1}"));
  }
}
