package io.synod.checker.syntax.ast;

/**
 * A region of source text. Lines and columns are 1-based; the end column is the column of the
 * last character (inclusive), as in TLC's "line L, col C to line L2, col C2 of module M".
 *
 * <p>Spans never take part in structural comparisons of trees (see {@link AstEquality}).
 *
 * @param module name of the module the text belongs to
 * @param file path of the file as given to the parser (used in diagnostics)
 */
public record Span(String module, String file, int beginLine, int beginCol, int endLine, int endCol) {

  /** A span for nodes that were synthesized rather than read (e.g. by generators in tests). */
  public static final Span NONE = new Span("", "", 0, 0, 0, 0);

  /** The smallest span covering both {@code this} and {@code other}. */
  public Span to(Span other) {
    return new Span(module, file, beginLine, beginCol, other.endLine, other.endCol);
  }

  /** TLC's wording: {@code line 9, col 9 to line 9, col 20 of module Broken}. */
  public String describe() {
    return "line " + beginLine + ", col " + beginCol + " to line " + endLine + ", col " + endCol
        + " of module " + module;
  }

  /** Compiler-style position: {@code file:line:col}. */
  public String position() {
    return file + ":" + beginLine + ":" + beginCol;
  }

  // written out for the reason given at Symbol#hashCode: no method-handle bootstrap on first use
  @Override
  public boolean equals(Object o) {
    return o instanceof Span s && s.beginLine == beginLine && s.beginCol == beginCol
        && s.endLine == endLine && s.endCol == endCol && s.module.equals(module) && s.file.equals(file);
  }

  @Override
  public int hashCode() {
    int h = module.hashCode();
    h = 31 * h + file.hashCode();
    h = 31 * h + beginLine;
    h = 31 * h + beginCol;
    h = 31 * h + endLine;
    return 31 * h + endCol;
  }

  @Override
  public String toString() {
    return describe();
  }
}
