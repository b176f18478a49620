package io.synod.checker.eval;

import io.synod.checker.value.FcnValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of TLC's {@code -dumpTrace}. TLC writes them from POSTCONDITIONs of its own modules
 * over {@code TLCExt!CounterExample}, so their layout is what those formulas compute:
 * {@code tla} is a module (named after the file name with its first ".tla" removed) defining
 * {@code CounterExample} as {@code ToString(CounterExample)}, without a final newline;
 * {@code json} is {@code JsonSerialize} of {@code [counterexample |-> CounterExample, vars |->
 * V]}, V the field names of the trace's states (the ALIAS's when there is one).
 */
final class TraceDump {
  private TraceDump() {}

  static String text(String format, String file, Ctx c) {
    Value ce = TraceNatives.counterExample(c);
    return switch (format) {
      case "tla" -> "---- MODULE " + file.replaceFirst(java.util.regex.Pattern.quote(".tla"), "")
          + " ----\nLOCAL INSTANCE TLC\n\nCounterExample == \n\t" + Pretty.flatAsWritten(ce) + "\n\n====";
      case "json" -> json(ce, c);
      default -> null;
    };
  }

  private static String json(Value ce, Ctx c) {
    FcnValue rec = (FcnValue) ce;
    SetValue states = null;
    for (int i = 0; i < rec.size(); i++) {
      if (rec.domainAt(i) instanceof StringValue k && k.text().equals("state")) {
        states = (SetValue) rec.valueAt(i);
      }
    }
    List<Value> vars = new ArrayList<>();
    if (states != null) {
      for (java.util.Iterator<Value> it = states.toSetEnum().iterator(); it.hasNext(); ) {
        Value node = it.next();
        FcnValue state = (FcnValue) ((TupleValue) node).get(2);
        for (int i = 0; i < state.size(); i++) {
          vars.add(state.domainAt(i));
        }
      }
    }
    Value dump = Values.record(
        new StringValue[] {c.spec.strings.string("counterexample"), c.spec.strings.string("vars")},
        new Value[] {ce, Values.set(vars)});
    return JsonNatives.toJson(dump, JsonNatives.Shape.ANY) + "\n";
  }
}
