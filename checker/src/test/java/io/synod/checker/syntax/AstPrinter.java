package io.synod.checker.syntax;

import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.ExprVisitor;
import io.synod.checker.syntax.ast.Fixity;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.syntax.ast.UnitVisitor;
import java.util.List;

/**
 * Prints syntax trees back as TLA+ text that parses to an equal tree (spans aside). Operands that
 * are not atomic are parenthesized, so no precedence knowledge is needed to read the output;
 * junction lists are laid out one bullet per line, aligned by column.
 */
public final class AstPrinter implements ExprVisitor<Void>, UnitVisitor<Void> {
  private final StringBuilder out = new StringBuilder();
  private int column;
  /** Inside LET the next definition follows on the same line, so a bare list cannot end a body. */
  private boolean inLet;

  private AstPrinter() {}

  /** TLA+ text of {@code e}. */
  public static String print(Expr e) {
    AstPrinter p = new AstPrinter();
    e.accept(p);
    return p.out.toString();
  }

  /** TLA+ text of a whole module (nested modules included). */
  public static String print(Module m) {
    AstPrinter p = new AstPrinter();
    m.accept(p);
    return p.out.toString();
  }

  // ------------------------------------------------------------------ output with columns

  private AstPrinter w(String s) {
    out.append(s);
    int nl = s.lastIndexOf('\n');
    column = nl < 0 ? column + s.length() : s.length() - nl - 1;
    return this;
  }

  private void newline(int indent) {
    w("\n" + " ".repeat(indent));
  }

  private void expr(Expr e) {
    e.accept(this);
  }

  /** Prints {@code e} so that it can stand next to operators: parenthesized unless atomic. */
  private void operand(Expr e) {
    if (atomic(e)) {
      expr(e);
    } else {
      w("(");
      expr(e);
      w(")");
    }
  }

  private static boolean atomic(Expr e) {
    if (e instanceof Expr.OpApp o) {
      return o.fixity() == Fixity.NORMAL;
    }
    return e instanceof Expr.NumberLit || e instanceof Expr.StringLit || e instanceof Expr.BoolLit
        || e instanceof Expr.At || e instanceof Expr.SetEnum || e instanceof Expr.SetFilter
        || e instanceof Expr.SetMap || e instanceof Expr.FunCons || e instanceof Expr.FunSet
        || e instanceof Expr.RecordCons || e instanceof Expr.RecordSet || e instanceof Expr.Except
        || e instanceof Expr.Tuple || e instanceof Expr.FunApp || e instanceof Expr.FieldAccess
        || e instanceof Expr.BoxAction || e instanceof Expr.AngleAction
        || e instanceof Expr.Fairness;
  }

  private void list(List<Expr> es) {
    for (int i = 0; i < es.size(); i++) {
      if (i > 0) {
        w(", ");
      }
      expr(es.get(i));
    }
  }

  private void binders(List<Binder> bs) {
    for (int i = 0; i < bs.size(); i++) {
      if (i > 0) {
        w(", ");
      }
      binder(bs.get(i));
    }
  }

  private void binder(Binder b) {
    if (b.tuple()) {
      w("<<").names(b.names()).w(">>");
    } else {
      names(b.names());
    }
    if (b.domain() != null) {
      w(" \\in ");
      expr(b.domain());
    }
  }

