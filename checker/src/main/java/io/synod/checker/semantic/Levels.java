package io.synod.checker.semantic;

import io.synod.checker.config.ModuleSymbols.Level;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The level of definitions (constant, state, action, temporal), as TLC uses it to accept a name
 * as an invariant, a NEXT action or a property. A simplification of SANY's level checking:
 * operator parameters count as constants, and an operator's level is that of its body joined
 * with its arguments'. A definition being computed (recursion) counts as constant meanwhile.
 */
public final class Levels {

    private static final Set<String> TEMPORAL_OPS = Set.of("[]", "<>", "~>", "-+->");

    private final ResolvedSpec spec;
    private final Map<Symbol, Level> memo = new HashMap<>();

    /** Levels for the definitions of {@code spec}; not thread-safe (memoizes). */
    public Levels(ResolvedSpec spec) {
        this.spec = spec;
    }

    /** The level of a symbol: variables are state-level, definitions as their bodies, the rest constant. */
    public Level of(Symbol symbol) {
        switch (symbol.kind()) {
            case VARIABLE:
                return Level.STATE;
            case OPERATOR:
            case FUNCTION:
                break;
            default:
                return Level.CONSTANT;
        }
        Level known = memo.get(symbol);
        if (known != null) {
            return known;
        }
        memo.put(symbol, Level.CONSTANT);
        List<Expr> bodies = new ArrayList<>();
        if (symbol.node() instanceof Unit.Definition d) {
            Subexpressions.definitionBodies(d, bodies);
        }
        Map<String, Symbol> table = spec.visible().getOrDefault(symbol.module(), Map.of());
        Level level = Level.CONSTANT;
        for (Expr body : bodies) {
            level = max(level, level(body, table));
        }
        memo.put(symbol, level);
        return level;
    }

    private Level level(Expr e, Map<String, Symbol> table) {
        Level own = Level.CONSTANT;
        if (e instanceof Expr.OpApp app) {
            own = opApp(app, table);
        } else if (e instanceof Expr.BoxAction || e instanceof Expr.AngleAction) {
            own = Level.ACTION;
        } else if (e instanceof Expr.Fairness) {
            own = Level.TEMPORAL;
        } else if (e instanceof Expr.Quant q
                && (q.kind() == Expr.QuantKind.TEMPORAL_FORALL || q.kind() == Expr.QuantKind.TEMPORAL_EXISTS)) {
            own = Level.TEMPORAL;
        }
        Level children = Level.CONSTANT;
        for (Expr sub : Subexpressions.direct(e)) {
            children = max(children, level(sub, table));
        }
        if (e instanceof Expr.OpApp app && app.path().isEmpty() && app.name().equals("ENABLED")) {
            return children == Level.TEMPORAL ? Level.TEMPORAL : Level.STATE;
        }
        return max(own, children);
    }

    private Level opApp(Expr.OpApp app, Map<String, Symbol> table) {
        if (!app.path().isEmpty()) {
            Symbol target = InstancePaths.follow(spec.exported(), table.get(app.path().get(0).name()), app, (s, i) -> { });
            return target == null ? Level.CONSTANT : of(target);
        }
        String name = app.name();
        if (name.equals("'") || name.equals("UNCHANGED")) {
            return Level.ACTION;
        }
        if (TEMPORAL_OPS.contains(name)) {
            return Level.TEMPORAL;
        }
        Symbol symbol = table.get(name);
        return symbol == null ? Level.CONSTANT : of(symbol);
    }

    private static Level max(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
