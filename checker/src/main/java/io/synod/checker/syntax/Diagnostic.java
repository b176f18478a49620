package io.synod.checker.syntax;

import java.util.List;

/**
 * One problem found in a source file. Lines and columns are 1-based.
 *
 * @param file the file name or path as given to the parser
 * @param detail for a syntax error, the tokens around it and the constructs being parsed (so a
 *     caller can report it as SANY does); {@code null} for other problems
 */
public record Diagnostic(String file, int line, int column, String message, SyntaxDetail detail) {

  /** A problem without syntax detail. */
  public Diagnostic(String file, int line, int column, String message) {
    this(file, line, column, message, null);
  }

  /**
   * Where a syntax error happened, in SANY's terms.
   *
   * @param token the text of the token that could not be parsed
   * @param previousToken the text of the token before it, or {@code null} at the start
   * @param constructs the constructs being parsed, innermost first
   */
  public record SyntaxDetail(String token, String previousToken, List<Construct> constructs) {
    public SyntaxDetail {
      constructs = List.copyOf(constructs);
    }
  }

  /** A construct being parsed, named as SANY's "residual stack trace" names it. */
  public record Construct(String name, int line, int column) {}

  /** {@code file:line:col: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
