package io.synod.checker.engine;

import java.util.List;

/**
 * A state TLC cannot fingerprint because it holds a set it cannot sort ({@code {1, "a"}}). TLC
 * reports the sort's error as an unexpected exception with the behaviour up to the state being
 * expanded (it fails again when it tries to print the new state), then, replaying that step to
 * locate the error, "TLC was unable to fingerprint." with the expressions that made the value
 * (exit 75).
 */
public final class UnfingerprintableState extends SpecError {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * @param reason the error of TLC's sort
   * @param source where the set was written ({@code line 5, col 37 to line 5, col 44 of module
   *     M}), or null when unknown
   */
  public UnfingerprintableState(String reason, String source) {
    super(Kind.EVALUATION, reason, List.of());
    this.source = source;
  }

  /**
   * The error as TLC prints an exception no part of its checker catches (when its report of an
   * initial state fails on printing the state): the run ends there, without statistics, exit 255.
   */
  public String uncaughtReport() {
    return UNCAUGHT_PREAMBLE + getMessage();
  }

  /** What TLC prints before the message of an exception nothing caught. */
  public static final String UNCAUGHT_PREAMBLE = "TLC threw an unexpected exception.\n"
      + "This was probably caused by an error in the spec or model.\n"
      + "See the User Output or TLC Console for clues to what happened.\n"
      + "The exception was a java.lang.RuntimeException\n: ";

  /** TLC's report of its replay, after the behaviour. */
  public String replayReport() {
    return "TLC was unable to fingerprint.\n\nFingerprint Stack Trace:\n"
        + (source == null ? "" : "0) " + source + "\n") + "\nReason:\n" + getMessage();
  }
}
