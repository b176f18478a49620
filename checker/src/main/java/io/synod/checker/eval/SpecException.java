package io.synod.checker.eval;

/**
 * The specification or model cannot be checked: an unknown name, a module that cannot be found,
 * a constant the configuration does not assign, an unsupported construct. {@link #kind()} tells
 * which TLC exit code applies (150 semantic error, 151 config error).
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which phase found the problem. */
  public enum Kind {
    /** A semantic error in the modules (TLC exit 150). */
    SEMANTIC,
    /** The configuration does not fit the specification (TLC exit 151). */
    CONFIG
  }

  private final Kind kind;

  public SpecException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
