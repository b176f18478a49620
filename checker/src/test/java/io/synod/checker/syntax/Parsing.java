package io.synod.checker.syntax;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Unit;

/** Test helpers: parse snippets wrapped in a module. */
final class Parsing {
  private Parsing() {}

  static Module module(String body) throws ParseException {
    return TlaParser.parseModule("---- MODULE T ----\n" + body + "\n====\n", "T.tla");
  }

  /** Parses {@code text} as the body of a definition {@code X == text}. */
  static Expr expr(String text) throws ParseException {
    Module m = module("X == " + text);
    return ((Unit.OpDef) m.units().get(0)).body();
  }

  /** The fully parenthesized form of {@code text}, showing how it was grouped. */
  static String grouped(String text) throws ParseException {
    return AstPrinter.print(expr(text));
  }

  /** The diagnostics of a module body that must fail. */
  static ParseException failure(String body) {
    try {
      module(body);
    } catch (ParseException e) {
      return e;
    }
    throw new AssertionError("expected a parse error for:\n" + body);
  }
}
