package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A constant the configuration replaces by a definition ({@code C <- Def}) has that definition's
 * value everywhere, also inside the substitutions of an INSTANCE that name it: TLC substitutes
 * by name in every module (DieHardest in the TLA+ examples instantiates DieHarder
 * {@code WITH Jug <- DOMAIN Capacities[1]} and overrides {@code Capacities <- MCCapacities}).
 */
class OverriddenConstantInSubstitutionTest {

  private static final String INNER = """
      ---- MODULE Inner ----
      CONSTANT S
      VARIABLE x
      Init == x \\in S
      Next == x' \\in S
      ====
      """;

  /** Checks Spec of a module instantiating Inner as {@code instance} and compares the counts. */
  private static void assertCounts(String instance, String cfg, int distinct, int generated) {
    String module = "---- MODULE Test ----\nEXTENDS Naturals\n" + INNER
        + "CONSTANT C\nVARIABLE y\nTwo == {1, 2}\nThree == {<<4, 5, 6>>}\n" + instance
        + "\nSpec == I!Init /\\ [][I!Next]_y\n====\n";
    CompiledSpec spec = Fixtures.inline(module, cfg, new ArrayList<>());
    MiniBfs r = MiniBfs.run(spec, List.of(), List.of(), List.of());
    assertEquals(distinct, r.distinct);
    assertEquals(generated, r.generated);
  }

  @Test
  void aConstantRenamedInTheSubstitutionTakesTheOverridingDefinition() {
    // y ranges over {1, 2}: two initial states, each with two successors
    assertCounts("I == INSTANCE Inner WITH S <- C, x <- y", "CONSTANT C <- Two\nSPECIFICATION Spec\n", 2, 6);
  }

  @Test
  void anExpressionOverTheConstantInTheSubstitutionTakesTheOverridingDefinition() {
    // S = {5}: one state, which steps to itself
    assertCounts("I == INSTANCE Inner WITH S <- {e[2] : e \\in C}, x <- y",
        "CONSTANT C <- Three\nSPECIFICATION Spec\n", 1, 2);
  }

  @Test
  void aConstantGivenAValueIsUnaffected() {
    assertCounts("I == INSTANCE Inner WITH S <- C \\cup {9}, x <- y", "CONSTANT C = {1}\nSPECIFICATION Spec\n", 2, 6);
  }
}
