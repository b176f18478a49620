package io.synod.checker.syntax;

import static io.synod.checker.syntax.TlaPlusParser.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR error strategy that reports syntax errors in TLA+ terms ("expected THEN, found 'x'")
 * into a diagnostics list instead of printing to the console. Recovery is ANTLR's default, so
 * several independent errors can be reported in one run.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
  private static final int MAX_ERRORS = 20;

  private final String file;
  private final List<Diagnostic> diagnostics;

  /**
   * Rule nesting beyond which an error ends the parse instead of being recovered from: ANTLR's
   * recovery computes its resynchronisation set over the whole rule stack, at every level being
   * unwound, which is quadratic in the nesting (seconds for a few thousand nested brackets).
   * The first error has been reported by then.
   */
  private static final int RECOVERY_DEPTH = 600;

  SyntaxErrors(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    stopIfDeep(recognizer, e);
    super.recover(recognizer, e);
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    stopIfDeep(recognizer, null);
    return super.recoverInline(recognizer);
  }

  private void stopIfDeep(Parser recognizer, RecognitionException e) {
    if (!diagnostics.isEmpty() && recognizer.getContext() != null
        && recognizer.getContext().depth() > RECOVERY_DEPTH) {
      throw new org.antlr.v4.runtime.misc.ParseCancellationException(e);
    }
  }

  @Override
  protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
    Token t = e.getOffendingToken();
    report(recognizer, t, "unexpected " + describe(t) + expectedSuffix(recognizer, t));
  }

  @Override
  protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
    Token t = e.getOffendingToken();
    report(recognizer, t, expectedMessage(recognizer, e.getExpectedTokens(), t));
  }

  @Override
  protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
    report(recognizer, e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()));
  }

  @Override
  protected void reportUnwantedToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    Token t = recognizer.getCurrentToken();
    report(recognizer, t, "unexpected " + describe(t) + expectedSuffix(recognizer, t));
  }

  @Override
  protected void reportMissingToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    Token t = recognizer.getCurrentToken();
    report(recognizer, t, expectedMessage(recognizer, getExpectedTokens(recognizer), t));
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    if (e instanceof NoViableAltException n) {
      reportNoViableAlternative(recognizer, n);
    } else if (e instanceof InputMismatchException m) {
      reportInputMismatch(recognizer, m);
    } else if (e instanceof FailedPredicateException f) {
      reportFailedPredicate(recognizer, f);
    } else {
      report(recognizer, e.getOffendingToken(), "syntax error at " + describe(e.getOffendingToken()));
    }
  }

  private String expectedSuffix(Parser recognizer, Token t) {
    List<String> expected = expectedNames(recognizer.getExpectedTokens());
    if (expected.isEmpty()) {
      return "";
    }
    return "; expected " + join(expected);
  }

  private String expectedMessage(Parser recognizer, IntervalSet set, Token t) {
    List<String> expected = expectedNames(set);
    String found = describe(t);
    if (expected.isEmpty()) {
      return "unexpected " + found;
    }
    String msg = "expected " + join(expected) + ", found " + found;
    if (t.getType() == EQ && set.contains(DEFEQ)) {
      msg += " (a definition is written 'Name == expression')";
    }
    return msg;
  }

  /** Tokens that close a construct: when one of them is possible, it is what the user missed. */
  private static final int[] CLOSERS = {THEN, ELSE, IN, RPAREN, RBRACK, RBRACE, RTUPLE, COLON, ARROW,
      MAPSTO, END_MODULE};

  private void report(Parser recognizer, Token t, String message) {
    if (diagnostics.size() >= MAX_ERRORS) {
      return;
    }
    String where = context(recognizer.getContext());
    ParserRuleContext let = enclosing(recognizer.getContext(), LetExprContext.class);
    if (let != null && ((LetExprContext) let).IN() == null && (t.getType() == END_MODULE || t.getType() == Token.EOF
        || t.getCharPositionInLine() == 0)) {
      message = "expected IN to end the LET at line " + let.getStart().getLine() + ", col "
          + (let.getStart().getCharPositionInLine() + 1) + ", found " + describe(t);
      where = "";
    }
    if (t.getType() == DEFEQ && !message.startsWith("expected '=='")) {
      message = "unexpected '==' (equality is written '='; '==' starts a definition)";
    }
    // synthetic tokens around a lone expression sit on line 0
    diagnostics.add(new Diagnostic(file, Math.max(1, t.getLine()), t.getCharPositionInLine() + 1,
        message + where, detail(recognizer, t)));
  }

  private static Diagnostic.SyntaxDetail detail(Parser recognizer, Token t) {
    Token prev = recognizer.getInputStream().LT(1) == t ? recognizer.getInputStream().LT(-1) : null;
    List<Diagnostic.Construct> constructs = new ArrayList<>();
    for (ParserRuleContext c = recognizer.getContext(); c != null; c = c.getParent()) {
      constructs(c, constructs);
    }
    return new Diagnostic.SyntaxDetail(t.getType() == Token.EOF ? "<EOF>" : t.getText(),
        prev == null ? null : prev.getText(), constructs);
  }

  /**
   * The SANY names of the constructs {@code c} stands for, innermost first. Only constructs whose
   * SANY name is known are named; the others are left out of the stack.
   */
  private static void constructs(ParserRuleContext c, List<Diagnostic.Construct> out) {
    if (c instanceof IfExprContext) {
      add(out, "IF THEN ELSE", c.getStart());
    } else if (c instanceof CaseExprContext) {
      add(out, "CASE Expression", c.getStart());
    } else if (c instanceof ExprContext) {
      add(out, "Expression", c.getStart());
    } else if (c instanceof DefinitionContext) {
      add(out, "Definition", c.getStart());
    } else if (c instanceof ModuleContext m) {
      if (!m.unit().isEmpty()) {
        add(out, "Module body", m.unit(0).getStart());
      }
      add(out, "Module definition", m.getStart());
    }
  }

  private static void add(List<Diagnostic.Construct> out, String name, Token start) {
    // synthetic tokens (junction bullets, a lone expression's frame) sit on line 0
    if (start != null && start.getLine() > 0) {
      out.add(new Diagnostic.Construct(name, start.getLine(), start.getCharPositionInLine() + 1));
    }
  }

  private static ParserRuleContext enclosing(ParserRuleContext ctx, Class<?> type) {
    for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
      if (type.isInstance(c)) {
        return c;
      }
    }
    return null;
  }

  /** Names the innermost construct being parsed, as SANY's "residual stack trace" does. */
  private static String context(ParserRuleContext ctx) {
    for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
      String what = null;
      if (c instanceof IfExprContext) {
        what = "IF/THEN/ELSE";
      } else if (c instanceof CaseExprContext) {
        what = "CASE";
      } else if (c instanceof LetExprContext) {
        what = "LET/IN";
      } else if (c instanceof ExceptTailContext) {
        what = "EXCEPT";
        // the construct starts at the bracket before the function
        c = c.getParent();
      } else if (c instanceof BoundedQuantExprContext || c instanceof UnboundedQuantExprContext) {
        what = "quantifier";
      } else if (c instanceof JunctionExprContext) {
        what = "junction list";
      } else if (c instanceof DefinitionContext) {
        what = "definition";
      } else if (c instanceof InstanceContext) {
        what = "INSTANCE";
      }
      if (what != null && c.getStart() != null && c.getStart().getLine() > 0) {
        return " (in " + what + " starting at line " + c.getStart().getLine() + ", col "
            + (c.getStart().getCharPositionInLine() + 1) + ")";
      }
    }
    return "";
  }

  private static String join(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  /** Token kinds worth naming: operator continuations are dropped when structure is expected. */
  static List<String> expectedNames(IntervalSet set) {
    Set<Integer> types = new LinkedHashSet<>(set.toList());
    boolean afterOperand = types.contains(INFIX_OP);
    boolean expressionStart = types.contains(IDENT) && types.contains(NUMBER);
    List<String> out = new ArrayList<>();
    if (expressionStart) {
      out.add("an expression");
    }
    for (int type : types) {
      if (afterOperand && isContinuation(type)) {
        continue;
      }
      if (expressionStart && startsExpression(type)) {
        continue;
      }
      out.add(name(type));
    }
    if (out.size() > 6) {
      List<String> closers = new ArrayList<>();
      for (int c : CLOSERS) {
        if (types.contains(c)) {
          closers.add(name(c));
        }
      }
      return closers;
    }
    return out;
  }

  private static boolean isContinuation(int type) {
    return switch (type) {
      // IDENT: the instance of an infix operator, as in "a M!+ b"
      case INFIX_OP, MINUS, EQ, IN_OP, AND, OR, TIMES, LBRACK, DOT, PRIME, POSTFIX_OP, LPAREN, BANG,
          DCOLON, IDENT -> true;
      default -> false;
    };
  }

  private static boolean startsExpression(int type) {
    return switch (type) {
      case IDENT, NUMBER, STRING, TRUE, FALSE, AT, LPAREN, LBRACK, LBRACE, LTUPLE, WF, SF, IF, CASE,
          LET, FORALL, EXISTS, TFORALL, TEXISTS, CHOOSE, LAMBDA, J_AND, J_OR, MINUS, NOT, BOX,
          DIAMOND, ENABLED, UNCHANGED, SUBSET, UNION, DOMAIN -> true;
      default -> false;
    };
  }

  static String describe(Token t) {
    return switch (t.getType()) {
      case Token.EOF -> "end of file";
      case J_END -> "end of a bulleted list";
      case J_SEP -> "a new bullet of a /\\ or \\/ list";
      default -> "'" + t.getText() + "'";
    };
  }

  static String name(int type) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case DEFEQ -> "'=='";
      case END_MODULE -> "'====' (end of module)";
      case DASHES -> "'----'";
      case IDENT -> "an identifier";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case INFIX_OP -> "an infix operator";
      case J_AND, J_OR -> "a bulleted list";
      case J_SEP -> "a bullet";
      case J_END -> "end of a bulleted list";
      case SKIPPED -> "a theorem";
      case RBRACK_SUB -> "']_'";
      case RTUPLE_SUB -> "'>>_'";
      case WF -> "WF_";
      case SF -> "SF_";
      default -> {
        String literal = VOCABULARY.getLiteralName(type);
        if (literal != null) {
          yield literal;
        }
        String symbolic = VOCABULARY.getSymbolicName(type);
        yield symbolicDisplay(symbolic == null ? "token " + type : symbolic);
      }
    };
  }

  private static String symbolicDisplay(String symbolic) {
    return switch (symbolic) {
      case "LPAREN" -> "'('";
      case "RPAREN" -> "')'";
      case "LBRACK" -> "'['";
      case "RBRACK" -> "']'";
      case "LBRACE" -> "'{'";
      case "RBRACE" -> "'}'";
      case "LTUPLE" -> "'<<'";
      case "RTUPLE" -> "'>>'";
      case "COMMA" -> "','";
      case "COLON" -> "':'";
      case "DCOLON" -> "'::'";
      case "DOT" -> "'.'";
      case "BANG" -> "'!'";
      case "AT" -> "'@'";
      case "UNDERSCORE" -> "'_'";
      case "ARROW" -> "'->'";
      case "MAPSTO" -> "'|->'";
      case "LARROW" -> "'<-'";
      case "EQ" -> "'='";
      case "MINUS" -> "'-'";
      case "NEG_DEF" -> "'-.'";
      case "AND" -> "'/\\'";
      case "OR" -> "'\\/'";
      case "NOT" -> "'~'";
      case "IN_OP" -> "'\\in'";
      case "TIMES" -> "'\\X'";
      case "BOX" -> "'[]'";
      case "DIAMOND" -> "'<>'";
      case "PRIME" -> "'''";
      case "POSTFIX_OP" -> "a postfix operator";
      case "FORALL" -> "'\\A'";
      case "EXISTS" -> "'\\E'";
      case "TFORALL" -> "'\\AA'";
      case "TEXISTS" -> "'\\EE'";
      default -> symbolic;
    };
  }
}
