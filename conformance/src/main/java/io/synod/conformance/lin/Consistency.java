package io.synod.conformance.lin;

/** Which orders the search must respect. */
public enum Consistency {
  /** Each operation takes effect between its invocation and completion (real-time order). */
  LINEARIZABLE,
  /** Only each process's own order counts; processes may be arbitrarily out of step. */
  SEQUENTIAL;

  public static Consistency parse(String s) {
    return switch (s) {
      case "linearizable", "linearizability" -> LINEARIZABLE;
      case "sequential" -> SEQUENTIAL;
      default -> throw new IllegalArgumentException(
          "unknown consistency level '" + s + "'; expected linearizable or sequential");
    };
  }
}
