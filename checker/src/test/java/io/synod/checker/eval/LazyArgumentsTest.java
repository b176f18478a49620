package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operator arguments are passed by name, as in TLC: evaluated only where the body uses them. */
class LazyArgumentsTest {

  private static String show(String defs, String expr) {
    return Eval.eval(defs, expr, new ArrayList<>()).toString();
  }

  @Test
  void unusedFailingArgumentIsNeverEvaluated() {
    assertEquals("1", show("First(a, b) == a", "First(1, 1 \\div 0)"));
    assertEquals("3", show("Inner(a) == 3\nOuter(a) == Inner(a)", "Outer(<<1>>[2])"));
  }

  @Test
  void usedFailingArgumentStillFails() {
    EvalException e = assertThrows(EvalException.class, () -> show("Second(a, b) == b", "Second(1, <<1>>[2])"));
    assertEquals(EvalException.Kind.EVAL, e.kind());
    EvalException d = assertThrows(EvalException.class, () -> show("Second(a, b) == b", "Second(1, 1 \\div 0)"));
    // TLC raises a division by zero with its own error code
    assertEquals(EvalException.Kind.CODED, d.kind());
  }

  @Test
  void guardedFieldAccessInArgumentDoesNotFail() {
    String defs = "Grant(m) == m.vote\nAnswer(m, g) == m.type = \"vote\" /\\ g";
    assertEquals("FALSE", show(defs, "Answer([type |-> \"req\"], Grant([type |-> \"req\"]))"));
    assertEquals("TRUE", show(defs, "Answer([type |-> \"vote\", vote |-> TRUE], Grant([type |-> \"vote\", vote |-> TRUE]))"));
  }

  @Test
  void argumentUsedTwiceIsEvaluatedOnce() {
    List<String> printed = new ArrayList<>();
    Value v = Eval.eval("Twice(a) == <<a, a>>", "Twice(PrintT(\"hi\"))", printed);
    assertEquals("<<TRUE, TRUE>>", v.toString());
    assertEquals(1, printed.size(), printed.toString());
  }

  @Test
  void operatorParametersTakeArgumentsByNameToo() {
    String defs = "Fst(a, b) == a\nApply(F(_, _)) == F(1, 1 \\div 0)";
    assertEquals("1", show(defs, "Apply(Fst)"));
    assertEquals("1", show(defs, "Apply(LAMBDA a, b : a)"));
    assertThrows(EvalException.class, () -> show(defs, "Apply(LAMBDA a, b : b)"));
  }

  @Test
  void argumentOfInfiniteSetOutlivesTheCall() {
    String defs = "Above(n) == {k \\in Nat : k > n}";
    assertEquals("TRUE", show(defs, "\\A i \\in 1..3 : (i + 1) \\in Above(i) /\\ i \\notin Above(i)"));
    assertEquals("TRUE", show(defs, "LET F == [i \\in 1..3 |-> Above(i * 1)] IN \\A j \\in 1..3 : (j + 1) \\in F[j] /\\ j \\notin F[j]"));
  }

  private static List<String> successors(String spec, Value... state) {
    return Fixtures.successors(spec, EvalHost.silent(), state);
  }

  @Test
  void guardedArgumentInAnAction() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x",
        "Msgs == {[type |-> \"req\"], [type |-> \"vote\", vote |-> 5]}",
        "Grant(m) == m.vote",
        "Answer(m, g) == m.type = \"vote\" /\\ x' = g",
        "Init == x = 0",
        "Next == \\E m \\in Msgs : Answer(m, Grant(m))",
        "====");
    assertEquals(List.of("[5]"), successors(spec, IntValue.ZERO));
  }

  @Test
  void primedArgumentsInActions() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals, Sequences",
        "VARIABLES x, log",
        "Send(m) == log' = Append(log, m)",
        "Same(a, b) == a = b",
        "Init == x = 0 /\\ log = <<>>",
        "Next == x' = x + 1 /\\ Same(x', x + 1) /\\ Send(<<x', x>>)",
        "====");
    assertEquals(List.of("[1, <<<<1, 0>>>>]"),
        successors(spec, IntValue.ZERO, io.synod.checker.value.Values.tuple(new Value[0])));
  }

  @Test
  void primedParameterReevaluatesItsArgumentInTheNextState() {
    String spec = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x",
        "Changed(v) == v' # v",
        "Init == x = 0",
        "Next == (x' = x + 1 \\/ x' = x) /\\ Changed(x + 0)",
        "====");
    assertEquals(List.of("[1]"), successors(spec, IntValue.ZERO));
  }
}
