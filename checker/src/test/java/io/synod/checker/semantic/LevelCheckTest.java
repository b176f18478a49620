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

  private static List<SemanticDiagnostic> errors(String body) {
    return assertThrows(SemanticException.class,
        () -> SemanticAnalyzer.analyze("L.tla", module(body), LOCATOR)).diagnostics();
  }

  /** One error of SANY's, at line 4 (the first line of {@code body}), columns {@code from}-{@code to}. */
  private static void sany(String body, int from, int to, String message) {
    SemanticDiagnostic d = error(body);
    assertEquals(message, d.message());
    assertEquals(List.of(4, from, 4, to),
        List.of(d.span().beginLine(), d.span().beginCol(), d.span().endLine(), d.span().endCol()));
  }

  private static String argumentTooHigh(String op, int arg) {
    return "Level error in applying operator " + op + ":\nThe level of argument " + arg
        + " exceeds the maximum level allowed by the operator.";
  }

  @Test
  void actionCombinedWithTemporalFormula() {
    sany("Next == x' = x + 1 /\\ [](x > 0)", 9, 31, "\\land has both temporal formula and action as arguments.");
    SemanticDiagnostic d = error("Next == \\/ x' = x + 1\n        \\/ [](x > 0)");
    assertEquals("Disjunction list has both temporal formula and action as arguments.", d.message());
    assertEquals(List.of(4, 9, 5, 20),
        List.of(d.span().beginLine(), d.span().beginCol(), d.span().endLine(), d.span().endCol()));
  }

  @Test
  void boxAppliedToAnUnsubscriptedAction() {
    sany("Prop == [](x' > x)", 9, 18, "[] followed by action not of form [A]_v.");
  }

  @Test
  void diamondAppliedToAnUnsubscriptedAction() {
    sany("Prop == <>(x' > x)", 9, 18, "<> followed by action not of form <<A>>_v.");
  }

  @Test
  void leadsToAndWhilePlusTakeNoAction() {
    sany("P == x' > x ~> [](x > 0)", 6, 24, "Action used where only temporal formula or state predicate allowed.");
    sany("P == [](x > 0) -+-> x' > x", 6, 26, "Action used where only temporal formula or state predicate allowed.");
  }

  @Test
  void actionBoundOfATemporalQuantifier() {
    sany("P == \\E i \\in {1}, j \\in {x'} : [](x > i)", 26, 29,
        "Action-level bound of quantified temporal formula.");
  }

  @Test
  void primeOfAnAction() {
    sany("A == (x')'", 6, 10, argumentTooHigh("'", 1));
  }

  @Test
  void primeOfATemporalFormula() {
    sany("P == ([](x > 0))'", 6, 17, argumentTooHigh("'", 1));
  }

  @Test
  void temporalFormulaInsideASubscriptedAction() {
    sany("P == [][[](x > 0)]_x", 8, 20, argumentTooHigh("$SquareAct", 1));
  }

  @Test
  void temporalFormulaAsASetElement() {
    sany("P == {[](x > 0)}", 6, 16, argumentTooHigh("$SetEnumerate", 1));
  }

  @Test
  void aDefinedOperatorLimitsTheLevelOfItsArguments() {
    // a' in the body: the argument may be at most a state function
    SemanticDiagnostic applied = error("Op(a) == a' = a\nB == Op(x')");
    assertEquals(argumentTooHigh("Op", 1), applied.message());
    assertEquals(List.of(5, 6, 5, 11), List.of(applied.span().beginLine(), applied.span().beginCol(),
        applied.span().endLine(), applied.span().endCol()));
    // through another operator and a LET
    SemanticDiagnostic d = errors("Op(a) == ENABLED a\nOp2(b, c) == LET L == Op(c) IN L /\\ b\nB == Op2(x', [](x > 0))")
        .get(0);
    assertEquals(argumentTooHigh("Op2", 2), d.message());
    assertEquals(6, d.span().beginLine());
  }

  @Test
  void aParameterizedInstanceLimitsTheLevelOfItsParameters() {
    String inner = "---- MODULE H ----\nVARIABLE v\nStep == v' = v\n====\n";
    List<SemanticDiagnostic> all = errors(inner + "I(p) == INSTANCE H WITH v <- p\nB == I(x')!Step");
    assertEquals(argumentTooHigh("I!Step", 1), all.get(0).message());
    assertEquals(List.of(9, 6, 9, 15), List.of(all.get(0).span().beginLine(), all.get(0).span().beginCol(),
        all.get(0).span().endLine(), all.get(0).span().endCol()));
  }

  private static String substitutionTooHigh(String module, String target, int level) {
    return "Level error in instantiating module '" + module + "':\nThe level of the expression or operator "
        + "substituted for '" + target + "' \nmust be at most " + level + ".";
  }

  @Test
  void aSubstitutionMayNotExceedTheLevelOfWhatItReplaces() throws SemanticException {
    String inner = "---- MODULE H ----\nCONSTANT k\nVARIABLE v\nInc == v + k\n====\n";
    // in a module with variables: a variable takes at most a state function, a constant a constant
    SemanticDiagnostic d = error(inner + "I == INSTANCE H WITH v <- x', k <- 1");
    assertEquals(substitutionTooHigh("H", "v", 1), d.message());
    assertEquals(List.of(9, 1, 9, 36), List.of(d.span().beginLine(), d.span().beginCol(), d.span().endLine(),
        d.span().endCol()));
    assertEquals(substitutionTooHigh("H", "k", 0), error(inner + "I == INSTANCE H WITH v <- x, k <- x").message());
    ok(inner + "I == INSTANCE H WITH v <- x + 1, k <- 1");
  }

  @Test
  void aConstantOfAnAssumptionTakesNoTemporalFormula() throws SemanticException {
    String inner = "---- MODULE K ----\nCONSTANT c, d\nASSUME c = {}\n====\n";
    // a constant module: any level but what its expressions forbid
    ok(inner + "I == INSTANCE K WITH c <- x', d <- [](x = 0)");
    assertEquals(substitutionTooHigh("K", "c", 2),
        error(inner + "I == INSTANCE K WITH c <- [](x = 0), d <- 1").message());
  }

  @Test
  void aRecursiveOperatorMayNotPrimeItsArguments() {
    SemanticDiagnostic d = error("RECURSIVE R(_)\nR(n) == IF n' = 0 THEN 0 ELSE R(n - 1)");
    assertEquals("Argument 1 of recursive operator R is primed", d.message());
    assertEquals(List.of(5, 1, 5, 38), List.of(d.span().beginLine(), d.span().beginCol(), d.span().endLine(),
        d.span().endCol()));
  }

  @Test
  void onlyLeibnizOperatorsReplaceAConstantOperator() throws SemanticException {
    String target = "---- MODULE T ----\nCONSTANT F(_), G(_, _)\n====\n";
    String source = "---- MODULE S ----\nVARIABLE w\nPair(a, b) == <<a, b, w>>\nStep(a) == ENABLED a\n====\n";
    String defs = target + source + "Same(a) == {a, x'}\nNext(a, b) == <<a, b'>>\nP(q) == INSTANCE S WITH w <- q\n";
    // Leibniz: every parameter only where equals may replace equals (P!Pair also in P's parameter q)
    ok(defs + "Pair2(a, b) == a\nI1 == INSTANCE T WITH F <- Same, G <- P!Pair\n"
        + "I2 == INSTANCE T WITH F <- LAMBDA a : a + 1, G <- Pair2");
    // a primed or ENABLED parameter is not, also through an INSTANCE's parameter or operator
    List<SemanticDiagnostic> all = errors(defs + "I1 == INSTANCE T WITH F <- Same, G <- Next\n"
        + "I2 == INSTANCE T WITH F <- P!Step, G <- P!Pair\nI3 == INSTANCE T WITH F <- LAMBDA a : a', G <- P!Pair");
    assertEquals(List.of("Error in instantiating module 'T':\n A non-Leibniz operator substituted for 'G'.",
        "Error in instantiating module 'T':\n A non-Leibniz operator substituted for 'F'.",
        "Error in instantiating module 'T':\n A non-Leibniz operator substituted for 'F'."),
        all.stream().map(SemanticDiagnostic::message).toList());
    assertEquals(List.of(15, 16, 17), all.stream().map(d -> d.span().beginLine()).toList());
  }

  @Test
  void anInstantiatedDefinitionHasTheLevelOfItsSubstitutions() throws SemanticException {
    String inner = "---- MODULE H ----\nCONSTANT k\nVARIABLE v\nInc == v + k\n====\n";
    // v <- 2: the definition reads no variable (SANY levels the body with its substitutions)
    ok(inner + "CONSTANT N\nI == INSTANCE H WITH v <- 2, k <- N\nASSUME I!Inc = N + 2");
    // v <- x: a state function, so not an ASSUME
    assertEquals("Level error: assumptions must be level 0 (Constant), \nbut this one has level 1.",
        error(inner + "I == INSTANCE H WITH v <- x, k <- 1\nASSUME I!Inc = 1").message());
    // k substituted implicitly by the instantiating module's k, a variable there
    assertEquals("Level error: assumptions must be level 0 (Constant), \nbut this one has level 1.",
        error(inner + "VARIABLE k\nI == INSTANCE H WITH v <- 2\nASSUME I!Inc = 1").message());
  }

  @Test
  void assumeMustBeConstant() {
    SemanticDiagnostic d = error("ASSUME x > 0");
    assertEquals("Level error: assumptions must be level 0 (Constant), \nbut this one has level 1.", d.message());
    assertEquals(1, d.span().beginCol());
  }

  @Test
  void enabledOfTemporalFormula() {
    sany("E == ENABLED [](x > 0)", 6, 22, argumentTooHigh("ENABLED", 1));
  }

  @Test
  void errorsInsideAnArgumentAreReportedOnce() {
    // the inner error only: SANY does not report an argument whose own level is in error
    List<SemanticDiagnostic> all = errors("E == ENABLED ((x')')");
    assertEquals(1, all.size(), all.toString());
    assertEquals(argumentTooHigh("'", 1), all.get(0).message());
  }

  @Test
  void temporalFormulasOfTheRightFormAreAccepted() throws SemanticException {
    ok("""
        A == <><<x'>>_x
        B == x ~> []x
        C == \\A i \\in {}, j \\in {x} : []x
        D == \\A i \\in {x'} : x' = i
        E == IF x' = 1 THEN []x ELSE TRUE
        F == [](LET N == x' = x IN N)
        """);
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
