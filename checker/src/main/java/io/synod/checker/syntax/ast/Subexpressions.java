package io.synod.checker.syntax.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * The direct sub-expressions of an expression, in source order, binder domains included: the one
 * walk over an expression's children (name resolution, levels, module loading, subexpression
 * names).
 */
public final class Subexpressions {

    private Subexpressions() {
    }

    /** Every expression directly inside {@code e}, the expressions of its LET definitions included. */
    public static List<Expr> direct(Expr e) {
        return collect(e, true);
    }

    /**
     * Every expression directly inside {@code e} but those of its LET definitions, which belong
     * to those definitions (a label inside one is not a label of the enclosing definition).
     */
    public static List<Expr> withoutLetDefinitions(Expr e) {
        return collect(e, false);
    }

    private static List<Expr> collect(Expr e, boolean letDefinitions) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.OpApp a) {
            a.path().forEach(step -> out.addAll(step.args()));
            out.addAll(a.args());
        } else if (e instanceof Expr.Lambda l) {
            out.add(l.body());
        } else if (e instanceof Expr.Quant q) {
            domains(q.binders(), out);
            out.add(q.body());
        } else if (e instanceof Expr.Choose c) {
            domains(List.of(c.binder()), out);
            out.add(c.body());
        } else if (e instanceof Expr.SetFilter f) {
            domains(List.of(f.binder()), out);
            out.add(f.predicate());
        } else if (e instanceof Expr.SetMap m) {
            domains(m.binders(), out);
            out.add(m.body());
        } else if (e instanceof Expr.FunCons f) {
            domains(f.binders(), out);
            out.add(f.body());
        } else if (e instanceof Expr.Let let) {
            if (letDefinitions) {
                let.definitions().forEach(d -> definitionBodies(d, out));
            }
            out.add(let.body());
        } else {
            plain(e, out);
        }
        return out;
    }

    /** The expressions inside a definition: an operator's body, a function's domains and body. */
    public static void definitionBodies(Unit.Definition d, List<Expr> out) {
        if (d instanceof Unit.OpDef o) {
            out.add(o.body());
        } else if (d instanceof Unit.FunctionDef f) {
            domains(f.binders(), out);
            out.add(f.body());
        } else if (d instanceof Unit.InstanceDef i) {
            i.substitutions().forEach(s -> out.add(s.replacement()));
        }
    }

    private static void domains(List<Binder> binders, List<Expr> out) {
        for (Binder b : binders) {
            if (b.domain() != null) {
                out.add(b.domain());
            }
        }
    }

    /** The subexpressions of a construct that binds no names, in source order. */
    static void plain(Expr e, List<Expr> out) {
        if (e instanceof Expr.SetEnum s) {
            out.addAll(s.elements());
        } else if (e instanceof Expr.Tuple t) {
            out.addAll(t.elements());
        } else if (e instanceof Expr.Product p) {
            out.addAll(p.factors());
        } else if (e instanceof Expr.FunApp f) {
            out.add(f.function());
            out.addAll(f.args());
        } else if (e instanceof Expr.FunSet f) {
            out.add(f.domain());
            out.add(f.range());
        } else if (e instanceof Expr.RecordCons r) {
            r.fields().forEach(f -> out.add(f.value()));
        } else if (e instanceof Expr.RecordSet r) {
            r.fields().forEach(f -> out.add(f.value()));
        } else if (e instanceof Expr.FieldAccess f) {
            out.add(f.record());
        } else if (e instanceof Expr.Except x) {
            out.add(x.function());
            for (Expr.ExceptUpdate u : x.updates()) {
                u.path().stream().filter(Expr.IndexSel.class::isInstance)
                        .forEach(p -> out.addAll(((Expr.IndexSel) p).indices()));
                out.add(u.value());
            }
        } else if (e instanceof Expr.If i) {
            out.add(i.condition());
            out.add(i.then());
            out.add(i.otherwise());
        } else if (e instanceof Expr.Case c) {
            c.arms().forEach(a -> {
                out.add(a.guard());
                out.add(a.value());
            });
            if (c.other() != null) {
                out.add(c.other());
            }
        } else if (e instanceof Expr.Junction j) {
            out.addAll(j.items());
        } else if (e instanceof Expr.BoxAction b) {
            out.add(b.action());
            out.add(b.subscript());
        } else if (e instanceof Expr.AngleAction a) {
            out.add(a.action());
            out.add(a.subscript());
        } else if (e instanceof Expr.Fairness f) {
            out.add(f.subscript());
            out.add(f.action());
        } else if (e instanceof Expr.Label l) {
            out.add(l.body());
        }
    }
}
