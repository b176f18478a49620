package io.synod.checker.syntax;

import static io.synod.checker.syntax.TlaPlusLexer.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Turns the raw lexer output into what {@code TlaPlusParser} expects.
 *
 * <ol>
 *   <li>Stops after the {@code ====} closing the root module (anything after it is ignored).
 *   <li>Replaces proofs, USE/HIDE and ASSUME...PROVE theorem statements by nothing (or by a
 *       SKIPPED token where the grammar needs a placeholder), and splits {@code WF_v}/{@code SF_v}.
 *   <li>Delimits bulleted junction lists by column, like INDENT/DEDENT in Python: a {@code /\}
 *       or {@code \/} in prefix position opens a list at its column (J_AND/J_OR), one at the same
 *       column on a later line adds an item (J_SEP), and a token left of the column, at the
 *       column but not the same bullet, or a closing bracket/keyword of an enclosing construct
 *       ends it (J_END).
 * </ol>
 *
 * Lexical problems (unknown characters, unterminated strings and comments) are reported to the
 * diagnostics list.
 */
final class TokenPass {
  private final String file;
  private final List<Diagnostic> diagnostics;
  /** The lexed text, for columns of lines holding TABs; null when it has none. */
  private final String tabbedText;

  TokenPass(String file, List<Diagnostic> diagnostics, String text) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.tabbedText = text != null && text.indexOf('\t') >= 0 ? text : null;
  }

  /**
   * The layout column of {@code t} (0-based) as SANY counts it for junction lists: its character
   * stream gives a TAB the width that reaches the next multiple of 8, like JavaCC's default.
   */
  int layoutColumn(Token t) {
    int start = t.getStartIndex();
    if (tabbedText == null || start < 0 || start > tabbedText.length()) {
      return t.getCharPositionInLine();
    }
    int lineStart = start;
    while (lineStart > 0 && tabbedText.charAt(lineStart - 1) != '\n'
        && tabbedText.charAt(lineStart - 1) != '\r') {
      lineStart--;
    }
    int col = 0;
    for (int i = lineStart; i < start; i++) {
      col = tabbedText.charAt(i) == '\t' ? (col / 8 + 1) * 8 : col + 1;
    }
    return col;
  }

  List<Token> run(TlaPlusLexer lexer) {
    return delimitJunctions(skipProofs(lexRootModule(lexer)));
  }

  /**
   * Tokens of a lone expression, wrapped in synthetic tokens standing for
   * {@code ---- MODULE name ---- X ==} ... {@code ====} on line 0, so the module grammar applies
   * and positions stay those of the expression text.
   */
  List<Token> runExpression(TlaPlusLexer lexer, String name) {
    List<Token> raw = new ArrayList<>();
    for (int type : new int[] {DASHES, MODULE, IDENT, DASHES, IDENT, DEFEQ}) {
      raw.add(synthetic(type, type == IDENT ? (raw.size() == 2 ? name : "X") : "", 0, 0));
    }
    Token last = raw.get(raw.size() - 1);
    while (true) {
      Token t = lexer.nextToken();
      if (t.getType() == Token.EOF) {
        break;
      }
      if (lexicalError(t, last)) {
        continue;
      }
      raw.add(t);
      last = t;
    }
    int endCol = last.getCharPositionInLine() + last.getText().length();
    raw.add(synthetic(END_MODULE, "end of expression", last.getLine(), endCol));
    raw.add(synthetic(Token.EOF, "<EOF>", last.getLine(), endCol));
    return delimitJunctions(skipProofs(raw));
  }

  private static Token synthetic(int type, String text, int line, int col) {
    CommonToken t = new CommonToken(type, text);
    t.setLine(line);
    t.setCharPositionInLine(col);
    t.setStartIndex(-1);
    t.setStopIndex(-2);
    return t;
  }

  /** Reports lexical errors; true when {@code t} is one and must be dropped. */
  private boolean lexicalError(Token t, Token prev) {
    int type = t.getType();
    if (type == UNKNOWN_CHAR) {
      error(t, "unexpected character '" + t.getText() + "'");
      return true;
    }
    if (type == DECIMAL) {
      error(t, "decimal number '" + t.getText() + "' is not supported (only natural numbers)");
      return true;
    }
    if (type == UNTERMINATED_STRING) {
      error(t, "string is not terminated before the end of the line");
      return true;
    }
    if (type == INFIX_OP && t.getText().equals("*") && prev != null && prev.getType() == LPAREN
        && prev.getStopIndex() + 1 == t.getStartIndex()) {
      error(prev, "comment '(*' is not terminated");
    }
    return false;
  }

  // ---------------------------------------------------------------- step 1: lexing

  private List<Token> lexRootModule(TlaPlusLexer lexer) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    Token prev = null;
    while (true) {
      Token t = lexer.nextToken();
      int type = t.getType();
      if (type == Token.EOF) {
        out.add(t);
        return out;
      }
      if (lexicalError(t, prev)) {
        continue;
      }
      if (type == MODULE && prev != null && prev.getType() == DASHES) {
        depth++;
      }
      out.add(t);
      prev = t;
      if (type == END_MODULE) {
        depth--;
        if (depth <= 0) {
          CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
          eof.setLine(t.getLine());
          eof.setCharPositionInLine(t.getCharPositionInLine() + t.getText().length());
          eof.setStartIndex(t.getStopIndex() + 1);
          eof.setStopIndex(t.getStopIndex());
          out.add(eof);
          return out;
        }
      }
    }
  }

  private void error(Token t, String message) {
    diagnostics.add(new Diagnostic(file, t.getLine(), t.getCharPositionInLine() + 1, message));
  }

  // ---------------------------------------------------------------- step 2: proofs, WF_/SF_

  private static boolean startsProof(int type) {
    return type == PROOF || type == BY || type == OBVIOUS || type == OMITTED || type == STEP
        || type == QED;
  }

  private static boolean endsSkip(Token t) {
    int type = t.getType();
    if (type == END_MODULE || type == DASHES || type == Token.EOF) {
      return true;
    }
    return t.getCharPositionInLine() == 0 && !startsProof(type);
  }

  private List<Token> skipProofs(List<Token> in) {
    List<Token> out = new ArrayList<>(in.size());
    boolean skipping = false;
    for (int i = 0; i < in.size(); i++) {
      Token t = in.get(i);
      int type = t.getType();
      if (skipping) {
        if (!endsSkip(t)) {
          continue;
        }
        skipping = false;
      }
      if (type != IDENT && i > 0 && in.get(i - 1).getType() == DOT && isWord(t.getText())) {
        // after r. or !. any keyword names a record field (r.NEW, [r EXCEPT !.BY = 0]), as in SANY
        out.add(retype(t, IDENT));
        continue;
      }
      if (type == IDENT && i > 0 && in.get(i - 1).getType() == DOT) {
        // r.WF_x is the field WF_x, not a fairness operator
        out.add(t);
        continue;
      }
      if (startsProof(type) || type == USE || type == HIDE) {
        skipping = true;
        continue;
      }
      if (type == THEOREM) {
        out.add(t);
        int j = i + 1;
        if (j + 1 < in.size() && in.get(j).getType() == IDENT && in.get(j + 1).getType() == DEFEQ) {
          out.add(in.get(j));
          out.add(in.get(j + 1));
          j += 2;
        }
        if (j < in.size() && in.get(j).getType() == ASSUME) {
          out.add(virtual(SKIPPED, in.get(j)));
          skipping = true;
        }
        i = j - 1;
        continue;
      }
      if (type == IDENT && t.getText().length() > 3
          && (t.getText().startsWith("WF_") || t.getText().startsWith("SF_"))) {
        splitFairness(t, out);
        continue;
      }
      if (type == IDENT && (t.getText().equals("WF_") || t.getText().equals("SF_"))) {
        out.add(retype(t, t.getText().startsWith("W") ? WF : SF));
        continue;
      }
      out.add(t);
    }
    return out;
  }

  private static void splitFairness(Token t, List<Token> out) {
    CommonToken kw = new CommonToken(t);
    kw.setType(t.getText().startsWith("W") ? WF : SF);
    kw.setText(t.getText().substring(0, 3));
    kw.setStopIndex(t.getStartIndex() + 2);
    out.add(kw);
    CommonToken rest = new CommonToken(t);
    rest.setText(t.getText().substring(3));
    rest.setCharPositionInLine(t.getCharPositionInLine() + 3);
    rest.setStartIndex(t.getStartIndex() + 3);
    out.add(rest);
  }

  private static boolean isWord(String text) {
    if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (!(c == '_' || c < 128 && Character.isLetterOrDigit(c))) {
        return false;
      }
    }
    return true;
  }

  private static Token retype(Token t, int type) {
    CommonToken c = new CommonToken(t);
    c.setType(type);
    return c;
  }

  private static CommonToken virtual(int type, Token at) {
    CommonToken c = new CommonToken(at);
    c.setType(type);
    c.setText(switch (type) {
      case J_AND -> "/\\";
      case J_OR -> "\\/";
      case J_SEP -> "bullet";
      case J_END -> "end of junction list";
      default -> at.getText();
    });
    return c;
  }

  // ---------------------------------------------------------------- step 3: junction lists

  /** What is open at a point of the token stream. */
  private enum Kind { JUNCTION, BRACKET, IF, LET, QUANT, CASE }

  private record Open(Kind kind, int column, int bullet) {}

  private static boolean endsOperand(int type) {
    return switch (type) {
      case IDENT, NUMBER, STRING, TRUE, FALSE, RPAREN, RBRACK, RBRACE, RTUPLE, PRIME, POSTFIX_OP,
          AT, J_END, UNDERSCORE, DECIMAL -> true;
      default -> false;
    };
  }

  private static boolean resetsAll(int type) {
    return switch (type) {
      case CONSTANT, VARIABLE, ASSUME, THEOREM, LOCAL, DASHES, END_MODULE, MODULE, EXTENDS,
          Token.EOF -> true;
      default -> false;
    };
  }

  private List<Token> delimitJunctions(List<Token> in) {
    List<Token> out = new ArrayList<>(in.size() + in.size() / 4);
    Deque<Open> stack = new ArrayDeque<>();
    int prevType = -1;
    Token lastReal = null;
    for (int i = 0; i < in.size(); i++) {
      Token t = in.get(i);
      int nextType = i + 1 < in.size() ? in.get(i + 1).getType() : Token.EOF;
      Token endAt = lastReal == null ? t : lastReal;
      int type = t.getType();
      int col = layoutColumn(t);
      boolean separated = false;
      if (resetsAll(type) || (col == 0 && type != AND && type != OR)) {
        popAll(stack, out, endAt);
      } else {
        separated = applyColumnRule(stack, out, t, endAt);
      }
      if (separated) {
        prevType = J_SEP;
        lastReal = t;
        continue;
      }
      if (prevType == BANG && (type == LTUPLE || type == RTUPLE || type == COLON || type == AT)) {
        // a subexpression selector (Op!<<, Op!>>, Op!:, Op!@), not a bracket or a binder's colon
        out.add(t);
        prevType = NUMBER;
        lastReal = t;
        continue;
      }
      // "F(/\, x)" passes the operator itself and "a M!/\ b" names an instance's: no bullets
      if ((type == AND || type == OR) && !endsOperand(prevType) && prevType != BANG
          && nextType != RPAREN && nextType != COMMA) {
        stack.push(new Open(Kind.JUNCTION, col, type));
        out.add(virtual(type == AND ? J_AND : J_OR, t));
        prevType = type;
        lastReal = t;
        continue;
      }
      switch (type) {
        case RPAREN, RBRACK, RBRACK_SUB, RBRACE, RTUPLE, RTUPLE_SUB ->
            closeThrough(stack, out, endAt, Kind.BRACKET, true);
        case THEN -> closeThrough(stack, out, endAt, Kind.IF, false);
        case ELSE -> closeThrough(stack, out, endAt, Kind.IF, true);
        case IN -> closeThrough(stack, out, endAt, Kind.LET, true);
        case COMMA, MAPSTO, EXCEPT -> popJunctions(stack, out, endAt);
        case COLON -> {
          popJunctions(stack, out, endAt);
          popIf(stack, Kind.QUANT);
        }
        case ARROW -> {
          Open below = firstNonJunction(stack);
          if (below != null && (below.kind == Kind.CASE || below.kind == Kind.BRACKET)) {
            while (!stack.isEmpty() && stack.peek().kind == Kind.JUNCTION) {
              stack.pop();
              out.add(virtual(J_END, endAt));
            }
          }
        }
        case LPAREN, LBRACK, LBRACE, LTUPLE -> stack.push(new Open(Kind.BRACKET, col, type));
        case IF -> stack.push(new Open(Kind.IF, col, type));
        case LET -> stack.push(new Open(Kind.LET, col, type));
        case CASE -> stack.push(new Open(Kind.CASE, col, type));
        case FORALL, EXISTS, TFORALL, TEXISTS, CHOOSE, LAMBDA ->
            stack.push(new Open(Kind.QUANT, col, type));
        default -> { }
      }
      out.add(t);
      prevType = type;
      lastReal = t;
    }
    return out;
  }

  /**
   * Closes the lists {@code t} is left of (or at the column of, without being their bullet).
   * Returns true when {@code t} is a bullet continuing an open list (J_SEP emitted instead).
   */
  private boolean applyColumnRule(Deque<Open> stack, List<Token> out, Token t,
      Token endAt) {
    int col = layoutColumn(t);
    while (true) {
      Open list = firstJunction(stack);
      if (list == null || list.column < col) {
        return false;
      }
      if (list.column == col && t.getType() == list.bullet) {
        while (stack.peek() != list) {
          stack.pop();
        }
        out.add(virtual(J_SEP, t));
        return true;
      }
      Open popped;
      do {
        popped = stack.pop();
      } while (popped != list);
      out.add(virtual(J_END, endAt));
    }
  }

  private static Open firstJunction(Deque<Open> stack) {
    for (Open o : stack) {
      if (o.kind == Kind.JUNCTION) {
        return o;
      }
    }
    return null;
  }

  /** Ends the lists (and finished CASEs) open at the top of the stack. */
  private static void popJunctions(Deque<Open> stack, List<Token> out, Token at) {
    while (!stack.isEmpty()
        && (stack.peek().kind == Kind.JUNCTION || stack.peek().kind == Kind.CASE)) {
      if (stack.pop().kind == Kind.JUNCTION) {
        out.add(virtual(J_END, at));
      }
    }
  }

  /**
   * A closing token of a {@code kind} construct: everything opened inside it ends here. Without
   * such a construct open (a syntax error the parser will report), only lists at the top end.
   */
  private static void closeThrough(Deque<Open> stack, List<Token> out, Token at, Kind kind,
      boolean popIt) {
    boolean open = false;
    for (Open o : stack) {
      if (o.kind == kind) {
        open = true;
        break;
      }
    }
    if (!open) {
      popJunctions(stack, out, at);
      return;
    }
    while (stack.peek().kind != kind) {
      if (stack.pop().kind == Kind.JUNCTION) {
        out.add(virtual(J_END, at));
      }
    }
    if (popIt) {
      stack.pop();
    }
  }

  private static void popAll(Deque<Open> stack, List<Token> out, Token at) {
    while (!stack.isEmpty()) {
      if (stack.pop().kind == Kind.JUNCTION) {
        out.add(virtual(J_END, at));
      }
    }
  }

  private static void popIf(Deque<Open> stack, Kind kind) {
    if (!stack.isEmpty() && stack.peek().kind == kind) {
      stack.pop();
    }
  }

  private static Open firstNonJunction(Deque<Open> stack) {
    for (Open o : stack) {
      if (o.kind != Kind.JUNCTION) {
        return o;
      }
    }
    return null;
  }
}
