package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A LET definition that names nothing local and is constant and pure is evaluated once for all
 * evaluations of the expression around it; every other LET definition still sees the values of
 * its activation.
 */
class ConstantLetTest {
  private static final String DEFS = """
      Nbrs(p) == LET around == {d \\in {-1, 0, 1} \\X {-1, 0, 1} : d # <<0, 0>>}
                 IN {<<p[1] + d[1], p[2] + d[2]>> : d \\in around}
      Shift(p) == LET q == p + 1 IN q * 10
      Twice(p) == LET a == p + 1
                      b == a * 2
                  IN b
      Pairs == \\A x \\in 1..3 : LET y == x * 2 IN y = x + x
      Noisy(p) == LET n == PrintT("once?") IN p
      """;

  @Test
  void aConstantDefinitionGivesTheSameValueToEveryCall() {
    List<String> printed = new ArrayList<>();
    assertEquals("<<8, 8, TRUE>>", Eval.eval(DEFS,
        "<<Cardinality(Nbrs(<<1, 1>>)), Cardinality(Nbrs(<<5, 7>>)),"
            + " <<6, 8>> \\in Nbrs(<<5, 7>>)>>", printed).toString());
  }

  @Test
  void definitionsNamingParametersBoundVariablesOrEachOtherFollowTheirActivation() {
    List<String> printed = new ArrayList<>();
    assertEquals("<<20, 60, 4, 12, TRUE>>",
        Eval.eval(DEFS, "<<Shift(1), Shift(5), Twice(1), Twice(5), Pairs>>", printed).toString());
  }

  @Test
  void aDefinitionWithAnEffectIsEvaluatedWhereverItIsUsed() {
    List<String> printed = new ArrayList<>();
    assertEquals("<<1, 2, 3>>", Eval.eval(DEFS,
        "<<Noisy(1) + 0 * Len(<<LET m == PrintT(\"x\") IN m>>), Noisy(2), Noisy(3)>>", printed)
        .toString());
    // PrintT is never evaluated by Noisy (n is unused); the tuple's LET is, once
    assertEquals(List.of("\"x\""), printed);
  }

  @Test
  void aFailingConstantDefinitionFailsEachTimeItIsUsedAndOnlyThen() {
    String defs = "Bad(p) == LET z == 1 \\div 0 IN IF p > 0 THEN z ELSE p\n";
    List<String> printed = new ArrayList<>();
    assertEquals("0", Eval.eval(defs, "Bad(0)", printed).toString());
    for (int k = 0; k < 2; k++) {
      assertThrows(EvalException.class, () -> Eval.eval(defs, "Bad(1)", new ArrayList<>()));
    }
    assertThrows(EvalException.class,
        () -> Eval.eval(defs, "<<Bad(0), Bad(1)>>", new ArrayList<>()));
  }
}
