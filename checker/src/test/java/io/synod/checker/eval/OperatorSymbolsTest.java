package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operator symbols as TLC's suite tests test48 and test51 use them: {@code \subset},
 * {@code \supset} and {@code \supseteq} are symbols a module may define (they are no operators of
 * TLA+), and a built-in operator symbol may be passed for an operator parameter, the postfix
 * prime too (test52's {@code PrimeTest(')}).
 */
class OperatorSymbolsTest {
  @Test
  void aModulesOwnSubsetSymbolsAreItsDefinitions() {
    String defs = "a \\subset b == a + b\na \\supset b == a - b\na \\supseteq b == a * b\n";
    assertEquals("<<7, 3, 10>>",
        Eval.eval(defs, "<<5 \\subset 2, 5 \\supset 2, 5 \\supseteq 2>>", new ArrayList<>()).toString());
  }

  @Test
  void builtInSymbolsAreOperatorArguments() {
    String defs = "Both(Op(_, _)) == Op({1, 2}, {2, 3})\nLogic(Op(_, _)) == Op(TRUE, FALSE)\n"
        + "Has(Op(_, _)) == Op(2, {2, 3})\n";
    assertEquals("<<{2}, {1, 2, 3}, {1}, FALSE, FALSE, TRUE, TRUE, TRUE>>", Eval.eval(defs,
        "<<Both(\\cap), Both(\\cup), Both(\\), Both(\\subseteq), Logic(=>), Logic(\\/), Has(\\in), "
            + "Both(#)>>", new ArrayList<>()).toString());
  }

  @Test
  void thePrimeIsAnOperatorArgumentToo() {
    String module = """
        ---- MODULE Test ----
        EXTENDS Naturals
        VARIABLE x
        Grown(P(_)) == P(x) = x + 1
        Init == x = 0
        Next == x < 2 /\\ x' = x + 1 /\\ Grown(')
        ====
        """;
    CompiledSpec spec = Fixtures.inline(module, "INIT Init\nNEXT Next\n", new ArrayList<>());
    assertEquals(3, MiniBfs.run(spec, List.of(), List.of(), List.of()).distinct);
  }
}
