package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Unit;
import java.util.Map;
import java.util.function.BiConsumer;

/** Follows {@code I!J!Op}: each step names an instance whose module's exported names hold the next. */
final class InstancePaths {

    private InstancePaths() {
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
        Symbol current = first;
        Map<String, Symbol> table = null;
        for (Expr.InstanceStep step : app.path()) {
            if (table != null) {
                current = table.get(step.name());
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
        return table == null ? null : table.get(app.name());
    }
}
