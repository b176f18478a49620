package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Selectors;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Follows {@code I!J!Op}: each step names an instance whose module's exported names hold the
 * next. A step that names a definition instead starts a subexpression name ({@code Op!2!1},
 * {@code I!Op!lbl}): what follows it selects a part of that definition's body.
 */
final class InstancePaths {

    private InstancePaths() {
    }

    /**
     * Where a path leads.
     *
     * @param symbol the symbol reached: the operator applied, or the definition a subexpression
     *     name selects from
     * @param definitionStep for a subexpression name, the step naming the definition (its
     *     arguments are the definition's); null otherwise
     * @param selectors for a subexpression name, the selectors after that step, in order
     */
    record Target(Symbol symbol, Expr.InstanceStep definitionStep, List<String> selectors) {
        boolean selection() {
            return definitionStep != null;
        }
    }

    /**
     * The symbol the instance path of {@code app} leads to, or null.
     *
     * @param exported per module, its exported names
     * @param first the symbol of the first step as seen where {@code app} is written
     * @param onStep called with each step and the instance symbol it names
     */
    static Symbol follow(Map<String, Map<String, Symbol>> exported, Symbol first, Expr.OpApp app,
            BiConsumer<Expr.InstanceStep, Symbol> onStep) {
        Target t = target(exported, first, app, onStep);
        return t == null ? null : t.symbol();
    }

    /** Like {@link #follow}, telling a subexpression name apart from an instance's operator. */
    static Target target(Map<String, Map<String, Symbol>> exported, Symbol first, Expr.OpApp app,
            BiConsumer<Expr.InstanceStep, Symbol> onStep) {
        Symbol current = first;
        Map<String, Symbol> table = null;
        List<Expr.InstanceStep> path = app.path();
        for (int i = 0; i < path.size(); i++) {
            Expr.InstanceStep step = path.get(i);
            if (table != null) {
                current = table.get(step.name());
            }
            if (current != null && definitionBody(current) != null) {
                List<String> selectors = new ArrayList<>();
                for (int j = i + 1; j < path.size(); j++) {
                    selectors.add(path.get(j).name());
                }
                selectors.add(app.name());
                return new Target(current, step, selectors);
            }
            if (current == null || current.kind() != Symbol.Kind.INSTANCE) {
                return null;
            }
            onStep.accept(step, current);
            table = exported.get(((Unit.InstanceDef) current.node()).module().text());
            if (table == null) {
                return null;
            }
        }
        Symbol s = table == null ? null : table.get(app.name());
        return s == null ? null : new Target(s, null, List.of());
    }

    /** The expression a subexpression name can select from: a definition's body, a theorem's statement. */
    static Expr definitionBody(Symbol s) {
        if (s.node() instanceof Unit.OpDef d) {
            return d.body();
        } else if (s.node() instanceof Unit.Theorem t) {
            return t.statement();
        } else if (s.node() instanceof Unit.Assume a) {
            return a.body();
        }
        return null;
    }

    /** The selected subexpression of a subexpression name, or null if it names none. */
    static Expr selected(Target t) {
        Expr body = definitionBody(t.symbol());
        return body == null ? null : Selectors.select(body, t.selectors());
    }
}
