package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the front end's forms mean when evaluated: subexpression names, infix operators applied in
 * prefix form, named assumptions and theorems as operators, parameterised instances and
 * instances inside LET (with the instantiated module written after the root in the same file).
 */
class FrontEndFormsEvalTest {

  private static final String CELL = """
      ---- MODULE Cell ----
      EXTENDS Naturals
      CONSTANT Cap
      VARIABLE val
      Inc == val + Cap
      Double(k) == k * Cap
      Both == Inc + Double(1)
      ====
      """;

  /** The value of {@code E} in a root module with {@code defs}, followed in its file by {@code more}. */
  private static String value(String defs, String e, String more) {
    String root = "---- MODULE Test ----\nEXTENDS Naturals, Sequences\nVARIABLE x\nInit == x = 0\nNext == x' = x\n"
        + defs + "\nE == " + e + "\n====\n" + more;
    List<String> printed = new ArrayList<>();
    CompiledSpec spec = Fixtures.inline(root, "INIT Init\nNEXT Next\n", printed);
    Ctx c = spec.newContext(0, printed::add);
    Value v = spec.evaluate(spec.definition("E"), c, new Value[] {IntValue.ZERO}, null);
    return v.toString();
  }

  @Test
  void subexpressionNamesEvaluateTheSelectedPart() {
    String defs = "Scale(k) == (k + 1) * (k + 2)\nInv == /\\ x \\in 0..3\n       /\\ lbl:: x + 10 > 5";
    assertEquals("6", value(defs, "Scale(5)!1", ""));
    assertEquals("7", value(defs, "Scale(5)!>>", ""));
    assertEquals("5", value(defs, "Scale(5)!1!<<", ""));
    assertEquals("10", value(defs, "Inv!lbl!<<", ""));
    assertEquals("TRUE", value(defs, "Inv!1 /\\ Inv!:", ""));
    assertEquals("<<4, 5>>", value("", "LET F(a) == (a + 1) * (a + 2) IN <<F(3)!1, F(3)!2>>", ""));
  }

  @Test
  void infixOperatorsInPrefixFormAndUserInfixOperators() {
    assertEquals("10", value("", "+(4, 6)", ""));
    assertEquals("<<1, 2>>", value("", "\\o(<<1>>, <<2>>)", ""));
    assertEquals("12", value("a ++ b == a * 10 + b", "1 ++ 2", ""));
    assertEquals("<<3, 4>>", value("a := b == <<a, b>>", "3 := 4", ""));
    assertEquals("2", value("a (+) b == (a + b) % 7", "5 (+) 4", ""));
  }

  @Test
  void namedAssumptionsAndTheoremsAreOperators() {
    assertEquals("TRUE", value("ASSUME Pos == 3 > 0\nTHEOREM Thm == 1 + 1 = 2\nASSUME Pos /\\ Thm", "Pos /\\ Thm", ""));
    assertEquals("2", value("THEOREM Thm == 1 + 1 = 2", "Thm!>>", ""));
  }

  @Test
  void parameterisedInstancesTakeTheirArgumentsAtEachUse() {
    String defs = "C(p) == INSTANCE Cell WITH val <- p, Cap <- 2";
    assertEquals("{3, 4, 5}", value(defs, "{C(p)!Inc : p \\in 1..3}", CELL));
    assertEquals("<<8, 9>>", value(defs, "<<C(2)!Double(4), C(x + 5)!Both>>", CELL));
    // a parameter named like a constant of the module substitutes it implicitly
    assertEquals("14", value("M(Cap) == INSTANCE Cell WITH val <- 0", "M(7)!Double(2)", CELL));
    // the instance's substitutions see the parameter, not a name bound where it is used
    assertEquals("{5}", value(defs, "LET p == 100 IN {C(3)!Inc}", CELL));
  }

  @Test
  void instancesInsideLetSeeTheNamesBoundAroundThem() {
    assertEquals("30", value("", "LET D == INSTANCE Cell WITH val <- 1, Cap <- 10 IN D!Double(3)", CELL));
    assertEquals("TRUE", value("", "\\A q \\in 1..2 : LET D == INSTANCE Cell WITH val <- q, Cap <- 0 IN D!Inc = q", CELL));
    assertEquals("{2, 3}", value("", "{(LET D(c) == INSTANCE Cell WITH val <- q, Cap <- c IN D(1)!Inc) : q \\in 1..2}", CELL));
  }

  @Test
  void aLambdaSubstitutesAnOperatorConstantOfAnInstance() {
    String lib = "---- MODULE Lib ----\nCONSTANT F(_), G(_, _)\nUse(v) == F(v)\nBoth(a, b) == G(a, b)\n====\n";
    assertEquals("<<3, 6>>", value("I == INSTANCE Lib WITH F <- LAMBDA a : a + 1, G <- LAMBDA a, b : a * b",
        "<<I!Use(2), I!Both(2, 3)>>", lib));
  }

  @Test
  void proofsAreSkippedAndTheoremsStayUsable() {
    String defs = String.join("\n",
        "THEOREM T1 == 2 + 0 = 2",
        "  OBVIOUS",
        "LEMMA L1 == \\A n \\in 0..3 : n + 0 = n",
        "PROOF OMITTED",
        "PROPOSITION P1 == ASSUME NEW k \\in Nat, NEW ACTION A PROVE k + 0 = k",
        "<1>1. SUFFICES ASSUME NEW j \\in Nat PROVE j = j",
        "  OBVIOUS",
        "<1>2. PICK m \\in Nat : m = 0",
        "  BY <1>1 DEF T1",
        "<1> DEFINE Q == 1",
        "<1>3. QED",
        "  <2>1. CASE TRUE",
        "  <2> QED BY <2>1",
        "USE DEF T1",
        "HIDE DEF T1",
        "COROLLARY C1 == T1 /\\ L1");
    assertEquals("TRUE", value(defs, "C1 /\\ T1!:", ""));
  }

  @Test
  void aNestedModuleSeesTheEnclosingModulesNamesAlsoWhenInstantiatedWithArguments() {
    String defs = "  ---- MODULE Box ----\n  VARIABLE v\n  Plus2 == v + 2\n  ====\nB(a) == INSTANCE Box WITH v <- a\n"
        + "K == INSTANCE Box WITH v <- 10";
    assertEquals("<<7, 12>>", value(defs, "<<B(5)!Plus2, K!Plus2>>", ""));
  }
}
