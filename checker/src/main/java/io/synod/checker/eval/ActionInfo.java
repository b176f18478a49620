package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;
import java.util.List;

/**
 * One action of the next-state relation as TLC splits it: the operator it comes from, the
 * values of that operator's parameters, and the span of the action's formula. {@link #label()}
 * is TLC's trace label, e.g. {@code Sell(north,"bolt") line 29, col 15 to line 31, col 53 of
 * module Inventory}; the initial predicate's label is {@code Initial predicate}.
 *
 * @param index position in the next-state relation (-1 for the initial predicate)
 * @param params the names of the operator's parameters {@code arguments} are the values of, empty
 *     when the action is not an operator's application
 */
public record ActionInfo(int index, String name, List<Value> arguments, Span span,
    List<String> params) {

  /** The pseudo-action of initial states. */
  public static final ActionInfo INITIAL = new ActionInfo(-1, "Initial predicate", List.of(), null);

  public ActionInfo {
    arguments = List.copyOf(arguments);
    params = List.copyOf(params);
  }

  public ActionInfo(int index, String name, List<Value> arguments, Span span) {
    this(index, name, arguments, span, List.of());
  }

  /** TLC's label, printed between angle brackets in traces. */
  public String label() {
    if (span == null) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name);
    if (!arguments.isEmpty()) {
      sb.append('(');
      for (int i = 0; i < arguments.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(arguments.get(i));
      }
      sb.append(')');
    }
    return sb.append(' ').append(span.describe()).toString();
  }
}
