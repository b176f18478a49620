package io.synod.conformance.history;

/**
 * A history that cannot be read: malformed text, a missing field, or events that do not pair
 * up (a completion without an invocation, two outstanding invocations on one process). The
 * message always starts with {@code file:line:col:} so a person can jump to the spot.
 */
public final class HistoryFormatException extends RuntimeException {
  private final String source;
  private final int line;
  private final int column;
  private final String detail;

  public HistoryFormatException(String source, int line, int column, String detail) {
    super(source + ":" + line + ":" + column + ": " + detail);
    this.source = source;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /**
   * A history with no operation at all (an empty file, {@code []}): nothing was recorded, so
   * nothing can be judged. (A run in which only the nemesis acted is a history, and valid.)
   */
  static HistoryFormatException empty(String source) {
    return new HistoryFormatException(source, 1, 1,
        "the history is empty: expected operations such as {:process 0, :type :invoke, :f :read, :value nil}");
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the location prefix. */
  public String detail() {
    return detail;
  }
}
