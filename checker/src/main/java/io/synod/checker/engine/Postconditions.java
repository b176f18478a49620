package io.synod.checker.engine;

import java.util.List;

/** The POSTCONDITION check after a complete search, shared by every kind of search. */
public final class Postconditions {
  private Postconditions() {}

  /**
   * The failure of the first false POSTCONDITION (or of its evaluation), or null. {@code ctx}
   * carries the search's counts, level 0 and the registers, as TLC evaluates a POSTCONDITION
   * as a constant formula.
   */
  public static CheckResult.Failure check(SpecModel model, EvalContext ctx) {
    try {
      NamedCheck post = model.firstFalsePostcondition(ctx);
      if (post != null) {
        return new CheckResult.Failure(Verdict.POSTCONDITION, post.name(),
            "Postcondition " + post.name() + " at " + post.location() + " is false.",
            List.of(), List.of());
      }
      return null;
    } catch (SpecError e) {
      Verdict v = e.kind() == SpecError.Kind.ASSERT ? Verdict.ASSERT
          : e.kind() == SpecError.Kind.POSTCONDITION ? Verdict.POSTCONDITION : Verdict.EVAL_ERROR;
      return new CheckResult.Failure(v, null, e.getMessage(), List.of(), e.stack());
    }
  }
}
