package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Java version of fixture 23_deadlock_trains: two trains take the track locks A and B in
 * opposite orders and deadlock; TLC: 8 generated, 7 distinct, 2 left, depth 4, trace of 3.
 */
final class TrainsModel implements SpecModel {
  static final Span ACQUIRE = new Span("Trains", "Trains.tla", 21, 17, 25, 36);
  static final Span CROSS = new Span("Trains", "Trains.tla", 27, 13, 29, 40);
  private final Value east;
  private final Value west;
  private final Value a;
  private final Value b;

  TrainsModel(StringTable table) {
    a = table.string("A");
    b = table.string("B");
    east = table.modelValue("east");
    west = table.modelValue("west");
  }

  @Override
  public List<String> variables() {
    return List.of("holds", "crossed");
  }

  /** TLC prints crossed before holds. */
  @Override
  public int[] printOrder() {
    return new int[] {1, 0};
  }

  private Value[] route(Value t) {
    return t == east ? new Value[] {a, b} : new Value[] {b, a};
  }

  @Override
  public void initialStates(EvalContext ctx, StateSink sink) {
    FcnValue holds = Values.fcn(new Value[] {east, west}, new Value[] {Values.set(), Values.set()});
    sink.accept(new Value[] {holds, TupleValue.EMPTY});
  }

  @Override
  public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
    FcnValue holds = (FcnValue) s[0];
    TupleValue crossed = (TupleValue) s[1];
    for (Value t : new Value[] {east, west}) {
      Value[] r = route(t);
      SetValue mine = (SetValue) holds.apply(t);
      for (int i = 0; i < r.length; i++) {
        boolean earlierHeld = true;
        for (int j = 0; j < i; j++) {
          earlierHeld &= mine.contains(r[j]);
        }
        if (!mine.contains(r[i]) && earlierHeld && free(holds, r[i])) {
          List<Value> more = new ArrayList<>();
          mine.iterator().forEachRemaining(more::add);
          more.add(r[i]);
          Value[] next = {holds.except(t, Values.set(more)), crossed};
          if (!sink.accept(next, new ActionLabel("Acquire", List.of(t), ACQUIRE))) {
            return;
          }
        }
      }
      if (mine.equals(Values.set(r))) {
        Value[] next = {holds.except(t, Values.set()), crossed.append(t)};
        if (!sink.accept(next, new ActionLabel("Cross", List.of(t), CROSS))) {
          return;
        }
      }
    }
  }

  private boolean free(FcnValue holds, Value l) {
    return !((SetValue) holds.apply(east)).contains(l) && !((SetValue) holds.apply(west)).contains(l);
  }
}
