package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Levels as SANY computes them, for the forms invariants take in published specs: a formula is
 * a state predicate when it reads variables unprimed, whatever operators, LET definitions,
 * recursion, operator arguments or quantifiers over constants it goes through.
 */
class InvariantLevelsTest {
  private static final String MODULE = """
      ---- MODULE Test ----
      EXTENDS Naturals
      CONSTANT N
      VARIABLE x
      Init == x = 0
      Next == x < N /\\ x' = x + 1
      Bound(v, k) == v <= k
      Apply(Op(_), v) == Op(v)
      RECURSIVE Down(_)
      Down(n) == IF n = 0 THEN x >= 0 ELSE Down(n - 1)
      RECURSIVE Total(_)
      Total(n) == IF n = 0 THEN 0 ELSE n + Total(n - 1)
      C1 == Total(N) > 0
      S1 == Bound(x, N)
      S2 == LET b == N IN x <= b
      S3 == \\E k \\in 0..N : Bound(x, k)
      S4 == LET R[n \\in Nat] == IF n = 0 THEN x ELSE R[n - 1] IN R[2] >= 0
      S5 == ENABLED Next \\/ x = N
      S6 == Apply(LAMBDA z : z >= 0, x)
      S7 == LET Op(a) == a >= 0 IN Apply(Op, x)
      S8 == Down(3)
      S9 == \\A S \\in SUBSET (0..N) : x \\in S \\/ x \\notin S
      A1 == x' > x
      T1 == [](x <= N)
      ====
      """;

  @ParameterizedTest(name = "{0} has level {1}")
  @CsvSource({"C1, 0", "S1, 1", "S2, 1", "S3, 1", "S4, 1", "S5, 1", "S6, 1", "S7, 1", "S8, 1", "S9, 1",
      "A1, 2", "T1, 3"})
  void levelOfEachForm(String name, int level) {
    CompiledSpec spec = Fixtures.inline(MODULE, "CONSTANT N = 3\nINIT Init\nNEXT Next\n", new ArrayList<>());
    assertEquals(level, spec.definition(name).level());
  }
}
