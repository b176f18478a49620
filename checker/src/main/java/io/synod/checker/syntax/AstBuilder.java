package io.synod.checker.syntax;

import static io.synod.checker.syntax.TlaPlusParser.*;

import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Fixity;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.SourceText;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Converts an error-free parse tree into the immutable syntax tree of {@code ast}. */
final class AstBuilder {
  private final String file;
  private final SourceText source;
  private final List<Diagnostic> diagnostics;
  private final OperatorResolver resolver;
  /**
   * Parenthesised expressions and the span of their parentheses: an expression that contains
   * one ends where its ')' is, as in SANY (the expression inside keeps its own span).
   */
  private final java.util.Map<Expr, Span> parenthesized = new java.util.IdentityHashMap<>();

  /** The span of {@code e} as written, its parentheses included. */
  private Span outer(Expr e) {
    return parenthesized.getOrDefault(e, e.span());
  }
  private String moduleName = "";

  AstBuilder(SourceText source, List<Diagnostic> diagnostics) {
    this.file = source.file();
    this.source = source;
    this.diagnostics = diagnostics;
    this.resolver = new OperatorResolver(file, diagnostics, this::outer);
  }

  // ------------------------------------------------------------------ spans

  private Span span(Token a, Token b) {
    int endCol = b.getCharPositionInLine() + Math.max(1, b.getStopIndex() - b.getStartIndex() + 1);
    if (b.getType() == Token.EOF) {
      endCol = b.getCharPositionInLine() + 1;
    }
    int startCol = a.getCharPositionInLine() + 1;
    if (source.text() != null && source.text().indexOf('\t') >= 0) {
      // SANY's columns (in every location TLC prints) give a TAB the width that reaches the
      // next multiple of 8, as its JavaCC character stream does
      startCol = tabColumn(a.getStartIndex(), startCol - 1) + 1;
      if (b.getType() != Token.EOF) {
        endCol = tabColumn(Math.max(b.getStartIndex(), b.getStopIndex()), endCol - 1) + 1;
      }
    }
    return new Span(moduleName, file, a.getLine(), startCol, b.getLine(), endCol);
  }

