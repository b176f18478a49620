package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the evaluator: random integer and set expressions agree with a direct Java
 * computation; quantifier duality; CHOOSE picks the least witness in TLC's order. One compiled
 * module evaluates many expressions, so the properties stay fast.
 */
class EvalProperties {

  /** A random integer expression and its value computed in Java (TLC semantics). */
  record IntExpr(String text, long value) {}

  @Provide
  Arbitrary<IntExpr> intExprs() {
    return Arbitraries.recursive(
        () -> Arbitraries.integers().between(-20, 20).map(i -> new IntExpr(i < 0 ? "(" + i + ")" : "" + i, i)),
        this::combine, 4);
  }

  @Provide
  Arbitrary<List<IntExpr>> intExprLists() {
    return intExprs().list().ofMinSize(1).ofMaxSize(8);
  }

  private Arbitrary<IntExpr> combine(Arbitrary<IntExpr> sub) {
    return Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(sub, sub).as((a, b) -> new IntExpr("(" + a.text + " + " + b.text + ")",
            a.value + b.value)),
        net.jqwik.api.Combinators.combine(sub, sub).as((a, b) -> new IntExpr("(" + a.text + " - " + b.text + ")",
            a.value - b.value)),
        net.jqwik.api.Combinators.combine(sub, sub).as((a, b) -> new IntExpr("(" + a.text + " * " + b.text + ")",
            a.value * b.value)),
        net.jqwik.api.Combinators.combine(sub, Arbitraries.integers().between(1, 9)).as((a, d) -> new IntExpr(
            "(" + a.text + " \\div " + d + ")", Math.floorDiv(a.value, d))),
        net.jqwik.api.Combinators.combine(sub, Arbitraries.integers().between(1, 9)).as((a, d) -> new IntExpr(
            "(" + a.text + " % " + d + ")", Math.floorMod(a.value, d))),
        sub.map(a -> new IntExpr("(-" + a.text + ")", -a.value)),
        net.jqwik.api.Combinators.combine(sub, sub, sub).as((c, a, b) -> new IntExpr(
            "(IF " + c.text + " > 0 THEN " + a.text + " ELSE " + b.text + ")", c.value > 0 ? a.value : b.value)));
  }

  @Property(tries = 60)
  void integerExpressionsAgreeWithJava(@ForAll("intExprLists") List<IntExpr> exprs) {
    StringBuilder tuple = new StringBuilder("<<");
    List<Long> expected = new ArrayList<>();
    for (IntExpr e : exprs) {
      if (tuple.length() > 2) {
        tuple.append(", ");
      }
      tuple.append(e.text);
      expected.add(e.value);
    }
    Value v = Eval.eval("", tuple.append(">>").toString(), new ArrayList<>());
    assertEquals(expected.toString().replace("[", "<<").replace("]", ">>"), v.toString());
  }

  @Property(tries = 40)
  void setAlgebraAgreesWithJava(@ForAll @Size(max = 6) Set<@IntRange(min = -5, max = 5) Integer> a,
      @ForAll @Size(max = 6) Set<@IntRange(min = -5, max = 5) Integer> b) {
    String sa = tla(a);
    String sb = tla(b);
    TreeSet<Integer> union = new TreeSet<>(a);
    union.addAll(b);
    TreeSet<Integer> inter = new TreeSet<>(a);
    inter.retainAll(b);
    TreeSet<Integer> diff = new TreeSet<>(a);
    diff.removeAll(b);
    String expr = "<<" + sa + " \\cup " + sb + ", " + sa + " \\cap " + sb + ", " + sa + " \\ " + sb + ", "
        + "Cardinality(SUBSET " + sa + "), " + sa + " \\subseteq " + sb + ", {x * 2 : x \\in " + sa + "}>>";
    TreeSet<Integer> doubled = new TreeSet<>();
    a.forEach(x -> doubled.add(x * 2));
    String expected = "<<" + tla(union) + ", " + tla(inter) + ", " + tla(diff) + ", " + (1L << a.size()) + ", "
        + (b.containsAll(a) ? "TRUE" : "FALSE") + ", " + tla(doubled) + ">>";
    assertEquals(expected, Eval.eval("", expr, new ArrayList<>()).toString());
  }

  @Property(tries = 40)
  void quantifierDualityAndChoose(@ForAll @Size(min = 1, max = 7) Set<@IntRange(min = -9, max = 9) Integer> s,
      @ForAll @IntRange(min = -9, max = 9) int k) {
    String set = tla(s);
    String expr = "<<(\\A x \\in " + set + " : x > " + k + ") = ~(\\E x \\in " + set + " : ~(x > " + k + ")), "
        + "\\E x \\in " + set + " : x > " + k + ", "
        + "IF \\E x \\in " + set + " : x > " + k + " THEN CHOOSE x \\in " + set + " : x > " + k + " ELSE 0>>";
    TreeSet<Integer> sorted = new TreeSet<>(s);
    Integer witness = sorted.higher(k);
    String expected = "<<TRUE, " + (witness != null ? "TRUE" : "FALSE") + ", " + (witness != null ? witness : 0)
        + ">>";
    assertEquals(expected, Eval.eval("", expr, new ArrayList<>()).toString());
  }

  private static String tla(Set<Integer> s) {
    StringBuilder sb = new StringBuilder("{");
    for (int x : new TreeSet<>(s)) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(x);
    }
    return sb.append("}").toString();
  }
}
