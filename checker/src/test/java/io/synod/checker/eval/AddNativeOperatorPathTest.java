package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path "Add a native operator" of docs/ARCHITECTURE.md, taken once for
 * {@code Combinatorics!choose}: the module marks it native, the registry has it, and specs get
 * the Java version, which agrees with the TLA+ definition where that is defined and answers
 * where it is not. If a step of the path stops taking effect, this fails.
 */
class AddNativeOperatorPathTest {
  private static final String DEFS = "INSTANCE Combinatorics\n"
      + "ByDefinition(n, k) == factorial[n] \\div (factorial[k] * factorial[n - k])";

  private static String show(String expr) {
    return Eval.eval(DEFS, expr, new ArrayList<>()).toString();
  }

  @Test
  void theModuleMarksItNativeAndTheRegistryHasIt() throws Exception {
    assertEquals("2", NativeDeclarationsTest.declared().get("Combinatorics choose"));
    assertNotNull(new Natives().lookup("Combinatorics", "choose"));
  }

  @Test
  void itAgreesWithTheDefinitionWhereTheDefinitionIsDefined() {
    // 12! is the largest factorial within TLC's integers
    assertEquals("TRUE", show("\\A n \\in 0..12 : \\A k \\in 0..n : choose(n, k) = ByDefinition(n, k)"));
    assertEquals("<<1, 5, 10, 10, 5, 1>>", show("[i \\in 1..6 |-> choose(5, i - 1)]"));
  }

  @Test
  void specsGetTheJavaVersion() {
    // the definition overflows computing 30! and has no factorial[-2]; the native answers both
    assertEquals("155117520", show("choose(30, 15)"));
    assertEquals("0", show("choose(3, 5)"));
    assertEquals("2147483647", show("choose(2147483647, 1)"));
    assertEquals("Overflow when computing 13*479001600",
        assertThrows(EvalException.class, () -> show("ByDefinition(30, 15)")).getMessage().lines().findFirst()
            .orElse(""));
  }

  @Test
  void wrongArgumentsGetTlcsMessages() {
    EvalException e = assertThrows(EvalException.class, () -> show("choose(-1, 2)"));
    assertEquals("The first argument of choose should be a natural number, but instead it is:\n-1",
        e.getMessage().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElse(""));
    e = assertThrows(EvalException.class, () -> show("choose(4, \"a\")"));
    assertEquals("The second argument of choose should be a natural number, but instead it is:\n\"a\"",
        e.getMessage().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElse(""));
    e = assertThrows(EvalException.class, () -> show("choose(40, 20)"));
    assertEquals("Overflow when computing 40choose20", e.getMessage().lines().findFirst().orElse(""));
  }
}
