package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operators compiled in place at their call sites ({@link Nodes.Inline}) keep the meaning of
 * calls: lazy arguments, one evaluation per call, per-state caching, no capture of the caller's
 * names, and closures or filters that see the right bindings.
 */
class InlineCallsTest {

  private static String show(String defs, String expr) {
    return Eval.eval(defs, expr, new ArrayList<>()).toString();
  }

  @Test
  void anUnusedArgumentThatWouldFailIsNotEvaluated() {
    assertEquals("7", show("K(a, b) == b", "K(1 \\div 0, 7)"));
    assertEquals("2", show("Pick(c, a, b) == IF c THEN a ELSE b", "Pick(FALSE, 1 \\div 0, 2)"));
    assertEquals("TRUE", show("Safe(a) == \\A i \\in {} : a = i", "Safe(<<>>[1])"));
  }

  @Test
  void anArgumentIsEvaluatedOncePerCallEvenInsideAQuantifierOfTheBody() {
    List<String> printed = new ArrayList<>();
    Value v = Eval.eval("Often(a) == \\A i \\in 1..5 : a", "Often(PrintT(\"once\"))", printed);
    assertEquals("TRUE", v.toString());
    assertEquals(List.of("\"once\""), printed);
  }

  @Test
  void eachCallStartsWithAFreshArgument() {
    List<String> printed = new ArrayList<>();
    Value v = Eval.eval("Twice(a) == a + a", "<<Twice(Print(1, 1)), Twice(Print(2, 2))>>", printed);
    assertEquals("<<2, 4>>", v.toString());
    assertEquals(2, printed.size(), printed.toString());
    assertEquals("<<4, 6, 8>>", show("Sq(n) == n + n", "[j \\in 1..3 |-> Sq(j + 1)]"));
    assertEquals("{2, 4, 6}", show("Sq(n) == n + n", "{Sq(j) : j \\in 1..3}"));
  }

  @Test
  void aWideCallTreeBeyondTheInliningBudgetKeepsItsMeaning() {
    // 16 calls per body, 4 levels: 69,904 inlined bodies without a budget, far beyond it.
    String sixteen = String.join(" + ", java.util.Collections.nCopies(16, "%s(x)"));
    String defs = String.join("\n",
        "F0(x) == x + 1",
        "F1(x) == " + sixteen.replace("%s", "F0"),
        "F2(x) == " + sixteen.replace("%s", "F1"),
        "F3(x) == " + sixteen.replace("%s", "F2"),
        "F4(x) == " + sixteen.replace("%s", "F3"));
    assertEquals("65536", show(defs, "F4(0)"));
    assertEquals("131072", show(defs, "F4(1)"));
  }

  @Test
  void theBodyDoesNotSeeTheCallersNames() {
    String defs = "Inner(x) == \\E y \\in 1..x : y = x\nOuter(y) == Inner(y + 1)";
    assertEquals("TRUE", show(defs, "\\A y \\in 1..3 : Outer(y)"));
    String shadow = "Sum(a, b) == LET s == a + b IN s\nUse(s) == Sum(s, 10)";
    assertEquals("<<11, 12>>", show(shadow, "<<Use(1), Use(2)>>"));
  }

  @Test
  void nestedQuantifiersOverNestedInlinedCalls() {
    String defs = String.join("\n",
        "Le(a, b) == a <= b",
        "AllLe(S, n) == \\A s \\in S : Le(s, n)",
        "Max(S) == CHOOSE m \\in S : AllLe(S, m)");
    assertEquals("<<3, 5, 9>>", show(defs, "<<Max(1..3), Max({5, 2}), Max({x * x : x \\in 1..3})>>"));
    assertEquals("TRUE", show(defs, "\\A i \\in 1..4 : \\A j \\in 1..i : Le(j, i) /\\ AllLe(1..j, i)"));
  }

  @Test
  void aLambdaInAnInlinedBodySeesTheCallsArguments() {
    String defs = "Above(s, k) == SelectSeq(s, LAMBDA x : x > k)";
    assertEquals("<<5, 7>>", show(defs, "Above(<<1, 5, 2, 7>>, 1 + 2)"));
    assertEquals("<<<<2, 3>>, <<3>>, <<>>>>", show(defs, "[k \\in 1..3 |-> Above(<<1, 2, 3>>, k)]"));
  }

