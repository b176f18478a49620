package io.synod.checker.engine;

/** The spec or config could not be turned into a model; carries the verdict (and so TLC's exit code). */
public class FrontendException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Verdict verdict;
  private final String file;
  private final int line;
  private final int column;
  private String hint = "";

  /**
   * @param message the text printed after {@code "Error: "}
   * @param verdict PARSE_ERROR (parse or semantic error), CONFIG_ERROR, EVAL_ERROR or ASSERT
   *     (evaluating a constant failed)
   */
  public FrontendException(String message, Verdict verdict) {
    this(message, verdict, null, 0, 0);
  }

  /** An error at a known spot: the command line shows it as {@code file:line:col} as well. */
  public FrontendException(String message, Verdict verdict, String file, int line, int column) {
    super(message, null, false, false);
    this.verdict = verdict;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The file of the error, or null when it has no position (1-based line and column then). */
  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** Adds Synod's own help, printed on stderr since stdout keeps TLC's report. */
  public FrontendException withHint(String text) {
    this.hint = text;
    return this;
  }

  /** Synod's help beyond TLC's message, or {@code ""}. */
  public String hint() {
    return hint;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** TLC's exit code for {@link #verdict}. */
  public int exitCode() {
    return verdict.exitCode();
  }
}
