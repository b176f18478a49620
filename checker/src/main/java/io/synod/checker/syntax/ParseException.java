package io.synod.checker.syntax;

import java.util.List;

/** A module could not be parsed; {@link #diagnostics()} says where and why (first error first). */
public final class ParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public ParseException(List<Diagnostic> diagnostics) {
    super(render(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String render(List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(d);
    }
    return sb.toString();
  }
}
