package io.synod.checker.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.synod.checker.semantic.Symbol;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records whose {@code equals}, {@code hashCode} and {@code toString} are written out (so that
 * a check links no method-handle bootstraps for them) keep the meaning of the generated ones:
 * structural equality, equal hashes for equal values, and the records' text, which the tableau
 * uses to key its nodes.
 */
class WrittenOutRecordMethodsTest {
  private static final LiveExpr P = new LiveExpr.Atom(0, false, "p");
  private static final LiveExpr Q = new LiveExpr.Atom(1, false, "q");
  private static final LiveExpr A = new LiveExpr.Atom(0, true, "<<A>>_v");

  private static void sameValue(Object a, Object b) {
    assertEquals(a, b);
    assertEquals(b, a);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
  }

  @Test
  void liveFormulasAreEqualByStructure() {
    sameValue(new LiveExpr.Always(new LiveExpr.Eventually(P)),
        new LiveExpr.Always(new LiveExpr.Eventually(new LiveExpr.Atom(0, false, "p"))));
    sameValue(new LiveExpr.And(List.of(P, new LiveExpr.Not(Q))),
        new LiveExpr.And(List.of(P, new LiveExpr.Not(Q))));
    sameValue(new LiveExpr.Or(List.of(A, Q)), new LiveExpr.Or(List.of(A, Q)));
    sameValue(new LiveExpr.Bool(true), LiveExpr.Bool.TRUE);
    // an atom is its id and kind; the text is for messages
    sameValue(new LiveExpr.Not(P), new LiveExpr.Not(new LiveExpr.Atom(0, false, "p")));
    assertEquals(P, new LiveExpr.Atom(0, false, "other text"));
  }

  @Test
  void differentFormulasDiffer() {
    assertNotEquals(new LiveExpr.Always(P), new LiveExpr.Eventually(P));
    assertNotEquals(new LiveExpr.Always(P), new LiveExpr.Always(Q));
    assertNotEquals(new LiveExpr.And(List.of(P, Q)), new LiveExpr.Or(List.of(P, Q)));
    assertNotEquals(new LiveExpr.And(List.of(P, Q)), new LiveExpr.And(List.of(Q, P)));
    assertNotEquals(new LiveExpr.Not(P), P);
    assertNotEquals(P, A);
    assertNotEquals(LiveExpr.Bool.TRUE, LiveExpr.Bool.FALSE);
    assertNotEquals(new LiveExpr.Always(P).hashCode(), new LiveExpr.Eventually(P).hashCode());
    assertNotEquals(new LiveExpr.Not(P).hashCode(), new LiveExpr.Always(P).hashCode());
  }

  @Test
  void liveFormulasPrintAsRecords() {
    assertEquals("Always[body=Eventually[body=Not[body=Atom[id=0, action=false, text=p]]]]",
        new LiveExpr.Always(new LiveExpr.Eventually(new LiveExpr.Not(P))).toString());
    assertEquals("And[items=[Bool[value=true], Or[items=[Atom[id=0, action=true, text=<<A>>_v],"
        + " Atom[id=1, action=false, text=q]]]]]",
        new LiveExpr.And(List.of(LiveExpr.Bool.TRUE, new LiveExpr.Or(List.of(A, Q)))).toString());
  }

  @Test
  void spansAreEqualByEveryComponent() {
    Span s = new Span("M", "M.tla", 3, 1, 4, 9);
    sameValue(s, new Span("M", "M.tla", 3, 1, 4, 9));
    assertNotEquals(s, new Span("N", "M.tla", 3, 1, 4, 9));
    assertNotEquals(s, new Span("M", "N.tla", 3, 1, 4, 9));
    assertNotEquals(s, new Span("M", "M.tla", 2, 1, 4, 9));
    assertNotEquals(s, new Span("M", "M.tla", 3, 2, 4, 9));
    assertNotEquals(s, new Span("M", "M.tla", 3, 1, 5, 9));
    assertNotEquals(s, new Span("M", "M.tla", 3, 1, 4, 8));
  }

  @Test
  void symbolsHashAlikeWhenEqualAndStayEqualByTheirDefiningNode() {
    Span at = new Span("M", "M.tla", 3, 1, 3, 4);
    Name node = new Name(at, "Init");
    Symbol s = new Symbol("Init", Symbol.Kind.OPERATOR, 0, "M", at, node);
    sameValue(s, new Symbol("Init", Symbol.Kind.OPERATOR, 0, "M", at, new Name(at, "Init")));
    // the node still decides equality (the generated equals stays), only the hash leaves it out
    Symbol other = new Symbol("Init", Symbol.Kind.OPERATOR, 0, "M", at, new Name(at, "Next"));
    assertNotEquals(s, other);
    assertEquals(s.hashCode(), other.hashCode());
    assertNotEquals(s, new Symbol("Init", Symbol.Kind.OPERATOR, 1, "M", at, node));
    assertNotEquals(s, new Symbol("Init", Symbol.Kind.FUNCTION, 0, "M", at, node));
    assertNotEquals(s, new Symbol("Init", Symbol.Kind.OPERATOR, 0, "N", at, node));
  }
}
