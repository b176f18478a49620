package io.synod.checker.eval;

import io.synod.checker.config.CfgValue;
import io.synod.checker.config.ConstantAssignment;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.StringTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Interns names and strings in the order TLC's lexer first meets them: module by module in
 * parse order, within a module by source position; then the configuration's values. This
 * order is the canonical order of strings, record fields and model values.
 */
final class Interning {
  private Interning() {}

  private record Tok(int line, int col, int seq, String text) {}

  static void internModules(List<Module> modules, StringTable table) {
    for (Module m : modules) {
      List<Tok> toks = new ArrayList<>();
      collectModule(m, toks);
      toks.sort(Comparator.comparingInt(Tok::line).thenComparingInt(Tok::col).thenComparingInt(Tok::seq));
      for (Tok t : toks) {
        table.token(t.text);
      }
    }
  }

  static void internConfig(ModelConfig config, StringTable table) {
    for (ConstantAssignment a : config.constants()) {
      table.token(a.name());
      internValue(a.value(), table);
    }
  }

  private static void internValue(CfgValue v, StringTable table) {
    if (v instanceof CfgValue.Str s) {
      table.string(s.value());
    } else if (v instanceof CfgValue.ModelValue mv) {
      table.modelValue(mv.name());
    } else if (v instanceof CfgValue.SetOf s) {
      s.elements().forEach(e -> internValue(e, table));
    } else if (v instanceof CfgValue.TupleOf t) {
      t.elements().forEach(e -> internValue(e, table));
    }
  }

  private static void add(List<Tok> toks, Span s, String text, boolean atEnd) {
    if (s == null || text == null) {
      return;
    }
    toks.add(atEnd ? new Tok(s.endLine(), s.endCol(), toks.size(), text)
        : new Tok(s.beginLine(), s.beginCol(), toks.size(), text));
  }

  private static void collectModule(Module m, List<Tok> toks) {
    add(toks, m.span(), m.name(), false);
    for (Name n : m.extendsList()) {
      add(toks, n.span(), n.text(), false);
    }
    for (Unit u : m.units()) {
      if (u instanceof Unit.ConstantDecl c) {
        add(toks, c.span(), c.name(), false);
      } else if (u instanceof Unit.VariableDecl v) {
        add(toks, v.span(), v.name(), false);
      } else if (u instanceof Unit.Assume a) {
        if (a.name() != null) {
          add(toks, a.span(), a.name(), false);
        }
        expr(a.body(), toks);
      } else if (u instanceof Unit.Theorem t) {
        if (t.statement() != null) {
          expr(t.statement(), toks);
        }
      } else if (u instanceof Unit.Definition d) {
        definition(d, toks);
      } else if (u instanceof Module nested) {
        collectModule(nested, toks);
      }
    }
  }

  private static void definition(Unit.Definition d, List<Tok> toks) {
    if (d instanceof Unit.OpDef od) {
      add(toks, od.span(), od.name(), false);
      params(od.params(), toks);
      expr(od.body(), toks);
    } else if (d instanceof Unit.FunctionDef fd) {
      add(toks, fd.span(), fd.name(), false);
      binders(fd.binders(), toks);
      expr(fd.body(), toks);
    } else if (d instanceof Unit.InstanceDef id) {
      if (id.name() != null) {
        add(toks, id.span(), id.name(), false);
      }
      add(toks, id.module().span(), id.module().text(), false);
      for (Unit.Substitution s : id.substitutions()) {
        add(toks, s.span(), s.target(), false);
        expr(s.replacement(), toks);
      }
    }
  }

  private static void params(List<Param> ps, List<Tok> toks) {
    for (Param p : ps) {
      add(toks, p.span(), p.name(), false);
    }
  }

  private static void binders(List<Binder> bs, List<Tok> toks) {
    for (Binder b : bs) {
      for (Name n : b.names()) {
        add(toks, n.span(), n.text(), false);
      }
      if (b.domain() != null) {
        expr(b.domain(), toks);
      }
    }
  }

