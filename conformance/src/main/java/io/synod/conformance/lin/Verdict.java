package io.synod.conformance.lin;

/** The answer for a history or one of its partitions. */
public enum Verdict {
  VALID,
  INVALID,
  /** The time or memory budget ran out before an answer was found. */
  UNKNOWN;

  /** As Knossos writes {@code :valid?}: true, false or :unknown. */
  public String ednValue() {
    return switch (this) {
      case VALID -> "true";
      case INVALID -> "false";
      case UNKNOWN -> ":unknown";
    };
  }
}
