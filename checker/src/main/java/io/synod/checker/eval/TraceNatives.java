package io.synod.checker.eval;

import io.synod.checker.value.BoolValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operators of {@code TLCExt} that look at the evaluation or the search itself rather than
 * at values: {@code AssertError} (evaluates its expression and catches the error),
 * {@code TLCDefer}, {@code PickSuccessor}, {@code Trace} and {@code TLCFP}. The search is reached
 * through the worker's {@link EvalHost}, never through global state.
 */
final class TraceNatives {
  private TraceNatives() {}

  static void register(Natives n) {
    String m = "TLCExt";
    n.put(m, "AssertError", Natives.Impl.lazy(2, TraceNatives::assertError, false, false));
    n.put(m, "TLCDefer", Natives.Impl.lazy(1, TraceNatives::defer, false, true));
    n.put(m, "PickSuccessor", Natives.Impl.lazy(1, TraceNatives::pickSuccessor, true, true).withMinLevel(2));
    n.put(m, "Trace", new Natives.Impl(0, null, (c, a) -> trace(c), null, true, false).withMinLevel(1));
    n.put(m, "CounterExample", new Natives.Impl(0, null, (c, a) -> counterExample(c), null, true, false)
        .withMinLevel(1));
    n.put(m, "TLCFP", Natives.Impl.unary((c, v) -> IntValue.of((int) v.fingerprint()), false, false));
  }

  /** TRUE iff evaluating {@code args[1]} fails with exactly the message {@code args[0]}. */
  private static Value assertError(Ctx c, Frame f, Node[] args) {
    Value err = args[0].eval(c, f);
    if (!(err instanceof StringValue expected)) {
      throw EvalException.eval("In computing AssertError, a non-string expression (" + Pretty.ppr(err)
          + ") was used as the err of an AssertError(err, exp).");
    }
    try {
      args[1].eval(c, f);
    } catch (EvalException e) {
      return BoolValue.of(expected.text().equals(e.getMessage()));
    }
    return BoolValue.FALSE;
  }

  /**
   * TRUE; the expression is evaluated later, with the current state and the successor the
   * simulation goes on with (TLC's breadth-first search, like Synod's, never evaluates it).
   */
  private static Value defer(Ctx c, Frame f, Node[] args) {
    if (c.cur == null) {
      return BoolValue.TRUE;
    }
    Frame frame = f == null ? null : f.snapshot(c);
    Value[] from = c.cur.clone();
    Node expression = args[0];
    c.host.defer(next -> {
      Value[] cur = c.cur;
      Value[] nxt = c.nxt;
      c.cur = from;
      c.nxt = next;
      try {
        expression.eval(c, frame);
      } catch (EvalException e) {
        throw EvalModel.error(e);
      } finally {
        c.cur = cur;
        c.nxt = nxt;
      }
    });
    return BoolValue.TRUE;
  }

  /**
   * TRUE when the condition holds, outside a step (an invariant, a constraint) and while the
   * successor is not complete; otherwise the user decides on standard input whether the step
   * is kept ("y" or an empty line) or dropped ("n"); "s" shows the two states.
   */
  private static Value pickSuccessor(Ctx c, Frame f, Node[] args) {
    Value guard = args[0].eval(c, f);
    if (!(guard instanceof BoolValue b)) {
      throw EvalException.eval("In evaluating TLCExt!PickSuccessor, a non-boolean expression ("
          + guard.kind().name().toLowerCase() + ") was used as the condition of an IF.\n" + Pretty.ppr(guard));
    }
    if (b.value() || c.cur == null || c.nxt == null || Arrays.asList(c.nxt).contains(null)) {
      return BoolValue.TRUE;
    }
    while (true) {
      String answer = c.host.ask("Extend behavior of length " + c.level + " with a step? (Yes/no/states):");
      if (answer == null || answer.isBlank() || answer.strip().toLowerCase().startsWith("y")) {
        return BoolValue.TRUE;
      }
      char first = answer.strip().toLowerCase().charAt(0);
      if (first == 'n') {
        return BoolValue.FALSE;
      }
      if (first == 's') {
        c.host.print(Pretty.ppr(record(c, c.cur)) + "\n~>\n" + Pretty.ppr(record(c, c.nxt)));
      }
    }
  }