  private static void exprs(List<Expr> es, List<Tok> toks) {
    for (Expr e : es) {
      expr(e, toks);
    }
  }

  private static void expr(Expr e, List<Tok> toks) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.StringLit s) {
      add(toks, s.span(), s.value(), false);
    } else if (e instanceof Expr.OpApp op) {
      for (Expr.InstanceStep st : op.path()) {
        add(toks, st.span(), st.name(), false);
        exprs(st.args(), toks);
      }
      if (op.fixity() == io.synod.checker.syntax.ast.Fixity.NORMAL) {
        add(toks, op.span(), op.name(), false);
      }
      exprs(op.args(), toks);
    } else if (e instanceof Expr.Lambda l) {
      params(l.params(), toks);
      expr(l.body(), toks);
    } else if (e instanceof Expr.Quant q) {
      binders(q.binders(), toks);
      expr(q.body(), toks);
    } else if (e instanceof Expr.Choose c) {
      binders(List.of(c.binder()), toks);
      expr(c.body(), toks);
    } else if (e instanceof Expr.SetEnum s) {
      exprs(s.elements(), toks);
    } else if (e instanceof Expr.SetFilter s) {
      binders(List.of(s.binder()), toks);
      expr(s.predicate(), toks);
    } else if (e instanceof Expr.SetMap s) {
      expr(s.body(), toks);
      binders(s.binders(), toks);
    } else if (e instanceof Expr.FunCons f) {
      binders(f.binders(), toks);
      expr(f.body(), toks);
    } else if (e instanceof Expr.FunApp f) {
      expr(f.function(), toks);
      exprs(f.args(), toks);
    } else if (e instanceof Expr.FunSet f) {
      expr(f.domain(), toks);
      expr(f.range(), toks);
    } else if (e instanceof Expr.RecordCons r) {
      for (Expr.Field f : r.fields()) {
        add(toks, f.span(), f.name(), false);
        expr(f.value(), toks);
      }
    } else if (e instanceof Expr.RecordSet r) {
      for (Expr.Field f : r.fields()) {
        add(toks, f.span(), f.name(), false);
        expr(f.value(), toks);
      }
    } else if (e instanceof Expr.FieldAccess f) {
      expr(f.record(), toks);
      add(toks, f.span(), f.field(), true);
    } else if (e instanceof Expr.Except x) {
      expr(x.function(), toks);
      for (Expr.ExceptUpdate u : x.updates()) {
        for (Expr.PathElem p : u.path()) {
          if (p instanceof Expr.FieldSel fs) {
            add(toks, fs.span(), fs.name(), false);
          } else if (p instanceof Expr.IndexSel is) {
            exprs(is.indices(), toks);
          }
        }
        expr(u.value(), toks);
      }
    } else if (e instanceof Expr.Tuple t) {
      exprs(t.elements(), toks);
    } else if (e instanceof Expr.Product p) {
      exprs(p.factors(), toks);
    } else if (e instanceof Expr.If i) {
      expr(i.condition(), toks);
      expr(i.then(), toks);
      expr(i.otherwise(), toks);
    } else if (e instanceof Expr.Case c) {
      for (Expr.CaseArm a : c.arms()) {
        expr(a.guard(), toks);
        expr(a.value(), toks);
      }
      expr(c.other(), toks);
    } else if (e instanceof Expr.Let l) {
      for (Unit.Definition d : l.definitions()) {
        definition(d, toks);
      }
      expr(l.body(), toks);
    } else if (e instanceof Expr.Junction j) {
      exprs(j.items(), toks);
    } else if (e instanceof Expr.BoxAction b) {
      expr(b.action(), toks);
      expr(b.subscript(), toks);
    } else if (e instanceof Expr.AngleAction a) {
      expr(a.action(), toks);
      expr(a.subscript(), toks);
    } else if (e instanceof Expr.Fairness f) {
      expr(f.subscript(), toks);
      expr(f.action(), toks);
    } else if (e instanceof Expr.Label l) {
      expr(l.body(), toks);
    }
  }
}
