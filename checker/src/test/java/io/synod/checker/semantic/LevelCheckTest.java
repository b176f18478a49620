package io.synod.checker.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Level errors that SANY reports in definitions, found without any config. */
class LevelCheckTest {
  private static final ModuleLocator LOCATOR = new ModuleLocator(Path.of("."), List.of(), List.of());

  private static String module(String body) {
    return "---- MODULE L ----\nEXTENDS Naturals\nVARIABLE x\n" + body + "\n====\n";
  }

  private static SemanticDiagnostic error(String body) {
    SemanticException e = assertThrows(SemanticException.class,
        () -> SemanticAnalyzer.analyze("L.tla", module(body), LOCATOR));
    return e.diagnostics().get(0);
  }

  private static void ok(String body) throws SemanticException {
    SemanticAnalyzer.analyze("L.tla", module(body), LOCATOR);
  }

  @Test
  void actionCombinedWithTemporalFormula() {
    SemanticDiagnostic d = error("Next == x' = x + 1 /\\ [](x > 0)");
    assertEquals(4, d.span().beginLine());
    assertTrue(d.message().startsWith("Level error: this expression combines an action with a temporal formula"), d.message());
  }

  @Test
  void boxAppliedToAnUnsubscriptedAction() {
    SemanticDiagnostic d = error("Prop == [](x' > x)");
    assertTrue(d.message().contains("[] is applied to an action"), d.message());
    assertEquals(12, d.span().beginCol());
  }

  @Test
  void primeOfAnAction() {
    assertTrue(error("A == (x')'").message().contains("prime (') is applied to an expression of action level"));
  }

  @Test
  void primeOfATemporalFormula() {
    assertTrue(error("P == ([](x > 0))'").message().contains("temporal level"));
  }

  @Test
  void temporalFormulaInsideASubscriptedAction() {
    assertTrue(error("P == [][[](x > 0)]_x").message().contains("[A]_v and <<A>>_v take an action"));
  }

  @Test
  void anInstantiatedDefinitionHasTheLevelOfItsSubstitutions() throws SemanticException {
    String inner = "---- MODULE H ----\nCONSTANT k\nVARIABLE v\nInc == v + k\n====\n";
    // v <- 2: the definition reads no variable (SANY levels the body with its substitutions)
    ok(inner + "CONSTANT N\nI == INSTANCE H WITH v <- 2, k <- N\nASSUME I!Inc = N + 2");
    // v <- x: a state function, so not an ASSUME
    assertTrue(error(inner + "I == INSTANCE H WITH v <- x, k <- 1\nASSUME I!Inc = 1").message()
        .contains("an ASSUME must be a constant formula"));
    // k substituted implicitly by the instantiating module's k, a variable there
    assertTrue(error(inner + "VARIABLE k\nI == INSTANCE H WITH v <- 2\nASSUME I!Inc = 1").message()
        .contains("an ASSUME must be a constant formula"));
  }

  @Test
  void assumeMustBeConstant() {
    assertTrue(error("ASSUME x > 0").message().contains("an ASSUME must be a constant formula"));
  }

  @Test
  void enabledOfTemporalFormula() {
    assertTrue(error("E == ENABLED [](x > 0)").message().contains("ENABLED is applied to a temporal formula"));
  }

  @Test
  void ordinarySpecsAreAccepted() throws SemanticException {
    ok("""
        vars == <<x>>
        Init == x = 0
        Next == x' = x + 1 /\\ ENABLED (x' > x)
        Spec == Init /\\ [][Next]_vars /\\ WF_vars(Next) /\\ SF_x(Next)
        Live == <>(x > 3) /\\ [](x >= 0) /\\ (x = 0 ~> x = 1) /\\ []<><<Next>>_vars
        Step == [Next]_vars /\\ UNCHANGED x
        Mono == [][x' >= x]_x
        Impl == Spec => []<>(x > 2)
        L == LET A == x' = 1 IN [][A]_x
        ASSUME 1 + 1 = 2
        """);
  }
}
