package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Set literals of constants are built once; the others, and any that fails, as before. */
class ConstantSetLiteralTest {

  @Test
  void literalOfBoundNamesIsBuiltForEachBinding() {
    assertEquals("{{1}, {2}, {3}}", Eval.show("{{i} : i \\in 1..3}"));
    assertEquals("<<{}, {2, 3}, {}>>", Eval.show("[i \\in 1..3 |-> IF i = 2 THEN {2, i + 1} ELSE {}]"));
  }

  @Test
  void literalWithAnEffectIsEvaluatedEachTime() {
    List<String> printed = new ArrayList<>();
    assertEquals("TRUE", Eval.eval("", "\\A i \\in 1..3 : {PrintT(\"x\")} # {}", printed).toString());
    assertEquals(3, printed.size(), printed.toString());
  }

  @Test
  void failingLiteralFailsOnlyWhereEvaluated() {
    assertEquals("2", Eval.show("IF FALSE THEN {1 \\div 0} ELSE 2"));
    for (int k = 0; k < 2; k++) {
      EvalException e = assertThrows(EvalException.class, () -> Eval.show("\\A i \\in 1..2 : {1 \\div 0} # {}"));
      assertEquals(EvalException.Kind.CODED, e.kind());
    }
  }
}