  /** The 0-based column of the character at {@code index}, TABs expanded; {@code plain} if unknown. */
  private int tabColumn(int index, int plain) {
    String text = source.text();
    if (index < 0 || index >= text.length()) {
      return plain;
    }
    int lineStart = index;
    while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
      lineStart--;
    }
    int col = 0;
    for (int i = lineStart; i < index; i++) {
      col = text.charAt(i) == '\t' ? (col / 8 + 1) * 8 : col + 1;
    }
    return col;
  }

  private Span span(ParserRuleContext ctx) {
    return span(ctx.getStart(), ctx.getStop() == null ? ctx.getStart() : ctx.getStop());
  }

  private Span span(TerminalNode n) {
    return span(n.getSymbol(), n.getSymbol());
  }

  private Name name(TerminalNode n) {
    return new Name(span(n), n.getText());
  }

  // ------------------------------------------------------------------ modules and units

  Module module(ModuleContext ctx) {
    String outer = moduleName;
    moduleName = ctx.IDENT().getText();
    List<Name> ext = new ArrayList<>();
    if (ctx.extendsClause() != null) {
      for (TerminalNode n : ctx.extendsClause().IDENT()) {
        ext.add(name(n));
      }
    }
    List<Unit> units = new ArrayList<>();
    for (UnitContext u : ctx.unit()) {
      unit(u, units);
    }
    Module m = new Module(span(ctx), moduleName, ext, markRecursive(units), source);
    moduleName = outer;
    return m;
  }

  private void unit(UnitContext ctx, List<Unit> out) {
    if (ctx instanceof DefinitionUnitContext d) {
      out.add(definition(d.definition(), d.LOCAL() != null));
    } else if (ctx instanceof ConstantUnitContext c) {
      for (OpDeclContext o : c.opDecl()) {
        out.add(new Unit.ConstantDecl(span(o), param(o)));
      }
    } else if (ctx instanceof VariableUnitContext v) {
      for (TerminalNode n : v.IDENT()) {
        out.add(new Unit.VariableDecl(span(n), n.getText()));
      }
    } else if (ctx instanceof AssumeUnitContext a) {
      out.add(new Unit.Assume(span(a), a.IDENT() == null ? null : a.IDENT().getText(),
          expr(a.expr())));
    } else if (ctx instanceof TheoremUnitContext t) {
      out.add(new Unit.Theorem(span(t), t.IDENT() == null ? null : t.IDENT().getText(),
          t.expr() == null ? null : expr(t.expr())));
    } else if (ctx instanceof ModuleUnitContext m) {
      out.add(module(m.module()));
    }
    // separators carry no meaning
  }

  /** Sets {@code recursive} on operator definitions announced by a RECURSIVE declaration. */
  private static <U extends Unit> List<U> markRecursive(List<U> units) {
    Set<String> declared = new HashSet<>();
    for (Unit u : units) {
      if (u instanceof Unit.RecursiveDecl r) {
        r.ops().forEach(p -> declared.add(p.name()));
      }
    }
    if (declared.isEmpty()) {
      return units;
    }
    List<U> out = new ArrayList<>(units.size());
    for (U u : units) {
      if (u instanceof Unit.OpDef d && declared.contains(d.name()) && !d.recursive()) {
        @SuppressWarnings("unchecked")
        U marked = (U) new Unit.OpDef(d.span(), d.name(), d.fixity(), d.params(), d.body(),
            d.local(), true);
        out.add(marked);
      } else {
        out.add(u);
      }
    }
    return out;
  }

  private Unit.Definition definition(DefinitionContext ctx, boolean local) {
    Span sp = span(ctx);
    if (ctx instanceof RecursiveDefContext r) {
      return new Unit.RecursiveDecl(sp, r.opDecl().stream().map(this::param).toList());
    }
    if (ctx instanceof UnnamedInstanceDefContext u) {
      return instance(sp, null, List.of(), u.instance(), local);
    }
    if (ctx instanceof NamedInstanceDefContext n) {
      return instance(sp, n.IDENT().getText(), n.opDecl().stream().map(this::param).toList(),
          n.instance(), local);
    }
    if (ctx instanceof FunctionDefContext f) {
      return new Unit.FunctionDef(sp, f.IDENT().getText(), binders(f.quantBound()), expr(f.expr()),
          local);
    }
    if (ctx instanceof NormalDefContext n) {
      return new Unit.OpDef(sp, n.IDENT().getText(), Fixity.NORMAL,
          n.opDecl().stream().map(this::param).toList(), expr(n.expr()), local, false);
    }
    if (ctx instanceof PrefixDefContext p) {
      return new Unit.OpDef(sp, prefixName(p.prefixDefOp().getStart()), Fixity.PREFIX,
          List.of(Param.of(span(p.IDENT()), p.IDENT().getText())), expr(p.expr()), local, false);
    }
    if (ctx instanceof InfixDefContext i) {
      return new Unit.OpDef(sp, Operators.canonical(i.infixOp().getText()), Fixity.INFIX,
          List.of(Param.of(span(i.IDENT(0)), i.IDENT(0).getText()),
              Param.of(span(i.IDENT(1)), i.IDENT(1).getText())),
          expr(i.expr()), local, false);
    }
    PostfixDefContext p = (PostfixDefContext) ctx;
    return new Unit.OpDef(sp, Operators.canonical(p.postfixOp().getText()), Fixity.POSTFIX,
        List.of(Param.of(span(p.IDENT()), p.IDENT().getText())), expr(p.expr()), local, false);
  }

  private Unit.InstanceDef instance(Span sp, String name, List<Param> params, InstanceContext ctx,
      boolean local) {
    List<Unit.Substitution> subs = new ArrayList<>();
    for (SubstitutionContext s : ctx.substitution()) {
      String target;
      if (s.IDENT() != null) {
        target = s.IDENT().getText();
      } else if (s.prefixDefOp() != null) {
        target = prefixName(s.prefixDefOp().getStart());
      } else if (s.infixOp() != null) {
        target = Operators.canonical(s.infixOp().getText());
      } else {
        target = Operators.canonical(s.postfixOp().getText());
      }
      Expr replacement = s.expr() != null ? expr(s.expr()) : operatorRef(s.anyOp());
      subs.add(new Unit.Substitution(span(s), target, replacement));
    }
    return new Unit.InstanceDef(sp, name, params, name(ctx.IDENT()), subs, local);
  }

  private Param param(OpDeclContext ctx) {
    Span sp = span(ctx);
    if (ctx instanceof IdentDeclContext i) {
      return Param.of(sp, i.IDENT().getText());
    }
    if (ctx instanceof OpArityDeclContext o) {
      return new Param(sp, o.IDENT().getText(), o.UNDERSCORE().size(), Fixity.NORMAL);
    }
    if (ctx instanceof PrefixDeclContext p) {
      return new Param(sp, prefixName(p.prefixDefOp().getStart()), 1, Fixity.PREFIX);
    }
    if (ctx instanceof InfixDeclContext i) {
      return new Param(sp, Operators.canonical(i.infixOp().getText()), 2, Fixity.INFIX);
    }
    PostfixDeclContext p = (PostfixDeclContext) ctx;
    return new Param(sp, Operators.canonical(p.postfixOp().getText()), 1, Fixity.POSTFIX);
  }

  private static String prefixName(Token t) {
    return switch (t.getType()) {
      case NEG_DEF, MINUS -> Operators.NEG;
      default -> Operators.canonical(t.getText());
    };
  }

  private Expr operatorRef(AnyOpContext ctx) {
    Fixity f;
    String n;
    if (ctx.prefixDefOp() != null) {
      f = Fixity.PREFIX;
      n = prefixName(ctx.prefixDefOp().getStart());
    } else if (ctx.infixOp() != null) {
      f = Fixity.INFIX;
      n = Operators.canonical(ctx.infixOp().getText());
    } else {
      f = Fixity.POSTFIX;
      n = Operators.canonical(ctx.postfixOp().getText());
    }
    return new Expr.OpApp(span(ctx), List.of(), n, f, List.of());
  }

  // ------------------------------------------------------------------ expressions

  Expr expr(ExprContext ctx) {
    List<TermContext> terms = ctx.term();
    List<OperatorResolver.Term> ts = new ArrayList<>(terms.size());
    for (TermContext t : terms) {
      List<OperatorResolver.Op> prefixes = new ArrayList<>();
      for (PrefixOpContext p : t.prefixOp()) {
        prefixes.add(new OperatorResolver.Op(List.of(), prefixName(p.getStart()), Fixity.PREFIX,
            span(p)));
      }
      ts.add(new OperatorResolver.Term(prefixes, postfixed(t.postfixed())));
    }
    List<OperatorResolver.Op> infixes = new ArrayList<>();
    for (InfixRefContext o : ctx.infixRef()) {
      infixes.add(new OperatorResolver.Op(steps(o.instanceStep()),
          Operators.canonical(o.infixOp().getText()), Fixity.INFIX, span(o)));
    }
    return resolver.resolve(ts, infixes);
  }

  private Expr postfixed(PostfixedContext ctx) {
    Expr e = primary(ctx.primary());
    for (SuffixContext s : ctx.suffix()) {
      Span sp = outer(e).to(span(s));
      if (s instanceof ApplySuffixContext a) {
        e = new Expr.FunApp(sp, e, exprs(a.expr()));
      } else if (s instanceof FieldSuffixContext f) {
        e = new Expr.FieldAccess(sp, e, f.IDENT().getText());
      } else {
        PostfixSuffixContext p = (PostfixSuffixContext) s;
        e = new Expr.OpApp(sp, List.of(), Operators.canonical(p.getText()), Fixity.POSTFIX,
            List.of(e));
      }
    }
    return e;
  }

  private List<Expr> exprs(List<ExprContext> ctxs) {
    List<Expr> out = new ArrayList<>(ctxs.size());
    for (ExprContext c : ctxs) {
      out.add(expr(c));
    }
    return out;
  }

  private Expr primary(PrimaryContext ctx) {
    Span sp = span(ctx);
    if (ctx instanceof ParenExprContext p) {
      Expr inner = expr(p.expr());
      parenthesized.put(inner, sp);
      return inner;
    }
    if (ctx instanceof NumberExprContext n) {
      return new Expr.NumberLit(sp, number(n.NUMBER().getText()));
    }
    if (ctx instanceof StringExprContext s) {
      return new Expr.StringLit(sp, unescape(s.STRING().getText()));
    }
    if (ctx instanceof BoolExprContext b) {
      return new Expr.BoolLit(sp, b.TRUE() != null);
    }
    if (ctx instanceof AtExprContext) {
      return new Expr.At(sp);
    }
    if (ctx instanceof LabelExprContext l) {
      List<Name> params = new ArrayList<>();
      for (int i = 1; i < l.IDENT().size(); i++) {
        params.add(name(l.IDENT(i)));
      }
      return new Expr.Label(sp, l.IDENT(0).getText(), params, expr(l.expr()));
    }
    if (ctx instanceof NameExprContext n) {
      return name(sp, n);
    }
    if (ctx instanceof OpSymbolExprContext o) {
      List<Expr> args = arguments(o.argument());
      Token op = o.infixOp().getStart();
      if (op.getType() == MINUS && args.size() == 1) {
        return new Expr.OpApp(sp, List.of(), Operators.NEG, Fixity.PREFIX, args);
      }
      return new Expr.OpApp(sp, List.of(), Operators.canonical(o.infixOp().getText()),
          Fixity.INFIX, args);
    }
    if (ctx instanceof UnaryOpSymbolExprContext u) {
      // a postfix operator or -. written as an ordinary operator, as in ^+(4) or -.(4)
      List<Expr> args = arguments(List.of(u.argument()));
      return u.NEG_DEF() != null
          ? new Expr.OpApp(sp, List.of(), Operators.NEG, Fixity.PREFIX, args)
          : new Expr.OpApp(sp, List.of(), Operators.canonical(u.POSTFIX_OP().getText()), Fixity.POSTFIX, args);
    }
    if (ctx instanceof SetEnumOrMapExprContext s) {
      if (s.COLON() != null) {
        return new Expr.SetMap(sp, expr(s.expr(0)), binders(s.quantBound()));
      }
      return new Expr.SetEnum(sp, exprs(s.expr()));
    }
    if (ctx instanceof SetFilterExprContext s) {
      return new Expr.SetFilter(sp, binder(s.boundOne()), expr(s.expr()));
    }
    if (ctx instanceof FunConsExprContext f) {
      return new Expr.FunCons(sp, binders(f.quantBound()), expr(f.expr()));
    }
    if (ctx instanceof RecordExprContext r) {
      return new Expr.RecordCons(sp, fields(r.field(), r.expr()));
    }
    if (ctx instanceof RecordSetExprContext r) {
      return new Expr.RecordSet(sp, fields(r.field(), r.expr()));
    }
    if (ctx instanceof BracketExprContext b) {
      Expr first = expr(b.expr());
      BracketTailContext tail = b.bracketTail();
      if (tail instanceof FunSetTailContext f) {
        return new Expr.FunSet(sp, first, expr(f.expr()));
      }
      if (tail instanceof ExceptTailContext e) {
        List<Expr.ExceptUpdate> updates = new ArrayList<>();
        for (ExceptUpdateContext u : e.exceptUpdate()) {
          List<Expr.PathElem> path = new ArrayList<>();
          for (ExceptPathContext p : u.exceptPath()) {
            if (p instanceof FieldPathContext f) {
              path.add(new Expr.FieldSel(span(f), f.IDENT().getText()));
            } else {
              IndexPathContext i = (IndexPathContext) p;
              path.add(new Expr.IndexSel(span(i), exprs(i.expr())));
            }
          }
          updates.add(new Expr.ExceptUpdate(span(u), path, expr(u.expr())));
        }
        return new Expr.Except(sp, first, updates);
      }
      return new Expr.BoxAction(sp, first, subscript(((BoxActionTailContext) tail).subscript()));
    }
    if (ctx instanceof TupleOrAngleExprContext t) {
      if (t.RTUPLE_SUB() == null) {
        return new Expr.Tuple(sp, exprs(t.expr()));
      }
      if (t.expr().size() != 1) {
        Token at = t.RTUPLE_SUB().getSymbol();
        diagnostics.add(new Diagnostic(file, at.getLine(), at.getCharPositionInLine() + 1,
            "<<A>>_v takes one action between << and >>_, not " + t.expr().size() + " expressions"));
      }
      return new Expr.AngleAction(sp, t.expr().isEmpty() ? new Expr.BoolLit(sp, true) : expr(t.expr(0)),
          subscript(t.subscript()));
    }
    if (ctx instanceof FairnessExprContext f) {
      return new Expr.Fairness(sp, f.SF() != null, subscript(f.subscript()), expr(f.expr()));
    }
    if (ctx instanceof IfExprContext i) {
      return new Expr.If(sp, expr(i.expr(0)), expr(i.expr(1)), expr(i.expr(2)));
    }
    if (ctx instanceof CaseExprContext c) {
      List<Expr.CaseArm> arms = new ArrayList<>();
      for (CaseArmContext a : c.caseArm()) {
        arms.add(new Expr.CaseArm(span(a), expr(a.expr(0)), expr(a.expr(1))));
      }
      return new Expr.Case(sp, arms, c.expr() == null ? null : expr(c.expr()));
    }
    if (ctx instanceof LetExprContext l) {
      List<Unit.Definition> defs = new ArrayList<>();
      for (DefinitionContext d : l.definition()) {
        defs.add(definition(d, false));
      }
      return new Expr.Let(sp, markRecursive(defs), expr(l.expr()));
    }
    if (ctx instanceof BoundedQuantExprContext q) {
      return new Expr.Quant(sp, q.FORALL() != null ? Expr.QuantKind.FORALL : Expr.QuantKind.EXISTS,
          binders(q.quantBound()), expr(q.expr()));
    }
    if (ctx instanceof UnboundedQuantExprContext q) {
      Expr.QuantKind kind = switch (q.getStart().getType()) {
        case FORALL -> Expr.QuantKind.FORALL;
        case EXISTS -> Expr.QuantKind.EXISTS;
        case TFORALL -> Expr.QuantKind.TEMPORAL_FORALL;
        default -> Expr.QuantKind.TEMPORAL_EXISTS;
      };
      List<Name> names = q.IDENT().stream().map(this::name).toList();
      Span bs = names.get(0).span().to(names.get(names.size() - 1).span());
      return new Expr.Quant(sp, kind, List.of(new Binder(bs, names, false, null)), expr(q.expr()));
    }
    if (ctx instanceof BoundedChooseExprContext c) {
      return new Expr.Choose(sp, binder(c.boundOne()), expr(c.expr()));
    }
    if (ctx instanceof UnboundedChooseExprContext c) {
      Binder b = c.IDENT() != null
          ? new Binder(span(c.IDENT()), List.of(name(c.IDENT())), false, null)
          : new Binder(span(c.tupleIds()), tupleNames(c.tupleIds()), true, null);
      return new Expr.Choose(sp, b, expr(c.expr()));
    }
    if (ctx instanceof LambdaExprContext l) {
      return new Expr.Lambda(sp, l.IDENT().stream().map(n -> Param.of(span(n), n.getText())).toList(),
          expr(l.expr()));
    }
    JunctionExprContext j = (JunctionExprContext) ctx;
    List<Expr> items = exprs(j.expr());
    Span js = span(j.getStart(), j.getStart()).to(outer(items.get(items.size() - 1)));
    return new Expr.Junction(js, j.J_AND() != null ? Expr.JunctionKind.AND : Expr.JunctionKind.OR,
        items);
  }

  /**
   * {@code A(1)!B!C(2)}: every part but the last is a path step, the last names what is applied.
   * Selectors of subexpressions keep their spelling as step names ("2", ":", "<<", ">>", "@").
   */
  private Expr name(Span sp, NameExprContext n) {
    List<Expr.InstanceStep> parts = new ArrayList<>();
    parts.add(step(n.instanceStep()));
    Fixity fixity = Fixity.NORMAL;
    for (SelectorContext s : n.selector()) {
      fixity = Fixity.NORMAL;
      if (s instanceof StepSelectorContext st) {
        parts.add(step(st.instanceStep()));
      } else if (s instanceof OpSelectorContext o) {
        Expr.OpApp ref = (Expr.OpApp) operatorRef(o.anyOp());
        fixity = ref.fixity();
        parts.add(new Expr.InstanceStep(span(o), ref.name(), arguments(o.argument())));
      } else {
        parts.add(new Expr.InstanceStep(span(s), s.getText(), List.of()));
      }
    }
    Expr.InstanceStep last = parts.remove(parts.size() - 1);
    return new Expr.OpApp(sp, parts, last.name(), fixity, last.args());
  }

  private Expr.InstanceStep step(InstanceStepContext s) {
    return new Expr.InstanceStep(span(s), s.IDENT().getText(), arguments(s.argument()));
  }

  private List<Expr.InstanceStep> steps(List<InstanceStepContext> ctxs) {
    List<Expr.InstanceStep> out = new ArrayList<>(ctxs.size());
    for (InstanceStepContext s : ctxs) {
      out.add(new Expr.InstanceStep(span(s), s.IDENT().getText(), arguments(s.argument())));
    }
    return out;
  }

  private List<Expr> arguments(List<ArgumentContext> ctxs) {
    List<Expr> out = new ArrayList<>(ctxs.size());
    for (ArgumentContext a : ctxs) {
      out.add(a.expr() != null ? expr(a.expr()) : operatorRef(a.anyOp()));
    }
    return out;
  }

  private Expr subscript(SubscriptContext ctx) {
    if (ctx instanceof NameSubscriptContext n) {
      return new Expr.OpApp(span(n), steps(n.instanceStep()), n.IDENT().getText(), Fixity.NORMAL,
          List.of());
    }
    if (ctx instanceof TupleSubscriptContext t) {
      return new Expr.Tuple(span(t), exprs(t.expr()));
    }
    return expr(((ParenSubscriptContext) ctx).expr());
  }

  private List<Expr.Field> fields(List<FieldContext> names, List<ExprContext> values) {
    List<Expr.Field> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      Expr v = expr(values.get(i));
      out.add(new Expr.Field(span(names.get(i)).to(v.span()), names.get(i).getText(), v));
    }
    return out;
  }

  private List<Binder> binders(List<QuantBoundContext> ctxs) {
    List<Binder> out = new ArrayList<>(ctxs.size());
    for (QuantBoundContext q : ctxs) {
      if (q instanceof TupleBoundContext t) {
        out.add(new Binder(span(t), tupleNames(t.tupleIds()), true, expr(t.expr())));
      } else {
        IdentsBoundContext i = (IdentsBoundContext) q;
        out.add(new Binder(span(i), i.IDENT().stream().map(this::name).toList(), false,
            expr(i.expr())));
      }
    }
    return out;
  }

  private Binder binder(BoundOneContext ctx) {
    if (ctx.IDENT() != null) {
      return new Binder(span(ctx), List.of(name(ctx.IDENT())), false, expr(ctx.expr()));
    }
    return new Binder(span(ctx), tupleNames(ctx.tupleIds()), true, expr(ctx.expr()));
  }

  private List<Name> tupleNames(TupleIdsContext ctx) {
    return ctx.IDENT().stream().map(this::name).toList();
  }

  // ------------------------------------------------------------------ literals

  static BigInteger number(String text) {
    if (text.startsWith("\\")) {
      int radix = switch (Character.toLowerCase(text.charAt(1))) {
        case 'b' -> 2;
        case 'o' -> 8;
        default -> 16;
      };
      return new BigInteger(text.substring(2), radix);
    }
    return new BigInteger(text);
  }

  /** Decodes a string literal including its quotes; unknown escapes keep the character. */
  static String unescape(String quoted) {
    String s = quoted.substring(1, quoted.length() - 1);
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      sb.append(switch (e) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'r' -> '\r';
        case 'f' -> '\f';
        default -> e;
      });
    }
    return sb.toString();
  }
}
