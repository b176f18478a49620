package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;
import java.util.List;

/**
 * The action that produced a step, as TLC names it in a trace:
 * {@code Sell(north,"bolt") line 29, col 15 to line 31, col 53 of module Inventory}.
 * The evaluator may share one label between steps (labels are immutable).
 *
 * @param name the operator name of the action ({@code Next} when the next-state relation is not
 *     split into named actions)
 * @param args the values of the action's parameters, empty for an action without parameters
 * @param span the action's definition body
 * @param params the names of the operator's parameters that {@code args} are the values of
 *     (TLC's {@code context} of the action in {@code CounterExample}), empty when unknown
 */
public record ActionLabel(String name, List<Value> args, Span span, List<String> params) {

  /** The pseudo-action of initial states; TLC prints {@code <Initial predicate>}. */
  public static final ActionLabel INITIAL = new ActionLabel("Initial predicate", List.of(), null);

  public ActionLabel {
    args = List.copyOf(args);
    params = List.copyOf(params);
  }

  public ActionLabel(String name, List<Value> args, Span span) {
    this(name, args, span, List.of());
  }

  /** The name with TLC's argument list, arguments without spaces: {@code Sell(north,"bolt")}. */
  public String nameWithArgs() {
    if (args.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      args.get(i).appendTo(sb);
    }
    return sb.append(')').toString();
  }

  /** The text between TLC's angle brackets in a trace header line. */
  public String describe() {
    if (span == null) {
      return nameWithArgs();
    }
    return nameWithArgs() + " " + span.describe();
  }
}