  @Test
  void aSetFilterInAnInlinedBodyCapturesTheBinding() {
    String defs = "Above(n) == {x \\in 1..6 : x > n}\nBeyond(n) == {k \\in Nat : k > n * 1}";
    assertEquals("TRUE", show(defs, "\\A i \\in 1..3 : \\A j \\in Above(i) : j > i"));
    assertEquals("<<{5, 6}, {6}>>", show(defs, "<<Above(4), Above(5)>>"));
    assertEquals("TRUE", show(defs, "LET F == [i \\in 1..3 |-> Beyond(i)] IN \\A j \\in 1..3 : (j + 1) \\in F[j] /\\ j \\notin F[j]"));
  }

  @Test
  void zeroParameterDefinitionsKeepTheirEvaluationCounts() {
    List<String> printed = new ArrayList<>();
    // state-level: evaluated at each reference; constant: once for the whole run, as in TLC
    Value v = Eval.eval("P == Print(evalVar, evalVar)\nC == Print(\"c\", 1)", "<<P, P, C, C, \\A i \\in 1..2 : P = C - 1>>", printed);
    assertEquals("<<0, 0, 1, 1, TRUE>>", v.toString());
    assertEquals(List.of("0  0", "0  0", "\"c\"  1", "0  0", "0  0"), printed);
  }

  @Test
  void recursiveOperatorsAreStillCalled() {
    String defs = "RECURSIVE Fact(_)\nFact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)\nF5(k) == Fact(k + 0)";
    assertEquals("120", show(defs, "F5(5)"));
  }

  @Test
  void anErrorInAnInlinedBodyIsLocatedAtTheCallAndInTheBody() {
    String defs = "Bad(a) == a \\div 0";
    EvalException e = assertThrows(EvalException.class, () -> show(defs, "Bad(3)"));
    List<Span> stack = e.stack();
    assertTrue(stack.size() >= 2, stack.toString());
    String module = Eval.module(defs, "Bad(3)");
    List<String> texts = stack.stream().map(s -> text(module, s)).toList();
    assertTrue(texts.contains("Bad(3)"), texts.toString());
    assertEquals("a \\div 0", texts.get(texts.size() - 1));
  }

  @Test
  void anErrorInAnArgumentIsLocatedThereAndAtTheParameter() {
    String defs = "Use(a) == a + 1";
    EvalException e = assertThrows(EvalException.class, () -> show(defs, "Use(<<1>>[2])"));
    String module = Eval.module(defs, "Use(<<1>>[2])");
    List<String> texts = e.stack().stream().map(s -> text(module, s)).toList();
    assertTrue(texts.contains("<<1>>[2]"), texts.toString());
    assertTrue(texts.contains("a"), texts.toString());
    assertTrue(texts.indexOf("a") < texts.indexOf("<<1>>[2]"), texts.toString());
  }

  private static String text(String module, Span s) {
    String[] lines = module.split("\n", -1);
    if (s.beginLine() != s.endLine()) {
      return "<multi-line>";
    }
    return lines[s.beginLine() - 1].substring(s.beginCol() - 1, s.endCol());
  }

  private static List<String> successors(String spec, Value... state) {
    return Fixtures.successors(spec, EvalHost.silent(), state);
  }

  @Test
  void actionOperatorsInlinedPerCallSite() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals, TLC",
        "VARIABLES x, y",
        "Set(v, w) == x' = v /\\ y' = w",
        "Step(d) == \\E k \\in {d, d + 1} : Set(x + k, k)",
        "Both(v) == Set(v, v)",
        "Init == x = 0 /\\ y = 0",
        "Next == Step(1) \\/ (y > 5 /\\ Step(1 \\div 0)) \\/ Both(Print(x, x))",
        "====");
    List<String> printed = new ArrayList<>();
    assertEquals(List.of("[1, 1]", "[2, 2]", "[0, 0]"), Fixtures.successors(spec, printed::add, IntValue.ZERO, IntValue.ZERO));
    // arguments of action calls are not cached (the state changes under them): one Print per read
    assertEquals(List.of("0  0", "0  0"), printed);
  }

  @Test
  void aCachedArgumentIsReevaluatedInTheNextStateUnderAPrime() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x",
        "Changed(e) == e' # e /\\ e' = e + 1",
        "Init == x = 0",
        "Next == x' \\in {x, x + 1} /\\ IF Changed(x * 1) THEN TRUE ELSE FALSE",
        "====");
    assertEquals(List.of("[1]"), successors(spec, IntValue.ZERO));
  }
}
