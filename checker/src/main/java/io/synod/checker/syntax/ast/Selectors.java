package io.synod.checker.syntax.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * Subexpression names of TLA+2 ({@code Op!2!1}, {@code Op!lbl}, {@code Op!:}, {@code Op!<<},
 * {@code Op!>>}, {@code Op!@}): which part of a definition's body a selector names.
 *
 * <p>A number {@code i} names the i-th operand: the i-th argument of an operator application
 * (infix, prefix or by name), the i-th item of a bulleted list, the condition, THEN and ELSE parts
 * of an IF, the i-th element of a tuple or set, the i-th bound set of a quantifier or of a set or
 * function constructor. {@code <<} and {@code >>} are the first and second operand, {@code @} the
 * body of a construct that binds names, {@code :} the expression itself. A label name selects the
 * expression it labels among the labels not nested in another label. A labelled expression is
 * transparent to the positional selectors: they number the operands of its body.
 */
public final class Selectors {

  private Selectors() {}

  /** True when {@code name} is written as a positional selector rather than as a label. */
  public static boolean positional(String name) {
    return name.equals(":") || name.equals("<<") || name.equals(">>") || name.equals("@")
        || (!name.isEmpty() && Character.isDigit(name.charAt(0)));
  }

  /** The subexpression of {@code e} that {@code selector} names, or null when there is none. */
  public static Expr select(Expr e, String selector) {
    if (selector.equals(":")) {
      return e;
    }
    if (!positional(selector)) {
      return label(e, selector);
    }
    while (e instanceof Expr.Label l) {
      e = l.body();
    }
    if (selector.equals("@")) {
      Expr body = body(e);
      // without values for the names the construct binds, only a body that does not use them
      // has a meaning of its own
      return body != null && !usesAny(body, boundNames(e)) ? body : null;
    }
    int index;
    if (selector.equals("<<")) {
      index = 1;
    } else if (selector.equals(">>")) {
      index = 2;
    } else {
      try {
        index = Integer.parseInt(selector);
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    List<Expr> operands = operands(e);
    return index >= 1 && index <= operands.size() ? operands.get(index - 1) : null;
  }

  /** Follows every selector of {@code selectors} in turn from {@code e}; null if one fails. */
  public static Expr select(Expr e, List<String> selectors) {
    Expr current = e;
    for (String s : selectors) {
      if (current == null) {
        return null;
      }
      current = select(current, s);
    }
    return current;
  }

  private static java.util.Set<String> boundNames(Expr e) {
    java.util.Set<String> names = new java.util.HashSet<>();
    List<Binder> binders = e instanceof Expr.Quant q ? q.binders()
        : e instanceof Expr.Choose c ? List.of(c.binder())
        : e instanceof Expr.SetFilter f ? List.of(f.binder())
        : e instanceof Expr.SetMap m ? m.binders()
        : e instanceof Expr.FunCons f ? f.binders() : List.of();
    binders.forEach(b -> b.names().forEach(n -> names.add(n.text())));
    if (e instanceof Expr.Lambda l) {
      l.params().forEach(p -> names.add(p.name()));
    } else if (e instanceof Expr.Let l) {
      for (Unit.Definition d : l.definitions()) {
        if (d instanceof Unit.OpDef o) {
          names.add(o.name());
        } else if (d instanceof Unit.FunctionDef f) {
          names.add(f.name());
        } else if (d instanceof Unit.InstanceDef i && i.name() != null) {
          names.add(i.name());
        }
      }
    }
    return names;
  }

  /** Whether {@code e} names one of {@code names} (as a plain name, at any depth). */
  private static boolean usesAny(Expr e, java.util.Set<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    List<Expr> work = new ArrayList<>(List.of(e));
    while (!work.isEmpty()) {
      Expr x = work.remove(work.size() - 1);
      if (x instanceof Expr.OpApp a && (a.path().isEmpty() ? names.contains(a.name())
          : names.contains(a.path().get(0).name()))) {
        return true;
      }
      work.addAll(Subexpressions.direct(x));
    }
    return false;
  }

  private static Expr body(Expr e) {
    if (e instanceof Expr.Quant q) {
      return q.body();
    } else if (e instanceof Expr.Choose c) {
      return c.body();
    } else if (e instanceof Expr.SetFilter f) {
      return f.predicate();
    } else if (e instanceof Expr.SetMap m) {
      return m.body();
    } else if (e instanceof Expr.FunCons f) {
      return f.body();
    } else if (e instanceof Expr.Lambda l) {
      return l.body();
    } else if (e instanceof Expr.Let l) {
      return l.body();
    }
    return null;
  }

  private static List<Expr> operands(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.OpApp a) {
      out.addAll(a.args());
    } else if (e instanceof Expr.Quant q) {
      domains(q.binders(), out);
    } else if (e instanceof Expr.Choose c) {
      domains(List.of(c.binder()), out);
    } else if (e instanceof Expr.SetFilter f) {
      domains(List.of(f.binder()), out);
    } else if (e instanceof Expr.SetMap m) {
      domains(m.binders(), out);
    } else if (e instanceof Expr.FunCons f) {
      domains(f.binders(), out);
    } else if (!(e instanceof Expr.Except || e instanceof Expr.Case || e instanceof Expr.Label)) {
      // the other constructs number their subexpressions in source order
      Subexpressions.plain(e, out);
    }
    return out;
  }

  private static void domains(List<Binder> binders, List<Expr> out) {
    for (Binder b : binders) {
      if (b.domain() != null) {
        for (int i = 0; i < b.names().size() && !b.tuple(); i++) {
          out.add(b.domain());
        }
        if (b.tuple()) {
          out.add(b.domain());
        }
      }
    }
  }

  /** The body of the label {@code name} in {@code e}, not looking inside other labels. */
  private static Expr label(Expr e, String name) {
    List<Expr> work = new ArrayList<>();
    work.add(e);
    while (!work.isEmpty()) {
      Expr x = work.remove(work.size() - 1);
      if (x instanceof Expr.Label l) {
        if (l.name().equals(name)) {
          return l.body();
        }
        continue;
      }
      List<Expr> kids = Subexpressions.withoutLetDefinitions(x);
      for (int i = kids.size() - 1; i >= 0; i--) {
        work.add(kids.get(i));
      }
    }
    return null;
  }
}
