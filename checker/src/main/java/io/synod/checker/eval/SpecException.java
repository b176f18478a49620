package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;

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
  private final transient Span span;
  private final String hint;

  public SpecException(Kind kind, String message) {
    this(kind, message, null);
  }

  public SpecException(Kind kind, String message, Span span) {
    this(kind, message, span, "");
  }

  /** @param hint Synod's own help beyond TLC's message ({@code ""} when none) */
  public SpecException(Kind kind, String message, Span span, String hint) {
    super(message);
    this.kind = kind;
    this.span = span;
    this.hint = hint;
  }

  public Kind kind() {
    return kind;
  }

  /** Where the problem is, or null when it has no place in the modules. */
  public Span span() {
    return span;
  }

  /** Synod's help beyond TLC's message, for stderr, or {@code ""}. */
  public String hint() {
    return hint;
  }
}