  private AstPrinter names(List<Name> names) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        w(", ");
      }
      w(names.get(i).text());
    }
    return this;
  }

  private static String prefixSymbol(String name) {
    return switch (name) {
      case Operators.NEG -> "-";
      case Operators.ENABLED, Operators.UNCHANGED, Operators.SUBSET, Operators.UNION,
          Operators.DOMAIN -> name + " ";
      default -> name;
    };
  }

  // ------------------------------------------------------------------ expressions

  @Override
  public Void visitNumberLit(Expr.NumberLit e) {
    w(e.value().toString());
    return null;
  }

  @Override
  public Void visitStringLit(Expr.StringLit e) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : e.value().toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '\f' -> sb.append("\\f");
        default -> sb.append(c);
      }
    }
    w(sb.append('"').toString());
    return null;
  }

  @Override
  public Void visitBoolLit(Expr.BoolLit e) {
    w(e.value() ? "TRUE" : "FALSE");
    return null;
  }

  @Override
  public Void visitOpApp(Expr.OpApp e) {
    switch (e.fixity()) {
      case PREFIX -> {
        if (e.args().isEmpty()) {
          w(e.name());
        } else {
          w(prefixSymbol(e.name()));
          operand(e.args().get(0));
        }
      }
      case POSTFIX -> {
        if (!e.args().isEmpty()) {
          operand(e.args().get(0));
        }
        w(e.name());
      }
      case INFIX -> {
        if (e.args().isEmpty()) {
          w(e.name());
        } else {
          operand(e.args().get(0));
          w(" ");
          path(e.path());
          // "M!!! b" would lex as "!!" "!": keep the operator apart from the path's "!"
          w((!e.path().isEmpty() && e.name().startsWith("!") ? " " : "") + e.name() + " ");
          operand(e.args().get(1));
        }
      }
      default -> {
        path(e.path());
        w(e.name());
        if (!e.args().isEmpty()) {
          w(openArgs(e.args()));
          list(e.args());
          w(")");
        }
      }
    }
    return null;
  }

  /**
   * The opening parenthesis of an argument list, with a space when the first argument is an
   * operator symbol: "F(*" would open a comment and "F(+)" would lex as the operator (+).
   */
  private static String openArgs(List<Expr> args) {
    return args.get(0) instanceof Expr.OpApp o && o.args().isEmpty() && !o.name().isEmpty()
        && !Character.isLetterOrDigit(o.name().charAt(0)) && o.name().charAt(0) != '_' ? "( " : "(";
  }

  private void path(List<Expr.InstanceStep> steps) {
    for (Expr.InstanceStep s : steps) {
      w(s.name());
      if (!s.args().isEmpty()) {
        w(openArgs(s.args()));
        list(s.args());
        w(")");
      }
      w("!");
    }
  }

  @Override
  public Void visitAt(Expr.At e) {
    w("@");
    return null;
  }

  @Override
  public Void visitLambda(Expr.Lambda e) {
    w("LAMBDA ");
    for (int i = 0; i < e.params().size(); i++) {
      w(i > 0 ? ", " : "").w(e.params().get(i).name());
    }
    w(" : ");
    expr(e.body());
    return null;
  }

  @Override
  public Void visitQuant(Expr.Quant e) {
    w(switch (e.kind()) {
      case FORALL -> "\\A ";
      case EXISTS -> "\\E ";
      case TEMPORAL_FORALL -> "\\AA ";
      case TEMPORAL_EXISTS -> "\\EE ";
    });
    binders(e.binders());
    w(" : ");
    expr(e.body());
    return null;
  }

  @Override
  public Void visitChoose(Expr.Choose e) {
    w("CHOOSE ");
    binder(e.binder());
    w(" : ");
    expr(e.body());
    return null;
  }

  @Override
  public Void visitSetEnum(Expr.SetEnum e) {
    w("{");
    list(e.elements());
    w("}");
    return null;
  }

  @Override
  public Void visitSetFilter(Expr.SetFilter e) {
    w("{");
    binder(e.binder());
    w(" : ");
    expr(e.predicate());
    w("}");
    return null;
  }

  @Override
  public Void visitSetMap(Expr.SetMap e) {
    w("{");
    operand(e.body());
    w(" : ");
    binders(e.binders());
    w("}");
    return null;
  }

  @Override
  public Void visitFunCons(Expr.FunCons e) {
    w("[");
    binders(e.binders());
    w(" |-> ");
    expr(e.body());
    w("]");
    return null;
  }

  @Override
  public Void visitFunApp(Expr.FunApp e) {
    operand(e.function());
    w("[");
    list(e.args());
    w("]");
    return null;
  }

  @Override
  public Void visitFunSet(Expr.FunSet e) {
    w("[");
    operand(e.domain());
    w(" -> ");
    expr(e.range());
    w("]");
    return null;
  }

  private void fields(List<Expr.Field> fields, String sep) {
    w("[");
    for (int i = 0; i < fields.size(); i++) {
      w(i > 0 ? ", " : "").w(fields.get(i).name()).w(sep);
      expr(fields.get(i).value());
    }
    w("]");
  }

  @Override
  public Void visitRecordCons(Expr.RecordCons e) {
    fields(e.fields(), " |-> ");
    return null;
  }

  @Override
  public Void visitRecordSet(Expr.RecordSet e) {
    fields(e.fields(), " : ");
    return null;
  }

  @Override
  public Void visitFieldAccess(Expr.FieldAccess e) {
    operand(e.record());
    w(".").w(e.field());
    return null;
  }

  @Override
  public Void visitExcept(Expr.Except e) {
    w("[");
    expr(e.function());
    w(" EXCEPT ");
    for (int i = 0; i < e.updates().size(); i++) {
      Expr.ExceptUpdate u = e.updates().get(i);
      w(i > 0 ? ", !" : "!");
      for (Expr.PathElem p : u.path()) {
        if (p instanceof Expr.FieldSel f) {
          w(".").w(f.name());
        } else {
          w("[");
          list(((Expr.IndexSel) p).indices());
          w("]");
        }
      }
      w(" = ");
      expr(u.value());
    }
    w("]");
    return null;
  }

  @Override
  public Void visitTuple(Expr.Tuple e) {
    w("<<");
    list(e.elements());
    w(">>");
    return null;
  }

  @Override
  public Void visitProduct(Expr.Product e) {
    for (int i = 0; i < e.factors().size(); i++) {
      if (i > 0) {
        w(" \\X ");
      }
      operand(e.factors().get(i));
    }
    return null;
  }

  @Override
  public Void visitIf(Expr.If e) {
    w("IF ");
    expr(e.condition());
    w(" THEN ");
    expr(e.then());
    w(" ELSE ");
    expr(e.otherwise());
    return null;
  }

  @Override
  public Void visitCase(Expr.Case e) {
    w("CASE ");
    for (int i = 0; i < e.arms().size(); i++) {
      w(i > 0 ? " [] " : "");
      operand(e.arms().get(i).guard());
      w(" -> ");
      operand(e.arms().get(i).value());
    }
    if (e.other() != null) {
      w(" [] OTHER -> ");
      operand(e.other());
    }
    return null;
  }

  @Override
  public Void visitLet(Expr.Let e) {
    w("LET ");
    // one definition per line, aligned: the column ends any list a definition ends with
    int col = column;
    boolean outer = inLet;
    inLet = true;
    for (int i = 0; i < e.definitions().size(); i++) {
      if (i > 0) {
        newline(col);
      }
      e.definitions().get(i).accept(this);
    }
    inLet = outer;
    w(" IN ");
    expr(e.body());
    return null;
  }

  @Override
  public Void visitJunction(Expr.Junction e) {
    String bullet = e.kind() == Expr.JunctionKind.AND ? "/\\ " : "\\/ ";
    int col = column;
    for (int i = 0; i < e.items().size(); i++) {
      if (i > 0) {
        newline(col);
      }
      w(bullet);
      Expr item = e.items().get(i);
      if (item instanceof Expr.Junction) {
        operand(item);
      } else {
        expr(item);
      }
    }
    return null;
  }

  private void subscript(Expr sub) {
    if (sub instanceof Expr.OpApp o && o.fixity() == Fixity.NORMAL && o.args().isEmpty()
        || sub instanceof Expr.Tuple) {
      expr(sub);
    } else {
      w("(");
      expr(sub);
      w(")");
    }
  }

  @Override
  public Void visitBoxAction(Expr.BoxAction e) {
    w("[");
    expr(e.action());
    w("]_");
    subscript(e.subscript());
    return null;
  }

  @Override
  public Void visitAngleAction(Expr.AngleAction e) {
    w("<<");
    expr(e.action());
    w(">>_");
    subscript(e.subscript());
    return null;
  }

  @Override
  public Void visitFairness(Expr.Fairness e) {
    w(e.strong() ? "SF_" : "WF_");
    subscript(e.subscript());
    w("(");
    expr(e.action());
    w(")");
    return null;
  }

  @Override
  public Void visitLabel(Expr.Label e) {
    w(e.name());
    if (!e.params().isEmpty()) {
      w("(").names(e.params()).w(")");
    }
    w(":: ");
    expr(e.body());
    return null;
  }

  // ------------------------------------------------------------------ units

  private String param(Param p) {
    return switch (p.fixity()) {
      case INFIX -> "_ " + p.name() + " _";
      case PREFIX -> p.name() + " _";
      case POSTFIX -> "_ " + p.name();
      default -> p.arity() == 0 ? p.name()
          : p.name() + "(" + String.join(", ", java.util.Collections.nCopies(p.arity(), "_")) + ")";
    };
  }

  private String params(List<Param> ps) {
    return String.join(", ", ps.stream().map(this::param).toList());
  }

  /** Definition bodies may be bare junction lists; elsewhere a body is printed as is. */
  private void body(Expr e) {
    if (inLet && e instanceof Expr.Junction) {
      operand(e);
    } else {
      expr(e);
    }
  }

  @Override
  public Void visitConstant(Unit.ConstantDecl u) {
    w("CONSTANT ").w(param(u.param()));
    return null;
  }

  @Override
  public Void visitVariable(Unit.VariableDecl u) {
    w("VARIABLE ").w(u.name());
    return null;
  }

  @Override
  public Void visitAssume(Unit.Assume u) {
    w("ASSUME ");
    if (u.name() != null) {
      w(u.name()).w(" == ");
    }
    body(u.body());
    return null;
  }

  @Override
  public Void visitTheorem(Unit.Theorem u) {
    w("THEOREM ");
    if (u.name() != null) {
      w(u.name()).w(" == ");
    }
    if (u.statement() != null) {
      body(u.statement());
    } else {
      w("ASSUME TRUE PROVE TRUE");
    }
    return null;
  }

  @Override
  public Void visitOpDef(Unit.OpDef u) {
    if (u.local()) {
      w("LOCAL ");
    }
    List<Param> ps = u.params();
    switch (u.fixity()) {
      case INFIX -> w(ps.get(0).name() + " " + u.name() + " " + ps.get(1).name());
      case PREFIX -> w((u.name().equals(Operators.NEG) ? "-." : u.name()) + " " + ps.get(0).name());
      case POSTFIX -> w(ps.get(0).name() + " " + u.name());
      default -> w(ps.isEmpty() ? u.name() : u.name() + "(" + params(ps) + ")");
    }
    w(" == ");
    body(u.body());
    return null;
  }

  @Override
  public Void visitFunctionDef(Unit.FunctionDef u) {
    if (u.local()) {
      w("LOCAL ");
    }
    w(u.name()).w("[");
    binders(u.binders());
    w("] == ");
    body(u.body());
    return null;
  }

  @Override
  public Void visitInstance(Unit.InstanceDef u) {
    if (u.local()) {
      w("LOCAL ");
    }
    if (u.name() != null) {
      w(u.name());
      if (!u.params().isEmpty()) {
        w("(").w(params(u.params())).w(")");
      }
      w(" == ");
    }
    w("INSTANCE ").w(u.module().text());
    for (int i = 0; i < u.substitutions().size(); i++) {
      Unit.Substitution s = u.substitutions().get(i);
      w(i == 0 ? " WITH " : ", ").w(s.target().equals(Operators.NEG) ? "-." : s.target()).w(" <- ");
      expr(s.replacement());
    }
    return null;
  }

  @Override
  public Void visitRecursive(Unit.RecursiveDecl u) {
    w("RECURSIVE ").w(params(u.ops()));
    return null;
  }

  @Override
  public Void visitModule(Module m) {
    boolean outer = inLet;
    inLet = false;
    w("---- MODULE ").w(m.name()).w(" ----\n");
    if (!m.extendsList().isEmpty()) {
      w("EXTENDS ").names(m.extendsList()).w("\n");
    }
    for (Unit u : m.units()) {
      u.accept(this);
      w("\n");
    }
    w("====");
    inLet = outer;
    return null;
  }
}
