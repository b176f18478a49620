package io.synod.checker.engine;

import io.synod.checker.liveness.LiveExpr;
import java.util.ArrayList;
import java.util.List;

/** Which temporal properties a lasso violates, and TLC's sentence naming them. */
final class ViolatedProperties {
  private ViolatedProperties() {}

  /**
   * The properties false on the lasso, in config order, each once (a counterexample is found for
   * their disjunction, so each is evaluated on it).
   */
  static List<String> names(LivenessModel live, long[] stateBits, long[] actionBits, int loop) {
    List<String> names = new ArrayList<>();
    for (LivenessModel.Property p : live.properties()) {
      if (!LiveExpr.holdsOnLasso(p.formula(), stateBits, actionBits, loop) && !names.contains(p.name())) {
        names.add(p.name());
      }
    }
    return names;
  }

  static String message(List<String> names) {
    return names.size() == 1 ? "Temporal property " + names.get(0) + " was violated."
        : names.isEmpty() ? "Temporal properties were violated."
        : "Temporal properties " + String.join(", ", names) + " were violated.";
  }
}
