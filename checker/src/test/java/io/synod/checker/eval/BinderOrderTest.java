package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.value.IntValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLC enumerates the bindings of a quantifier over several bound names (in one binder or
 * several) like an odometer whose wheel for the first name turns fastest: it steps the first
 * name's domain first, and restarts it when it runs out while stepping the next one. Every domain
 * is evaluated once, in written order, before the enumeration.
 */
class BinderOrderTest {

  private static List<String> successors(String next) {
    String spec = "---- MODULE Test ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == " + next
        + "\n====\n";
    return Fixtures.successors(spec, EvalHost.silent(), IntValue.ZERO);
  }

  @Test
  void theFirstNameVariesFastestInNextSplitIntoActions() {
    assertEquals(List.of("[11]", "[21]", "[12]", "[22]"), successors("\\E i, j \\in 1..2 : x' = 10 * i + j"));
  }

  @Test
  void theFirstNameVariesFastestInsideAnAction() {
    assertEquals(List.of("[11]", "[21]", "[12]", "[22]"),
        successors("x = 0 /\\ \\E i, j \\in 1..2 : x' = 10 * i + j"));
    assertEquals(List.of("[11]", "[21]", "[31]", "[12]", "[22]", "[32]"),
        successors("x = 0 /\\ \\E i \\in 1..3, j \\in {1, 2} : x' = 10 * i + j"));
  }

  @Test
  void aTupleBinderIsOneWheel() {
    assertEquals(List.of("[123]", "[213]", "[124]", "[214]"),
        successors("x = 0 /\\ \\E <<a, b>> \\in {<<1, 2>>, <<2, 1>>}, c \\in {3, 4} : x' = 100 * a + 10 * b + c"));
  }

  @Test
  void expressionsEnumerateInTheSameOrder() {
    List<String> printed = new ArrayList<>();
    Eval.eval("", "\\E i \\in 1..2, j \\in {\"a\", \"b\"} : Print(<<i, j>>, FALSE)", printed);
    assertEquals(List.of("<<1, \"a\">>  FALSE", "<<2, \"a\">>  FALSE", "<<1, \"b\">>  FALSE",
        "<<2, \"b\">>  FALSE"), printed);
  }
}
