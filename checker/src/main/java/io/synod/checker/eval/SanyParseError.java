package io.synod.checker.eval;

import io.synod.checker.engine.Output;
import io.synod.checker.syntax.Diagnostic;
import java.util.List;

/**
 * Prints a parse failure the way TLC does (SANY's report): the first syntax error as
 * {@code Encountered "tok" at line L, column C and token "prev"} with the residual stack of the
 * constructs being parsed, then the fatal-error summary. SANY stops at the first syntax error,
 * so later diagnostics are not shown; a diagnostic without syntax detail is shown as
 * {@code file:line:col: message}.
 */
final class SanyParseError {
  private SanyParseError() {}

  static void print(List<Diagnostic> diagnostics, String module, String fileName, Output out) {
    out.println("***Parse Error***");
    Diagnostic d = diagnostics.isEmpty() ? null : diagnostics.get(0);
    if (d != null && d.detail() != null) {
      Diagnostic.SyntaxDetail s = d.detail();
      StringBuilder sb = new StringBuilder("Encountered \"").append(s.token()).append("\" at line ")
          .append(d.line()).append(", column ").append(d.column());
      if (s.previousToken() != null) {
        sb.append(" and token \"").append(s.previousToken()).append('"');
      }
      out.println(sb.append(' ').toString());
      out.println("");
      out.println("Residual stack trace follows:");
      for (Diagnostic.Construct c : s.constructs()) {
        out.println(c.name() + " starting at line " + c.line() + ", column " + c.column() + ".");
      }
      out.println("");
    } else if (d != null) {
      out.println(d.toString());
    }
    out.println("");
    out.println("Fatal errors while parsing TLA+ spec in file " + module);
    out.println("");
    String couldNot = "Could not parse module " + module + " from file " + fileName;
    out.println("In module " + module);
    out.println("");
    out.println(couldNot);
    out.println("*** Errors: 1");
    out.println("");
    out.println("In module " + module);
    out.println("");
    out.println(couldNot);
    out.println("");
    out.println("");
    out.println("");
  }
}
