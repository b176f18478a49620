package io.synod.checker.syntax;

/**
 * One problem found in a source file. Lines and columns are 1-based.
 *
 * @param file the file name or path as given to the parser
 */
public record Diagnostic(String file, int line, int column, String message) {
  /** {@code file:line:col: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
