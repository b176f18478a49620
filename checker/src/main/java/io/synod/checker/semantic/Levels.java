package io.synod.checker.semantic;

import io.synod.checker.config.ModuleSymbols.Level;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Subexpressions;
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
    /**
     * Inside {@code I!Op}: the levels of the expressions the INSTANCE substitutes for the
     * instantiated module's constants and variables (by name), as SANY levels an instantiated
     * definition: {@code I!Inc} with {@code INSTANCE H WITH v <- 2} is constant-level.
     */
    private Map<String, Level> substitution = Map.of();
    private final java.util.Set<Symbol> inProgress = new java.util.HashSet<>();

    /** Levels for the definitions of {@code spec}; not thread-safe (memoizes). */
    public Levels(ResolvedSpec spec) {
        this.spec = spec;
    }

    /** The level of a symbol: variables are state-level, definitions as their bodies, the rest constant. */
    public Level of(Symbol symbol) {
        switch (symbol.kind()) {
            case VARIABLE:
                return substitution.getOrDefault(symbol.name(), Level.STATE);
            case CONSTANT:
                return substitution.getOrDefault(symbol.name(), Level.CONSTANT);
            case OPERATOR:
            case FUNCTION:
                break;
            default:
                return Level.CONSTANT;
        }
        boolean memoized = substitution.isEmpty();
        Level known = memoized ? memo.get(symbol) : null;
        if (known != null) {
            return known;
        }
        if (memoized) {
            memo.put(symbol, Level.CONSTANT);
        } else if (!inProgress.add(symbol)) {
            return Level.CONSTANT;
        }
        List<Expr> bodies = new ArrayList<>();
        if (symbol.node() instanceof Unit.Definition d) {
            Subexpressions.definitionBodies(d, bodies);
        }
        Map<String, Symbol> table = spec.visible().getOrDefault(symbol.module(), Map.of());
        Level level = Level.CONSTANT;
        for (Expr body : bodies) {
            level = max(level, level(body, table));
        }
        if (memoized) {
            memo.put(symbol, level);
        } else {
            inProgress.remove(symbol);
        }
        return level;
    }

    /**
     * The levels an INSTANCE gives the constants and variables of the module it instantiates:
     * each substituted expression's, and for the others (substituted implicitly) the level of the
     * same name where the INSTANCE is.
     */
    private Map<String, Level> substitutionLevels(Unit.InstanceDef i, Map<String, Symbol> table) {
        Map<String, Level> out = new HashMap<>();
        for (Unit.Substitution sub : i.substitutions()) {
            out.put(sub.target(), level(sub.replacement(), table));
        }
        for (Symbol s : spec.exported().getOrDefault(i.module().text(), Map.of()).values()) {
            if ((s.kind() == Symbol.Kind.CONSTANT || s.kind() == Symbol.Kind.VARIABLE) && !out.containsKey(s.name())) {
                Symbol here = table.get(s.name());
                out.put(s.name(), here == null ? Level.CONSTANT : of(here));
            }
        }
        return out;
    }

    private Level level(Expr e, Map<String, Symbol> table) {
        Level children = Level.CONSTANT;
        boolean[] skipped = e instanceof Expr.OpApp app && !app.args().isEmpty() ? enabledOnly(app, table) : null;
        List<Expr> subs = Subexpressions.direct(e);
        int firstArg = skipped == null ? 0 : subs.size() - skipped.length;
        for (int i = 0; i < subs.size(); i++) {
            if (skipped != null && i >= firstArg && skipped[i - firstArg]) {
                continue;
            }
            children = max(children, level(subs.get(i), table));
        }
        return combine(e, table, children);
    }

    /**
     * Per definition: which of its parameters occur only under ENABLED in its body. By identity:
     * a record's own hashCode would hash the whole body, through the run-time linked record
     * methods RuntimeClassDefinitionTest keeps out of a check.
     */
    private final Map<Unit.OpDef, boolean[]> enabledOnly = new java.util.IdentityHashMap<>();

    /**
     * For an application of a definition, by argument: whether its parameter occurs only under
     * ENABLED in the body, where the argument's level does not raise the application's (SANY's
     * level parameters): {@code B(Next)} with {@code B(d) == ENABLED d} is a state predicate.
     * Null when the application is of something else.
     */
    private boolean[] enabledOnly(Expr.OpApp app, Map<String, Symbol> table) {
        Symbol target;
        if (app.path().isEmpty()) {
            target = table.get(app.name());
        } else {
            target = InstancePaths.follow(spec.exported(), table.get(app.path().get(0).name()), app, (s, i) -> { });
        }
        if (target == null || !(target.node() instanceof Unit.OpDef d) || d.params().size() != app.args().size()) {
            return null;
        }
        return enabledOnly.computeIfAbsent(d, k -> {
            boolean[] out = new boolean[d.params().size()];
            for (int i = 0; i < out.length; i++) {
                String name = d.params().get(i).name();
                // (a parameter the body never names may be a native's stub: its argument counts)
                out[i] = d.params().get(i).arity() == 0 && underEnabled(d.body(), name, false, 0)
                        && !outsideEnabled(d.body(), name, 0);
            }
            return out;
        });
    }

    /** Whether {@code name} occurs in {@code e} under ENABLED ({@code inside}: e is under one). */
    private static boolean underEnabled(Expr e, String name, boolean inside, int depth) {
        if (depth > 200) {
            return false;
        }
        if (e instanceof Expr.OpApp app && app.path().isEmpty()) {
            if (app.name().equals("ENABLED") && app.args().size() == 1) {
                inside = true;
            } else if (inside && app.name().equals(name) && app.args().isEmpty()) {
                return true;
            }
        }
        for (Expr sub : Subexpressions.direct(e)) {
            if (underEnabled(sub, name, inside, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} occurs in {@code e} other than under ENABLED. */
    private static boolean outsideEnabled(Expr e, String name, int depth) {
        if (depth > 200) {
            return true;
        }
        if (e instanceof Expr.OpApp app && app.path().isEmpty()) {
            if (app.name().equals("ENABLED") && app.args().size() == 1) {
                return false;
            }
            if (app.name().equals(name) && app.args().isEmpty()) {
                return true;
            }
        }
        for (Expr sub : Subexpressions.direct(e)) {
            if (outsideEnabled(sub, name, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The level of {@code e} given the highest level among its direct sub-expressions. */
    private Level combine(Expr e, Map<String, Symbol> table, Level children) {
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
        if (e instanceof Expr.OpApp app && app.path().isEmpty() && app.name().equals("ENABLED")) {
            return children == Level.TEMPORAL ? Level.TEMPORAL : Level.STATE;
        }
        return max(own, children);
    }

    private Level opApp(Expr.OpApp app, Map<String, Symbol> table) {
        if (!app.path().isEmpty()) {
            Symbol first = table.get(app.path().get(0).name());
            Symbol target = InstancePaths.follow(spec.exported(), first, app, (s, i) -> { });
            if (target == null) {
                return Level.CONSTANT;
            }
            if (app.path().size() != 1 || first == null || !(first.node() instanceof Unit.InstanceDef inst)) {
                return of(target);
            }
            Map<String, Level> outer = substitution;
            Map<String, Level> inner = substitutionLevels(inst, table);
            substitution = inner;
            try {
                return of(target);
            } finally {
                substitution = outer;
            }
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
