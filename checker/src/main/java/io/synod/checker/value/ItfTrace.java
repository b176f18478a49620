package io.synod.checker.value;

import java.util.List;

/**
 * A behaviour in ITF terms: variable names, one {@code Value[]} per state (indexed like
 * {@code vars}), and for a lasso the index of the state the last one loops back to (else null).
 */
public record ItfTrace(List<String> vars, List<Value[]> states, Integer loop) {
  public ItfTrace {
    vars = List.copyOf(vars);
    states = List.copyOf(states);
    for (Value[] s : states) {
      if (s.length != vars.size()) {
        throw new IllegalArgumentException("a state has " + s.length + " values for " + vars.size() + " variables");
      }
    }
    if (loop != null && (loop < 0 || loop >= states.size())) {
      throw new IllegalArgumentException("loop index " + loop + " outside 0.." + (states.size() - 1));
    }
  }
}