  /**
   * The behaviour leading to the current state, one record per state from variable names to
   * values: the states up to the one being expanded, then the evaluated state when it is
   * another (a successor whose invariants or constraints are checked).
   */
  private static Value trace(Ctx c) {
    List<String> vars = c.spec.variables();
    List<String> undefined = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      if (c.cur == null || c.cur[i] == null) {
        undefined.add(vars.get(i));
      }
    }
    if (!undefined.isEmpty()) {
      throw EvalException.eval("In evaluating TLCExt!Trace, the state is not completely specified yet (variable"
          + (undefined.size() > 1 ? "s " : " ") + String.join(", ", undefined) + " undefined).");
    }
    List<Value[]> states = new ArrayList<>();
    List<Value[]> before = c.host.behaviour();
    if (before != null) {
      states.addAll(before);
    }
    if (states.isEmpty() || !Arrays.equals(states.get(states.size() - 1), c.cur)) {
      states.add(c.cur);
    }
    Value[] records = new Value[states.size()];
    for (int i = 0; i < records.length; i++) {
      records[i] = record(c, states.get(i));
    }
    return TupleValue.wrap(records);
  }

  /**
   * The violation's behaviour as TLC's graph: {@code state} the set of {@code <<i, s_i>>},
   * {@code action} the set of {@code <<<<i, s_i>>, [name, location], <<i + 1, s_i+1>>>>}; both
   * empty when no violation was found.
   */
  static Value counterExample(Ctx c) {
    List<EvalHost.Step> steps = c.host.counterExample();
    List<Value> states = new ArrayList<>();
    List<Value> actions = new ArrayList<>();
    if (steps != null) {
      for (int i = 0; i < steps.size(); i++) {
        Value shown = steps.get(i).shown();
        Value node = TupleValue.wrap(new Value[] {IntValue.of(i + 1),
            shown != null ? shown : record(c, steps.get(i).state())});
        if (i > 0) {
          actions.add(TupleValue.wrap(new Value[] {states.get(i - 1), action(c, steps.get(i)), node}));
        }
        states.add(node);
      }
      EvalHost.Closing closing = c.host.counterExampleClosing();
      if (closing != null && !states.isEmpty() && closing.target() >= 0
          && closing.target() < states.size()) {
        // TLC's graph of a lasso also holds the step back into the loop (a stuttering end: the
        // last state's step to itself)
        actions.add(TupleValue.wrap(new Value[] {states.get(states.size() - 1),
            action(c, closing.step()),
            states.get(closing.target())}));
      }
    }
    return Values.record(new StringValue[] {c.spec.strings.string("action"), c.spec.strings.string("state")},
        new Value[] {Values.set(actions), Values.set(states)});
  }

  private static Value action(Ctx c, EvalHost.Step step) {
    io.synod.checker.syntax.ast.Span sp = step.span();
    Value location = sp == null ? Values.record(new StringValue[0], new Value[0]) : Values.record(
        strings(c, "beginLine", "beginColumn", "endLine", "endColumn", "module"),
        new Value[] {IntValue.of(sp.beginLine()), IntValue.of(sp.beginCol()), IntValue.of(sp.endLine()),
            IntValue.of(sp.endCol()), c.spec.strings.string(sp.module())});
    Value name = c.spec.strings.string(step.action() == null ? "" : step.action());
    List<String> params = step.params();
    if (params.isEmpty() || params.size() != step.args().size()) {
      return Values.record(strings(c, "name", "location"), new Value[] {name, location});
    }
    // an operator's application also carries its parameters and their values, as TLC's
    StringValue[] formals = new StringValue[params.size()];
    Value[] names = new Value[params.size()];
    for (int i = 0; i < formals.length; i++) {
      formals[i] = c.spec.strings.string(params.get(i));
      names[i] = formals[i];
    }
    Value context = Values.record(formals, step.args().toArray(new Value[0]));
    return Values.record(strings(c, "name", "location", "context", "parameters"),
        new Value[] {name, location, context, TupleValue.wrap(names)});
  }

  private static StringValue[] strings(Ctx c, String... names) {
    StringValue[] out = new StringValue[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = c.spec.strings.string(names[i]);
    }
    return out;
  }

  private static Value record(Ctx c, Value[] state) {
    List<String> vars = c.spec.variables();
    StringValue[] names = new StringValue[vars.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = c.spec.strings.string(vars.get(i));
    }
    return Values.record(names, state.clone());
  }
}
