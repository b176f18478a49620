package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function definition passed to an operator is applied point by point, as TLC applies its lazy
 * function values: points the operator never reads are never evaluated.
 */
class FunctionArgumentReadsTest {

  private static final String DEFS = String.join("\n",
      "inv[x \\in 0..2] == 6 \\div x",
      "fact[n \\in Nat] == IF n = 0 THEN 1 ELSE n * fact[n - 1]",
      "tens[x \\in 1..2] == x * 10",
      "At1(g) == g[1]",
      "RECURSIVE Deep(_, _)",
      "Deep(g, n) == IF n = 0 THEN g[1] ELSE Deep(g, n - 1)");

  private static String show(String expr) {
    return Eval.eval(DEFS, expr, new ArrayList<>()).toString();
  }

  @Test
  void unreadPointThatFailsIsNotEvaluated() {
    // building inv whole would divide by zero at 0
    assertEquals("6", show("At1(inv)"));
    assertEquals("6", show("Deep(inv, 3)"));
    assertEquals("6", show("LET h[x \\in 0..2] == 6 \\div x IN Deep(h, 2)"));
  }

  @Test
  void functionOverInfiniteDomainCanBePassed() {
    assertEquals("120", show("LET F5(g) == g[5] IN F5(fact)"));
    assertEquals("1", show("Deep(fact, 2)"));
  }

  @Test
  void argumentOutsideTheDomainIsReportedAsForTheWholeFunction() {
    for (String e : new String[] {"LET F3(g) == g[3] IN F3(tens)", "LET RECURSIVE R(_, _) R(g, n) == IF n = 0 THEN g[3] ELSE R(g, n - 1) IN R(tens, 2)"}) {
      EvalException ex = assertThrows(EvalException.class, () -> show(e));
      assertEquals("Attempted to apply function:\n<<10, 20>>\nto argument 3, which is not in the domain of the function.",
          ex.getMessage());
    }
  }

  @Test
  void manyReadsBuildTheFunctionOnce() {
    // 18 reads of a function over 3 points: after 3 single reads the function is built (3 more
    // evaluations of the body), and later reads look it up
    String defs = "loud[x \\in 1..3] == IF PrintT(x) THEN x ELSE 0\n"
        + "AllPairs(g) == \\A i, j \\in 1..3 : g[i] <= g[j] + 10\n"
        + "RECURSIVE AllPairsRec(_, _)\n"
        + "AllPairsRec(g, n) == IF n = 0 THEN \\A i, j \\in 1..3 : g[i] <= g[j] + 10 ELSE AllPairsRec(g, n - 1)";
    for (String e : new String[] {"AllPairs(loud)", "AllPairsRec(loud, 2)"}) {
      List<String> printed = new ArrayList<>();
      Value v = Eval.eval(defs, e, printed);
      assertEquals("TRUE", v.toString());
      assertEquals(6, printed.size(), e + ": " + printed);
    }
  }

  @Test
  void domainThatDependsOnTheCallIsSizedAtEachCall() {
    // one definition of h for both calls (one call site); Loud(1): 1 single read, then built
    // (1 evaluation); Loud(3): 3 single reads, then built (3)
    String defs = "AllPairs(g, n) == \\A i, j \\in 1..n : g[i] <= g[j] + 10\n"
        + "Loud(n) == LET h[x \\in 1..n] == IF PrintT(x) THEN x ELSE 0 IN AllPairs(h, n)";
    List<String> printed = new ArrayList<>();
    assertEquals("TRUE", Eval.eval(defs, "\\A n \\in {1, 3} : Loud(n)", printed).toString());
    assertEquals(8, printed.size(), printed.toString());
  }
}
