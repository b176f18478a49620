package io.synod.checker.syntax;

import static io.synod.checker.syntax.Parsing.expr;
import static io.synod.checker.syntax.Parsing.grouped;
import static io.synod.checker.syntax.Parsing.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.synod.checker.syntax.ast.AstEquality;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Fixity;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyntaxFormsTest {

  @Test
  void moduleStructure() throws ParseException {
    Module m = TlaParser.parseModule("""
        Some text before the module, even "unbalanced quotes and (* comments.
        ------------------------- MODULE Spec -------------------------
        EXTENDS Naturals, Sequences
        CONSTANTS N, Op(_, _), _ ** _
        VARIABLE x
        VARIABLES y, z
        ASSUME N > 0
        ASSUMPTION Positive == N > 0
        ----
        LOCAL Helper(a) == a
        F(G(_), v) == G(v)
        a (+) b == a + b
        a ** b == a * b
        -. a == 0 - a
        a ^# == a
        f[i \\in Nat] == IF i = 0 THEN 1 ELSE i * f[i - 1]
        RECURSIVE R(_)
        R(n) == IF n = 0 THEN 0 ELSE R(n - 1)
        I == INSTANCE Inner WITH v <- x
        P(k) == INSTANCE Inner WITH v <- k
        INSTANCE Inner WITH v <- y
        LOCAL INSTANCE Sequences
        ---- MODULE Inner ----
        VARIABLE v
        Init == v = 0
        ====
        =================================================================
        Text after the module is ignored: ) ] "
        """, "Spec.tla");
    assertEquals("Spec", m.name());
    assertEquals(List.of("Naturals", "Sequences"),
        m.extendsList().stream().map(n -> n.text()).toList());
    List<Unit.ConstantDecl> cs = m.units(Unit.ConstantDecl.class);
    assertEquals(3, cs.size());
    assertEquals(2, cs.get(1).arity());
    assertEquals(Fixity.INFIX, cs.get(2).param().fixity());
    assertEquals("**", cs.get(2).name());
    assertEquals(3, m.units(Unit.VariableDecl.class).size());
    assertEquals("Positive", m.units(Unit.Assume.class).get(1).name());
    List<Unit.OpDef> defs = m.units(Unit.OpDef.class);
    assertTrue(defs.get(0).local());
    assertEquals(1, defs.get(1).params().get(0).arity());
    assertEquals("\\oplus", defs.get(2).name());
    assertEquals(Fixity.INFIX, defs.get(2).fixity());
    assertEquals("-.", defs.get(4).name());
    assertEquals(Fixity.POSTFIX, defs.get(5).fixity());
    Unit.OpDef r = defs.stream().filter(d -> d.name().equals("R")).findFirst().orElseThrow();
    assertTrue(r.recursive());
    assertFalse(defs.get(1).recursive());
    assertEquals(1, m.units(Unit.FunctionDef.class).size());
    List<Unit.InstanceDef> is = m.units(Unit.InstanceDef.class);
    assertEquals(4, is.size());
    assertEquals("I", is.get(0).name());
    assertEquals(1, is.get(1).params().size());
    assertNull(is.get(2).name());
    assertTrue(is.get(3).local());
    assertEquals("x", AstPrinter.print(is.get(0).substitutions().get(0).replacement()));
    Module inner = m.units(Module.class).get(0);
    assertEquals("Inner", inner.name());
    assertEquals("Inner", inner.units(Unit.OpDef.class).get(0).span().module());
  }

  @Test
  void spansAreOneBasedWithInclusiveEnd() throws ParseException {
    Module m = module("Init == x = 10");
    Span s = ((Unit.OpDef) m.units().get(0)).body().span();
    assertEquals(new Span("T", "T.tla", 2, 9, 2, 14), s);
    assertEquals("line 2, col 9 to line 2, col 14 of module T", s.describe());
  }

  @Test
  void theoremsAndProofsAreSkipped() throws ParseException {
    Module m = module("""
        THEOREM Spec => []Inv
        <1>1. Init => Inv
          BY DEF Init, Inv
        <1>2. Inv /\\ [Next]_vars => Inv'
          <2>1. CASE Next
            OBVIOUS
          <2>. QED
            BY <2>1
        <1>. QED
          PROOF BY <1>1, <1>2 DEF Spec
        LEMMA L1 == ASSUME NEW n \\in Nat, n > 0
                    PROVE  n - 1 \\in Nat
          OMITTED
        USE DEF Init
        COROLLARY TRUE
        After == 1
        """);
    List<Unit.Theorem> ts = m.units(Unit.Theorem.class);
    assertEquals(3, ts.size());
    assertNull(ts.get(1).statement());
    assertEquals("L1", ts.get(1).name());
    assertEquals("After", m.units(Unit.OpDef.class).get(0).name());
  }

  @Test
  void numbersAndStrings() throws ParseException {
    assertEquals(BigInteger.valueOf(10), ((Expr.NumberLit) expr("\\b1010")).value());
    assertEquals(BigInteger.valueOf(15), ((Expr.NumberLit) expr("\\o17")).value());
    assertEquals(BigInteger.valueOf(31), ((Expr.NumberLit) expr("\\h1F")).value());
    assertEquals(BigInteger.valueOf(31), ((Expr.NumberLit) expr("\\H1f")).value());
    assertEquals(new BigInteger("123456789012345678901234567890"),
        ((Expr.NumberLit) expr("123456789012345678901234567890")).value());
    assertEquals("a\"b\\c\nd\te", ((Expr.StringLit) expr("\"a\\\"b\\\\c\\nd\\te\"")).value());
    assertEquals("(* not a comment *)", ((Expr.StringLit) expr("\"(* not a comment *)\"")).value());
  }

  @Test
  void quantifiersAndChoose() throws ParseException {
    Expr.Quant q = (Expr.Quant) expr("\\A x, y \\in S, <<a, b>> \\in T : x = a");
    assertEquals(2, q.binders().size());
    assertEquals(2, q.binders().get(0).names().size());
    assertTrue(q.binders().get(1).tuple());
    Expr.Quant u = (Expr.Quant) expr("\\E x, y : x = y");
    assertFalse(u.binders().get(0).bounded());
    assertEquals(Expr.QuantKind.TEMPORAL_FORALL, ((Expr.Quant) expr("\\AA x : []P(x)")).kind());
    assertEquals(Expr.QuantKind.TEMPORAL_EXISTS, ((Expr.Quant) expr("\\EE x : P(x)")).kind());
    Expr.Choose c = (Expr.Choose) expr("CHOOSE <<x, y>> \\in S \\X T : x < y");
    assertTrue(c.binder().tuple());
    assertInstanceOf(Expr.Product.class, c.binder().domain());
    assertFalse(((Expr.Choose) expr("CHOOSE x : x \\notin S")).binder().bounded());
    assertEquals("\\E <<x, y>> \\in S : x = y", grouped("\\E <<x, y>> \\in S : x = y"));
    // the body of a quantifier extends as far as possible
    assertEquals("\\A x : P /\\ Q", grouped("\\A x : P /\\ Q"));
  }

  @Test
  void setsFunctionsRecords() throws ParseException {
    assertInstanceOf(Expr.SetEnum.class, expr("{}"));
    assertInstanceOf(Expr.SetFilter.class, expr("{x \\in S : x > 1}"));
    assertInstanceOf(Expr.SetFilter.class, expr("{<<x, y>> \\in S : x > y}"));
    Expr.SetMap sm = (Expr.SetMap) expr("{x + y : x \\in S, y \\in T}");
    assertEquals(2, sm.binders().size());
    Expr.FunCons fc = (Expr.FunCons) expr("[x \\in S, y \\in T |-> x + y]");
    assertEquals(2, fc.binders().size());
    assertInstanceOf(Expr.FunSet.class, expr("[S -> T]"));
    assertEquals(2, ((Expr.RecordCons) expr("[a |-> 1, b |-> 2]")).fields().size());
    assertEquals(2, ((Expr.RecordSet) expr("[a : S, b : T]")).fields().size());
    Expr.FunApp fa = (Expr.FunApp) expr("f[x, y]");
    assertEquals(2, fa.args().size());
    assertEquals("r.a", grouped("r.a"));
    assertEquals(0, ((Expr.Tuple) expr("<<>>")).elements().size());
    Expr.Product p = (Expr.Product) expr("A \\X B \\times C × D");
    assertEquals(4, p.factors().size());
  }

  @Test
  void except() throws ParseException {
    Expr.Except e = (Expr.Except) expr("[f EXCEPT ![i].a[j, k] = @ + 1, !.b = 2]");
    assertEquals(2, e.updates().size());
    List<Expr.PathElem> path = e.updates().get(0).path();
    assertEquals(3, path.size());
    assertInstanceOf(Expr.IndexSel.class, path.get(0));
    assertEquals("a", ((Expr.FieldSel) path.get(1)).name());
    assertEquals(2, ((Expr.IndexSel) path.get(2)).indices().size());
    Expr.OpApp plus = (Expr.OpApp) e.updates().get(0).value();
    assertInstanceOf(Expr.At.class, plus.args().get(0));
  }

  @Test
  void controlForms() throws ParseException {
    Expr.Case c = (Expr.Case) expr("CASE x = 1 -> a [] x = 2 -> b [] OTHER -> c");
    assertEquals(2, c.arms().size());
    assertTrue(c.other() != null);
    assertNull(((Expr.Case) expr("CASE x = 1 -> a [] x = 2 -> b")).other());
    Expr.Let l = (Expr.Let) expr("""
        LET RECURSIVE g(_)
                 g(n) == IF n = 0 THEN 0 ELSE g(n - 1)
                 h[i \\in 1..3] == i
                 I == INSTANCE M
             IN g(3) + h[1]""");
    assertEquals(4, l.definitions().size());
    assertTrue(((Unit.OpDef) l.definitions().get(1)).recursive());
    Expr.Lambda lam = (Expr.Lambda) ((Expr.OpApp) expr("F(LAMBDA a, b : a + b, 2)")).args().get(0);
    assertEquals(2, lam.params().size());
    Expr.Label lab = (Expr.Label) expr("P0(x):: x > 1");
    assertEquals("P0", lab.name());
  }

  @Test
  void instancePaths() throws ParseException {
    Expr.OpApp a = (Expr.OpApp) expr("M(1)!N!Op(2, 3)");
    assertEquals(2, a.path().size());
    assertEquals("M", a.path().get(0).name());
    assertEquals(1, a.path().get(0).args().size());
    assertEquals("Op", a.name());
    assertEquals(2, a.args().size());
    Expr.OpApp plus = (Expr.OpApp) expr("a M!+ b");
    assertEquals("+", plus.name());
    assertEquals("M", plus.path().get(0).name());
    assertEquals(Fixity.INFIX, plus.fixity());
    assertEquals("a I(1)!\\cup (b \\X c)", grouped("a I(1)!\\cup b \\X c"));
    Expr.OpApp h = (Expr.OpApp) expr("Map(+, -., s)");
    assertEquals("+", ((Expr.OpApp) h.args().get(0)).name());
    assertEquals(Fixity.INFIX, ((Expr.OpApp) h.args().get(0)).fixity());
    assertEquals("-.", ((Expr.OpApp) h.args().get(1)).name());
  }

  @Test
  void actionsAndTemporal() throws ParseException {
    assertEquals("x'", grouped("x'"));
    assertEquals("UNCHANGED <<x, y>>", grouped("UNCHANGED <<x, y>>"));
    Expr.BoxAction b = (Expr.BoxAction) ((Expr.OpApp) expr("[][Next]_vars")).args().get(0);
    assertEquals("vars", ((Expr.OpApp) b.subscript()).name());
    Expr.AngleAction an = (Expr.AngleAction) expr("<<A>>_<<x, y>>");
    assertInstanceOf(Expr.Tuple.class, an.subscript());
    Expr.Fairness wf = (Expr.Fairness) expr("WF_vars(Next)");
    assertFalse(wf.strong());
    Expr.Fairness sf = (Expr.Fairness) expr("SF_<<x>>(A \\/ B)");
    assertTrue(sf.strong());
    assertEquals("ENABLED (A \\cdot B)", grouped("ENABLED (A \\cdot B)"));
    assertEquals("P ~> Q", grouped("P ~> Q"));
    assertEquals("P -+-> Q", grouped("P -+-> Q"));
  }

  @Test
  void unicodeSpellingsMatchAscii() throws ParseException {
    String ascii = "\\A x \\in S : \\E y \\in T : (x /\\ y) \\/ ~(x => y) \\/ (x <=> y) \\/ "
        + "x /= y \\/ x <= y \\/ x >= y \\/ x \\notin S \\/ S \\subseteq T \\/ <<x, y>> \\in "
        + "(S \\cup T) \\X (S \\cap T) \\/ [][x' = y]_<<x>> \\/ <>[x]_x \\/ [S -> T] = [a |-> 1]";
    String unicode = "∀ x ∈ S : ∃ y ∈ T : (x ∧ y) ∨ ¬(x ⇒ y) ∨ (x ≡ y) ∨ "
        + "x ≠ y ∨ x ≤ y ∨ x ≥ y ∨ x ∉ S ∨ S ⊆ T ∨ ⟨x, y⟩ ∈ "
        + "(S ∪ T) × (S ∩ T) ∨ □[x′ = y]_⟨x⟩ ∨ ◇[x]_x ∨ [S → T] = [a ↦ 1]";
    Expr a = expr(ascii);
    Expr u = expr(unicode);
    assertTrue(AstEquality.equalIgnoringSpans(a, u),
        () -> AstPrinter.print(a) + "\n" + AstPrinter.print(u));
    Module m = module("Def ≜ 1");
    assertEquals("Def", m.units(Unit.OpDef.class).get(0).name());
  }

  /**
   * The rest of the tlaplus-standard Unicode table, which SANY accepts: the blackboard letters are
   * the identifiers Nat, Int and Real (Chameneos in the TLA+ examples writes
   * {@code N ∈ (ℕ \ {0})}), also instance-qualified and inside junction lists, whose alignment
   * is kept; ⋄, ⁺, ∷ (EWD840 writes {@code P0∷ ∀ i ∈ Node : ...}), ‼, ⁇ are <>, ^+, ::, !!, ??.
   */
  @ParameterizedTest
  @MethodSource("remainingUnicode")
  void remainingUnicodeSpellingsMatchAscii(String ascii, String unicode) throws ParseException {
    Expr a = expr(ascii);
    Expr u = expr(unicode);
    assertTrue(AstEquality.equalIgnoringSpans(a, u),
        () -> AstPrinter.print(a) + "\n" + AstPrinter.print(u));
  }

  static Stream<Arguments> remainingUnicode() {
    return Stream.of(
        arguments("(x \\in Nat \\cup Int \\cup Real) /\\ <>P /\\ R^+ = a !! b /\\ a ?? b /\\ I!Nat",
            "(x ∈ ℕ ∪ ℤ ∪ ℝ) ∧ ⋄P ∧ R⁺ = a ‼ b ∧ a ⁇ b ∧ I!ℕ"),
        arguments("lbl :: x", "lbl ∷ x"),
        arguments("""
            /\\ x \\in Nat \\ {0}
            /\\ y \\in Int
            /\\ z \\in Real""", """
            ∧ x ∈ ℕ \\ {0}
            ∧ y ∈ ℤ
            ∧ z ∈ ℝ"""),
        arguments("(P0:: x = 1) \\/ <>(x = 2) \\/ (a !! b) = (a ?? b) \\/ R^+ = R",
            "(P0∷ x = 1) ∨ ⋄(x = 2) ∨ (a ‼ b) = (a ⁇ b) ∨ R⁺ = R"),
        arguments("x \\in Nat /\\ [Int -> Real] # {} /\\ Nat \\subseteq Int",
            "x ∈ ℕ ∧ [ℤ → ℝ] ≠ {} ∧ ℕ ⊆ ℤ"));
  }

  /** The blackboard letters are names, so a module may define them (as the number modules do). */
  @Test
  void blackboardLettersAreNamesAModuleMayDefine() throws ParseException {
    Module m = module("ℕ ≜ {0}\nY ≜ ℕ");
    assertEquals(List.of("Nat", "Y"), m.units(Unit.OpDef.class).stream().map(Unit.OpDef::name).toList());
    Module r = module("ℕ ≜ 0 ‥ 3");
    assertEquals("Nat", r.units(Unit.OpDef.class).get(0).name());
  }

  @Test
  void plusCalCommentIsIgnoredAndTranslationParsed() throws ParseException {
    Module m = module("""
        (* --algorithm Transfer
        variables x = 0;
        begin
          A: x := x + 1;
        end algorithm; *)
        \\* BEGIN TRANSLATION
        VARIABLES x, pc
        Init == x = 0 /\\ pc = "A"
        \\* END TRANSLATION
        """);
    assertEquals(2, m.units(Unit.VariableDecl.class).size());
  }

  /**
   * SANY's span of an expression ends where its last token ends, a closing parenthesis
   * included: TLC prints such spans in action labels and error positions (fixture 72: the action
   * {@code ... /\ g' # 6 \div (2 - g)} ends at the ')'), while the parenthesised expression keeps
   * its own span.
   */
  @Test
  void spansOfExpressionsEndingInParenthesesIncludeThem() throws Exception {
    Module m = TlaParser.parseModule("---- MODULE P ----\nE == 1 + (2 - 3)\nF == /\\ TRUE\n     /\\ (1 = 1)\n====\n", "P.tla");
    Unit.OpDef e = (Unit.OpDef) m.units().stream().filter(u -> u instanceof Unit.OpDef d && d.name().equals("E")).findFirst().orElseThrow();
    assertEquals(16, e.body().span().endCol(), e.body().span().toString());
    Expr.OpApp plus = (Expr.OpApp) e.body();
    assertEquals(15, plus.args().get(1).span().endCol(), "the inner expression keeps its own span");
    Unit.OpDef f = (Unit.OpDef) m.units().stream().filter(u -> u instanceof Unit.OpDef d && d.name().equals("F")).findFirst().orElseThrow();
    assertEquals(15, f.body().span().endCol(), f.body().span().toString());
  }
}
