package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Subexpressions;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SANY's level checking, with its messages and positions, so that a spec TLC would refuse for a
 * level error is refused here with the same report.
 *
 * <p>Every expression gets a level (0 constant, 1 state, 2 action, 3 temporal) and the set of
 * formal parameters its level depends on. Each built-in operator allows its arguments up to a
 * maximum level (SANY's table: a prime takes a state function, a set or an equality takes no
 * temporal formula); a defined operator allows for each parameter the least maximum its body
 * puts on it, so that applying {@code Op(a) == a'} to {@code x'} is reported where it is applied.
 * An INSTANCE's definitions are levelled with the substituted expressions in place of the
 * instantiated module's constants and variables (the parameters of a parameterized INSTANCE are
 * parameters of every definition reached through it). On top of the maximum levels, SANY's
 * temporal rules: {@code []}/{@code <>} of an action not of the form {@code [A]_v} /
 * {@code <<A>>_v}, an action under {@code ~>}/{@code -+->}, an action and a temporal formula
 * joined by a Boolean operator, an action-level bound of a temporal quantifier, and an ASSUME
 * that is not constant.
 *
 * <p>Operators of standard modules count as taking arguments of any level (Synod's standard
 * modules state their meaning, not SANY's level data), so errors only they would reveal are not
 * reported rather than false ones reported.
 */
final class LevelChecker {

    private static final int CONSTANT = 0;
    private static final int STATE = 1;
    private static final int ACTION = 2;
    private static final int TEMPORAL = 3;

    /** A built-in operator: SANY's name for it, its own level, per-argument maximum and weight. */
    private record BuiltIn(String name, int opLevel, int[] maxLevels, boolean weighted) {
        int max(int i) {
            return maxLevels[Math.min(i, maxLevels.length - 1)];
        }
    }

    private static final Map<String, BuiltIn> INFIX_PREFIX = new HashMap<>();

    private static void builtIn(String spelling, String sanyName, int opLevel, boolean weighted, int... max) {
        INFIX_PREFIX.put(spelling, new BuiltIn(sanyName, opLevel, max, weighted));
    }

    static {
        builtIn("=", "=", 0, true, 2, 2);
        builtIn("/=", "/=", 0, true, 2, 2);
        builtIn("'", "'", 2, false, 1);
        builtIn("~", "\\lnot", 0, true, 3);
        builtIn("/\\", "\\land", 0, true, 3, 3);
        builtIn("\\/", "\\lor", 0, true, 3, 3);
        builtIn("<=>", "\\equiv", 0, true, 3, 3);
        builtIn("=>", "=>", 0, true, 3, 3);
        builtIn("SUBSET", "SUBSET", 0, true, 2);
        builtIn("UNION", "UNION", 0, true, 2);
        builtIn("DOMAIN", "DOMAIN", 0, true, 2);
        builtIn("\\subseteq", "\\subseteq", 0, true, 2, 2);
        builtIn("\\in", "\\in", 0, true, 2, 2);
        builtIn("\\notin", "\\notin", 0, true, 2, 2);
        builtIn("\\", "\\", 0, true, 2, 2);
        builtIn("\\cap", "\\intersect", 0, true, 2, 2);
        builtIn("\\cup", "\\union", 0, true, 2, 2);
        builtIn("~>", "~>", 3, false, 3, 3);
        builtIn("[]", "[]", 3, false, 3);
        builtIn("<>", "<>", 3, false, 3);
        builtIn("ENABLED", "ENABLED", 1, false, 2);
        builtIn("UNCHANGED", "UNCHANGED", 2, false, 1);
        builtIn("\\cdot", "\\cdot", 2, false, 2, 2);
        builtIn("-+->", "-+->", 3, false, 3, 3);
    }

    private static final BuiltIn SET_ENUM = new BuiltIn("$SetEnumerate", 0, new int[] {2}, true);
    private static final BuiltIn TUPLE = new BuiltIn("$Tuple", 0, new int[] {2}, true);
    private static final BuiltIn PRODUCT = new BuiltIn("$CartesianProd", 0, new int[] {2}, true);
    private static final BuiltIn FCN_APPLY = new BuiltIn("$FcnApply", 0, new int[] {2, 2}, true);
    private static final BuiltIn SET_OF_FCNS = new BuiltIn("$SetOfFcns", 0, new int[] {2}, true);
    private static final BuiltIn RCD = new BuiltIn("$RcdConstructor", 0, new int[] {3}, true);
    private static final BuiltIn SET_OF_RCDS = new BuiltIn("$SetOfRcds", 0, new int[] {2}, true);
    private static final BuiltIn RCD_SELECT = new BuiltIn("$RcdSelect", 0, new int[] {2}, true);
    private static final BuiltIn EXCEPT = new BuiltIn("$Except", 0, new int[] {2}, true);
    private static final BuiltIn IF = new BuiltIn("$IfThenElse", 0, new int[] {3}, true);
    private static final BuiltIn CASE = new BuiltIn("$Case", 0, new int[] {3}, true);
    private static final BuiltIn CONJ = new BuiltIn("$ConjList", 0, new int[] {3}, true);
    private static final BuiltIn DISJ = new BuiltIn("$DisjList", 0, new int[] {3}, true);
    private static final BuiltIn SQUARE = new BuiltIn("$SquareAct", 2, new int[] {2, 1}, false);
    private static final BuiltIn ANGLE = new BuiltIn("$AngleAct", 2, new int[] {2, 1}, false);
    private static final BuiltIn WF = new BuiltIn("$WF", 3, new int[] {1, 2}, false);
    private static final BuiltIn SF = new BuiltIn("$SF", 3, new int[] {1, 2}, false);
    private static final BuiltIn BOUNDED_EXISTS = new BuiltIn("$BoundedExists", 0, new int[] {3}, true);
    private static final BuiltIn BOUNDED_FORALL = new BuiltIn("$BoundedForall", 0, new int[] {3}, true);
    private static final BuiltIn UNBOUNDED = new BuiltIn("$UnboundedForall", 0, new int[] {3}, true);
    private static final BuiltIn TEMPORAL_QUANT = new BuiltIn("$TemporalExists", 3, new int[] {3}, false);
    private static final BuiltIn BOUNDED_CHOOSE = new BuiltIn("$BoundedChoose", 0, new int[] {2}, true);
    private static final BuiltIn UNBOUNDED_CHOOSE = new BuiltIn("$UnboundedChoose", 0, new int[] {2}, true);
    private static final BuiltIn SUBSET_OF = new BuiltIn("$SubsetOf", 0, new int[] {2}, true);
    private static final BuiltIn SET_OF_ALL = new BuiltIn("$SetOfAll", 0, new int[] {2}, true);
    private static final BuiltIn FCN_CONSTRUCTOR = new BuiltIn("$FcnConstructor", 0, new int[] {3}, true);

    /** The level of an expression, the parameters it depends on, and whether it is free of level errors. */
    private record Info(int level, Set<Object> params, boolean ok, Set<Object> all, Set<Object> nonLeibniz) {
        static final Info CONSTANT_OK = new Info(CONSTANT, Set.of(), true, Set.of(), Set.of());
    }

    /** The parameters in {@code args} and those they appear in as arguments an operator is not Leibniz in. */
    private record Leibniz(Set<Object> all, Set<Object> nonLeibniz) {
        Leibniz() {
            this(new HashSet<>(), new HashSet<>());
        }

        void add(Info arg, boolean leibnizArg) {
            all.addAll(arg.all());
            nonLeibniz.addAll(arg.nonLeibniz());
            if (!leibnizArg) {
                nonLeibniz.addAll(arg.all());
            }
        }
    }

    /**
     * What is known of an operator for applying it: its level without its arguments; per own
     * parameter, whether the argument's level counts and the highest level it may have; the
     * parameters of enclosing scopes (LET, a parameterized INSTANCE) its level depends on and
     * the maximum levels it puts on them.
     */
    private record OpInfo(int level, boolean[] weights, int[] maxLevels, Set<Object> freeParams,
            Map<Object, Integer> freeConstraints, boolean[] leibniz, Set<Object> freeAll, Set<Object> freeNonLeibniz) {
        /** SANY's Leibniz operator: substituting equals for equals in any argument gives equals. */
        boolean isLeibniz(List<ParamKey> instanceKeys) {
            for (boolean l : leibniz) {
                if (!l) {
                    return false;
                }
            }
            return instanceKeys.stream().noneMatch(freeNonLeibniz::contains);
        }

        static OpInfo unknown(int arity) {
            boolean[] w = new boolean[arity];
            Arrays.fill(w, true);
            int[] m = new int[arity];
            Arrays.fill(m, TEMPORAL);
            boolean[] l = new boolean[arity];
            Arrays.fill(l, true);
            return new OpInfo(CONSTANT, w, m, Set.of(), Map.of(), l, Set.of(), Set.of());
        }
    }

    /** A formal parameter (one object per parameter per walk of its definition). */
    private static final class ParamKey {
        final String name;

        ParamKey(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What a locally bound name stands for. */
    private sealed interface Binding permits ParamB, BoundB, LocalDefB {}

    private record ParamB(ParamKey key) implements Binding {}

    private record BoundB() implements Binding {}

    private record LocalDefB(Unit.Definition def, Scope scope, Ctx ctx) implements Binding {}

    /** Local names, innermost first. */
    private record Scope(String name, Binding binding, Scope parent) {
        static Binding find(Scope s, String name) {
            for (Scope c = s; c != null; c = c.parent) {
                if (c.name.equals(name)) {
                    return c.binding;
                }
            }
            return null;
        }
    }

    /** An expression an INSTANCE substitutes for a constant or variable, with where it is written. */
    private record Subst(Expr replacement, String module, Scope scope, Ctx ctx, ParamKey key) {
        /** A constant of a module levelled on its own: a parameter, to find the maximum level its module allows. */
        static Subst parameter(ParamKey key) {
            return new Subst(null, null, null, null, key);
        }
    }

    /**
     * Where definitions are levelled: directly (the root context) or through an INSTANCE, whose
     * substitutions replace the instantiated module's constants and variables.
     */
    private static final class Ctx {
        final Map<String, Subst> substitutions;
        final Ctx outer;
        /** The module whose names an unsubstituted constant or variable takes where the INSTANCE is. */
        final String outerModule;
        final Map<Unit.InstanceDef, Ctx> instances = new IdentityHashMap<>();

        Ctx(Map<String, Subst> substitutions, Ctx outer, String outerModule) {
            this.substitutions = substitutions;
            this.outer = outer;
            this.outerModule = outerModule;
        }

        boolean root() {
            return outer == null;
        }
    }

    private final ResolvedSpec spec;
    private final List<SemanticDiagnostic> out = new ArrayList<>();
    private final Set<List<Object>> reported = new HashSet<>();
    private final Ctx root = new Ctx(Map.of(), null, null);
    private final Map<Ctx, Map<Object, OpInfo>> memo = new IdentityHashMap<>();
    private final Set<Object> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per definition being walked, the maximum levels put on parameters so far. */
    private final Deque<Map<Object, Integer>> constraints = new ArrayDeque<>();
    /** Whether errors are reported: in the spec's own modules, not in standard modules or through an INSTANCE. */
    private boolean reporting;

    LevelChecker(ResolvedSpec spec) {
        this.spec = spec;
    }

    /** The level errors of the spec's own modules, in SANY's words. */
    List<SemanticDiagnostic> errors() {
        for (String name : spec.loaded().order()) {
            if (spec.loaded().standard().contains(name)) {
                continue;
            }
            reporting = true;
            try {
                for (var unit : spec.loaded().module(name).units()) {
                    unit(name, unit);
                }
            } finally {
                reporting = false;
            }
        }
        return out;
    }

    private void unit(String module, Unit unit) {
        constraints.push(new HashMap<>());
        try {
            if (unit instanceof Unit.OpDef || unit instanceof Unit.FunctionDef) {
                opInfo(module, (Unit.Definition) unit, null, root);
            } else if (unit instanceof Unit.InstanceDef i) {
                instance(module, i);
            } else if (unit instanceof Unit.Assume a && a.body() != null) {
                Info info = check(a.body(), module, null, root);
                if (info.level() != CONSTANT) {
                    error(a.span(), "Level error: assumptions must be level 0 (Constant), \nbut this one has level "
                            + info.level() + ".");
                }
            } else if (unit instanceof Unit.Theorem t && t.statement() != null) {
                opInfo(module, t, root);
            }
        } finally {
            constraints.pop();
        }
    }

    /**
     * The substitutions of an INSTANCE against what the instantiated module allows (SANY's
     * InstanceNode level check): in a module that is not constant, at most the level of the
     * constant (0) or variable (1) substituted for; and at most what the module's own
     * expressions allow the constant (an ASSUME, for one, allows no temporal formula).
     */
    private void instance(String module, Unit.InstanceDef inst) {
        Scope scope = paramScope(inst.params(), null, new ArrayList<>());
        List<Info> replacements = new ArrayList<>();
        for (Unit.Substitution s : inst.substitutions()) {
            replacements.add(check(s.replacement(), module, scope, root));
        }
        String inner = inst.module().text();
        if (spec.loaded().standard().contains(inner) || spec.loaded().module(inner) == null) {
            return;
        }
        Map<String, Symbol> declared = spec.visible().getOrDefault(inner, Map.of());
        boolean constantModule = constantModule(inner);
        Map<String, Integer> allowed = constantLimits(inner);
        for (int i = 0; i < replacements.size(); i++) {
            Info r = replacements.get(i);
            Unit.Substitution sub = inst.substitutions().get(i);
            Symbol param = declared.get(sub.target());
            if (param == null) {
                continue;
            }
            int paramLevel = param.kind() == Symbol.Kind.VARIABLE ? STATE : CONSTANT;
            if (r.ok() && !constantModule && r.level() > paramLevel) {
                error(inst.span(), substitutionError(inner, sub.target(), paramLevel));
            }
            if (param.arity() > 0 && !leibnizOperator(sub.replacement(), module, scope)) {
                error(inst.span(), "Error in instantiating module '" + inner + "':\n A non-Leibniz operator substituted for '"
                        + sub.target() + "'.");
            }
        }
        for (int i = 0; i < replacements.size(); i++) {
            Info r = replacements.get(i);
            String target = inst.substitutions().get(i).target();
            Symbol param = declared.get(target);
            if (param == null || !r.ok()) {
                continue;
            }
            Integer limit = constantModule || param.kind() != Symbol.Kind.CONSTANT ? allowed.get(target) : Integer.valueOf(CONSTANT);
            if (limit != null && r.level() > limit) {
                error(inst.span(), substitutionError(inner, target, limit));
            }
        }
    }

    /**
     * Whether an operator given as an argument (a defined operator, one of an INSTANCE, a LAMBDA)
     * is Leibniz; standard modules' and built-in operators count as Leibniz.
     */
    private boolean leibnizOperator(Expr e, String module, Scope scope) {
        boolean wasReporting = reporting;
        reporting = false;
        constraints.push(new HashMap<>());
        try {
            if (e instanceof Expr.Lambda l) {
                List<ParamKey> keys = new ArrayList<>();
                Info body = check(l.body(), module, paramScope(l.params(), scope, keys), root);
                return finish(body, keys).isLeibniz(List.of());
            }
            if (!(e instanceof Expr.OpApp app) || !app.args().isEmpty()) {
                return true;
            }
            if (app.path().isEmpty()) {
                Symbol s = Scope.find(scope, app.name()) == null
                        ? spec.visible().getOrDefault(module, Map.of()).get(app.name()) : null;
                if (s == null || spec.loaded().standard().contains(s.module())
                        || !(s.node() instanceof Unit.OpDef d)) {
                    return true;
                }
                return opInfo(s.module(), d, null, root).isLeibniz(List.of());
            }
            Symbol first = spec.visible().getOrDefault(module, Map.of()).get(app.path().get(0).name());
            InstancePaths.Target target = first == null ? null
                    : InstancePaths.target(spec.exported(), first, app, (st, in) -> { });
            if (target == null || target.selection() || app.path().size() != 1
                    || !app.path().get(0).args().isEmpty()
                    || !(first.node() instanceof Unit.InstanceDef inst)
                    || spec.loaded().standard().contains(inst.module().text())
                    || !(target.symbol().node() instanceof Unit.OpDef d)) {
                return true;
            }
            Ctx instCtx = instanceCtx(inst, first.module(), root);
            return opInfo(target.symbol().module(), d, null, instCtx).isLeibniz(instanceKeys.get(instCtx));
        } finally {
            constraints.pop();
            reporting = wasReporting;
        }
    }

    private static String substitutionError(String module, String target, int level) {
        return "Level error in instantiating module '" + module + "':\nThe level of the expression or operator "
                + "substituted for '" + target + "' \nmust be at most " + level + ".";
    }

    /**
     * SANY's constant module: no variable, and every definition and theorem of constant level (of
     * its own and the modules it extends).
     */
    private boolean constantModule(String module) {
        boolean wasReporting = reporting;
        reporting = false;
        constraints.push(new HashMap<>());
        try {
            List<String> own = extendsClosure(module);
            for (Symbol s : spec.visible().getOrDefault(module, Map.of()).values()) {
                // what a nested module sees of its enclosing module is not its own
                if (!own.contains(s.module())) {
                    continue;
                }
                if (s.kind() == Symbol.Kind.VARIABLE) {
                    return false;
                }
                if (s.node() instanceof Unit.OpDef || s.node() instanceof Unit.FunctionDef) {
                    if (opInfo(s.module(), (Unit.Definition) s.node(), null, root).level() != CONSTANT) {
                        return false;
                    }
                } else if (s.node() instanceof Unit.Theorem t && t.statement() != null
                        && opInfo(s.module(), t, root).level() != CONSTANT) {
                    return false;
                }
            }
            return true;
        } finally {
            constraints.pop();
            reporting = wasReporting;
        }
    }

    private final Map<String, Map<String, Integer>> constantLimits = new HashMap<>();

    /**
     * Per constant of a module, the highest level its expressions allow for it: the module's
     * definitions, theorems and assumptions levelled with each constant as a parameter.
     */
    private Map<String, Integer> constantLimits(String module) {
        Map<String, Integer> known = constantLimits.get(module);
        if (known != null) {
            return known;
        }
        Map<String, Subst> subs = new HashMap<>();
        Map<ParamKey, String> names = new HashMap<>();
        for (Symbol s : spec.visible().getOrDefault(module, Map.of()).values()) {
            if (s.kind() == Symbol.Kind.CONSTANT && s.arity() == 0) {
                ParamKey k = new ParamKey(s.name());
                subs.put(s.name(), Subst.parameter(k));
                names.put(k, s.name());
            }
        }
        Ctx ctx = new Ctx(subs, root, module);
        boolean wasReporting = reporting;
        reporting = false;
        constraints.push(new HashMap<>());
        try {
            for (String m : extendsClosure(module)) {
                for (Unit u : spec.loaded().module(m).units()) {
                    if (u instanceof Unit.OpDef || u instanceof Unit.FunctionDef) {
                        opInfo(m, (Unit.Definition) u, null, ctx);
                    } else if (u instanceof Unit.Theorem t && t.statement() != null) {
                        opInfo(m, t, ctx);
                    } else if (u instanceof Unit.Assume a && a.body() != null) {
                        // SANY: a constant in an assumption may not be replaced by a temporal formula
                        constrain(check(a.body(), m, null, ctx).params(), ACTION);
                    }
                }
            }
            Map<String, Integer> out = new HashMap<>();
            constraints.peek().forEach((k, v) -> {
                String name = k instanceof ParamKey p ? names.get(p) : null;
                if (name != null) {
                    out.merge(name, v, Math::min);
                }
            });
            constantLimits.put(module, out);
            return out;
        } finally {
            constraints.pop();
            reporting = wasReporting;
        }
    }

    /** A module and those it extends, its own standard ones left out. */
    private List<String> extendsClosure(String module) {
        List<String> out = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (out.contains(m) || spec.loaded().standard().contains(m) || spec.loaded().module(m) == null) {
                continue;
            }
            out.add(m);
            spec.loaded().module(m).extendsList().forEach(n -> todo.add(n.text()));
        }
        return out;
    }

    private void error(Span span, String message) {
        // SANY reports an error once per position and text (a definition levelled again adds nothing)
        if (reporting && reported.add(List.of(span, message))) {
            out.add(new SemanticDiagnostic(span, message));
        }
    }

    private void constrain(Set<Object> params, int max) {
        Map<Object, Integer> top = constraints.peek();
        for (Object p : params) {
            top.merge(p, max, Math::min);
        }
    }

    private static Scope paramScope(List<Param> params, Scope parent, List<ParamKey> keys) {
        Scope s = parent;
        for (Param p : params) {
            ParamKey k = new ParamKey(p.name());
            keys.add(k);
            s = new Scope(p.name(), new ParamB(k), s);
        }
        return s;
    }

    // ---------------------------------------------------------------- definitions

    private OpInfo opInfo(String module, Unit.Theorem theorem, Ctx ctx) {
        Map<Object, OpInfo> m = memo.computeIfAbsent(ctx, c -> new IdentityHashMap<>());
        OpInfo known = m.get(theorem);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(theorem)) {
            return OpInfo.unknown(0);
        }
        boolean wasReporting = reporting;
        reporting = wasReporting && ctx.root();
        constraints.push(new HashMap<>());
        try {
            Info body = check(theorem.statement(), module, null, ctx);
            OpInfo info = finish(body, List.of());
            m.put(theorem, info);
            return info;
        } finally {
            constraints.pop();
            reporting = wasReporting;
            inProgress.remove(theorem);
        }
    }

    /** The level data of a definition, walking its body once per context (reporting its errors then). */
    private OpInfo opInfo(String module, Unit.Definition def, Scope outer, Ctx ctx) {
        Map<Object, OpInfo> m = memo.computeIfAbsent(ctx, c -> new IdentityHashMap<>());
        OpInfo known = m.get(def);
        if (known != null) {
            return known;
        }
        int arity = def instanceof Unit.OpDef o ? o.params().size() : 0;
        if (!inProgress.add(def)) {
            return OpInfo.unknown(arity);
        }
        boolean wasReporting = reporting;
        reporting = wasReporting && ctx.root();
        constraints.push(new HashMap<>());
        try {
            List<ParamKey> keys = new ArrayList<>();
            Info body;
            if (def instanceof Unit.OpDef o) {
                Scope scope = paramScope(o.params(), outer, keys);
                body = check(o.body(), module, scope, ctx);
            } else if (def instanceof Unit.FunctionDef f) {
                body = binding(f.binders(), List.of(f.body()), module, outer, ctx, FCN_CONSTRUCTOR, f.span());
            } else {
                body = Info.CONSTANT_OK;
            }
            OpInfo info = finish(body, keys);
            if (def instanceof Unit.OpDef o && o.recursive()) {
                // SANY levels a recursive operator assuming its arguments may be actions
                for (int j = 0; j < info.maxLevels().length; j++) {
                    if (info.maxLevels()[j] < ACTION) {
                        error(def.span(), "Argument " + (j + 1) + " of recursive operator " + o.name() + " is primed");
                    }
                }
            }
            m.put(def, info);
            return info;
        } finally {
            Map<Object, Integer> own = constraints.pop();
            // the constraints on enclosing parameters hold in the enclosing definition too
            Map<Object, Integer> enclosing = constraints.peek();
            if (enclosing != null) {
                for (var e : own.entrySet()) {
                    enclosing.merge(e.getKey(), e.getValue(), Math::min);
                }
            }
            reporting = wasReporting;
            inProgress.remove(def);
        }
    }

    private OpInfo finish(Info body, List<ParamKey> keys) {
        Map<Object, Integer> own = constraints.peek();
        boolean[] weights = new boolean[keys.size()];
        int[] max = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            weights[i] = body.params().contains(keys.get(i));
            max[i] = own.getOrDefault(keys.get(i), TEMPORAL);
        }
        Set<Object> free = new HashSet<>(body.params());
        free.removeAll(keys);
        Map<Object, Integer> freeConstraints = new HashMap<>(own);
        keys.forEach(freeConstraints::remove);
        boolean[] leibniz = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            leibniz[i] = !body.nonLeibniz().contains(keys.get(i));
        }
        Set<Object> freeAll = new HashSet<>(body.all());
        keys.forEach(freeAll::remove);
        Set<Object> freeNonLeibniz = new HashSet<>(body.nonLeibniz());
        keys.forEach(freeNonLeibniz::remove);
        return new OpInfo(body.level(), weights, max, free, freeConstraints, leibniz, freeAll, freeNonLeibniz);
    }

    // ---------------------------------------------------------------- expressions

    private Info check(Expr e, String module, Scope scope, Ctx ctx) {
        if (e == null) {
            return Info.CONSTANT_OK;
        }
        if (e instanceof Expr.OpApp app) {
            return opApp(app, module, scope, ctx);
        } else if (e instanceof Expr.Label l) {
            return check(l.body(), module, scope, ctx);
        } else if (e instanceof Expr.Let let) {
            Scope s = scope;
            for (Unit.Definition d : let.definitions()) {
                String name = definedName(d);
                if (name != null) {
                    s = new Scope(name, new LocalDefB(d, s, ctx), s);
                }
            }
            for (Unit.Definition d : let.definitions()) {
                if (d instanceof Unit.OpDef || d instanceof Unit.FunctionDef) {
                    opInfo(module, d, s, ctx);
                }
            }
            return check(let.body(), module, s, ctx);
        } else if (e instanceof Expr.SetEnum s) {
            return builtInApp(SET_ENUM, e.span(), s.elements(), module, scope, ctx);
        } else if (e instanceof Expr.Tuple t) {
            return builtInApp(TUPLE, e.span(), t.elements(), module, scope, ctx);
        } else if (e instanceof Expr.Product p) {
            return builtInApp(PRODUCT, e.span(), p.factors(), module, scope, ctx);
        } else if (e instanceof Expr.FunApp f) {
            List<Expr> args = new ArrayList<>();
            args.add(f.function());
            args.addAll(f.args());
            return builtInApp(FCN_APPLY, e.span(), args, module, scope, ctx);
        } else if (e instanceof Expr.FunSet f) {
            return builtInApp(SET_OF_FCNS, e.span(), List.of(f.domain(), f.range()), module, scope, ctx);
        } else if (e instanceof Expr.RecordCons r) {
            return builtInApp(RCD, e.span(), r.fields().stream().map(Expr.Field::value).toList(), module, scope, ctx);
        } else if (e instanceof Expr.RecordSet r) {
            return builtInApp(SET_OF_RCDS, e.span(), r.fields().stream().map(Expr.Field::value).toList(), module,
                    scope, ctx);
        } else if (e instanceof Expr.FieldAccess f) {
            return builtInApp(RCD_SELECT, e.span(), List.of(f.record()), module, scope, ctx);
        } else if (e instanceof Expr.Except x) {
            List<Expr> args = new ArrayList<>();
            Subexpressions.direct(x).forEach(args::add);
            return builtInApp(EXCEPT, e.span(), args, module, scope, ctx);
        } else if (e instanceof Expr.If i) {
            return builtInApp(IF, e.span(), List.of(i.condition(), i.then(), i.otherwise()), module, scope, ctx);
        } else if (e instanceof Expr.Case c) {
            return builtInApp(CASE, e.span(), Subexpressions.direct(c), module, scope, ctx);
        } else if (e instanceof Expr.Junction j) {
            Info info = builtInApp(j.kind() == Expr.JunctionKind.AND ? CONJ : DISJ, e.span(), j.items(), module,
                    scope, ctx);
            return info;
        } else if (e instanceof Expr.BoxAction b) {
            return builtInApp(SQUARE, e.span(), List.of(b.action(), b.subscript()), module, scope, ctx);
        } else if (e instanceof Expr.AngleAction a) {
            return builtInApp(ANGLE, e.span(), List.of(a.action(), a.subscript()), module, scope, ctx);
        } else if (e instanceof Expr.Fairness f) {
            return builtInApp(f.strong() ? SF : WF, e.span(), List.of(f.subscript(), f.action()), module, scope, ctx);
        } else if (e instanceof Expr.Quant q) {
            BuiltIn op = switch (q.kind()) {
                case TEMPORAL_EXISTS, TEMPORAL_FORALL -> TEMPORAL_QUANT;
                case EXISTS -> q.binders().stream().anyMatch(Binder::bounded) ? BOUNDED_EXISTS : UNBOUNDED;
                case FORALL -> q.binders().stream().anyMatch(Binder::bounded) ? BOUNDED_FORALL : UNBOUNDED;
            };
            return binding(q.binders(), List.of(q.body()), module, scope, ctx, op, e.span());
        } else if (e instanceof Expr.Choose c) {
            return binding(List.of(c.binder()), List.of(c.body()), module, scope, ctx,
                    c.binder().bounded() ? BOUNDED_CHOOSE : UNBOUNDED_CHOOSE, e.span());
        } else if (e instanceof Expr.SetFilter f) {
            return binding(List.of(f.binder()), List.of(f.predicate()), module, scope, ctx, SUBSET_OF, e.span());
        } else if (e instanceof Expr.SetMap m) {
            return binding(m.binders(), List.of(m.body()), module, scope, ctx, SET_OF_ALL, e.span());
        } else if (e instanceof Expr.FunCons f) {
            return binding(f.binders(), List.of(f.body()), module, scope, ctx, FCN_CONSTRUCTOR, e.span());
        } else if (e instanceof Expr.Lambda l) {
            Scope s = paramScope(l.params(), scope, new ArrayList<>());
            check(l.body(), module, s, ctx);
            return Info.CONSTANT_OK;
        }
        return Info.CONSTANT_OK;
    }

    private static String definedName(Unit.Definition d) {
        if (d instanceof Unit.OpDef o) {
            return o.name();
        } else if (d instanceof Unit.FunctionDef f) {
            return f.name();
        }
        return null;
    }

    /** A construct binding names: ranges levelled where written, bodies with the names bound. */
    private Info binding(List<Binder> binders, List<Expr> bodies, String module, Scope scope, Ctx ctx, BuiltIn op,
            Span span) {
        List<Info> ranges = new ArrayList<>();
        List<Binder> bounded = new ArrayList<>();
        Scope s = scope;
        for (Binder b : binders) {
            if (b.domain() != null) {
                ranges.add(check(b.domain(), module, scope, ctx));
                bounded.add(b);
            }
            for (Name n : b.names()) {
                s = new Scope(n.text(), new BoundB(), s);
            }
        }
        List<Info> args = new ArrayList<>();
        for (Expr body : bodies) {
            args.add(check(body, module, s, ctx));
        }
        Info result = apply(op, span, args);
        boolean ok = result.ok();
        int level = result.level();
        Set<Object> params = new HashSet<>(result.params());
        Leibniz leibniz = new Leibniz(new HashSet<>(result.all()), new HashSet<>(result.nonLeibniz()));
        for (int i = 0; i < ranges.size(); i++) {
            Info r = ranges.get(i);
            leibniz.add(r, true);
            ok &= r.ok();
            if (r.level() > ACTION) {
                if (r.ok()) {
                    error(span, "Level error in applying operator " + op.name()
                            + ":\nThe level of the range for the bounded variable "
                            + bounded.get(i).names().get(0).text() + " \nexceeds the maximum level allowed by the operator.");
                }
                ok = false;
            }
            level = Math.max(level, r.level());
            params.addAll(r.params());
        }
        if (level == TEMPORAL && (op == BOUNDED_EXISTS || op == BOUNDED_FORALL)) {
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i).level() == ACTION) {
                    error(bounded.get(i).domain().span(), "Action-level bound of quantified temporal formula.");
                }
            }
        }
        return new Info(level, params, ok, leibniz.all(), leibniz.nonLeibniz());
    }

    private Info builtInApp(BuiltIn op, Span span, List<Expr> argExprs, String module, Scope scope, Ctx ctx) {
        List<Info> args = new ArrayList<>(argExprs.size());
        for (Expr a : argExprs) {
            args.add(check(a, module, scope, ctx));
        }
        Info info = apply(op, span, args);
        temporalRules(op.name(), span, argExprs, args);
        return info;
    }

    /** A built-in operator applied to levelled arguments: SANY's maximum levels and the resulting level. */
    private Info apply(BuiltIn op, Span span, List<Info> args) {
        boolean ok = true;
        int level = op.opLevel();
        Set<Object> params = new HashSet<>();
        Leibniz leibniz = new Leibniz();
        for (int i = 0; i < args.size(); i++) {
            Info a = args.get(i);
            ok &= a.ok();
            // SANY: a built-in operator is Leibniz in the arguments whose level counts
            leibniz.add(a, op.weighted());
            if (a.level() > op.max(i)) {
                if (a.ok()) {
                    error(span, "Level error in applying operator " + op.name() + ":\nThe level of argument "
                            + (i + 1) + " exceeds the maximum level allowed by the operator.");
                }
                ok = false;
            }
            constrain(a.params(), op.max(i));
            if (op.weighted()) {
                level = Math.max(level, a.level());
                params.addAll(a.params());
            }
        }
        return new Info(level, params, ok, leibniz.all(), leibniz.nonLeibniz());
    }

    /** SANY's rules against raw actions in temporal formulas. */
    private void temporalRules(String name, Span span, List<Expr> argExprs, List<Info> args) {
        switch (name) {
            case "[]", "<>" -> {
                Expr arg = argExprs.get(0);
                boolean formed = name.equals("[]") ? arg instanceof Expr.BoxAction : arg instanceof Expr.AngleAction;
                boolean opAppl = !(arg instanceof Expr.Let) && !(arg instanceof Expr.Label);
                if (args.get(0).level() == ACTION && opAppl && !formed) {
                    error(span, name.equals("[]") ? "[] followed by action not of form [A]_v."
                            : "<> followed by action not of form <<A>>_v.");
                }
            }
            case "~>", "-+->" -> {
                if (args.get(0).level() == ACTION || args.get(1).level() == ACTION) {
                    error(span, "Action used where only temporal formula or state predicate allowed.");
                }
            }
            case "\\land", "\\lor", "=>", "\\equiv", "$ConjList", "$DisjList" -> {
                boolean temporal = args.stream().anyMatch(a -> a.level() == TEMPORAL);
                boolean action = args.stream().anyMatch(a -> a.level() == ACTION);
                if (temporal && action) {
                    String shown = switch (name) {
                        case "$ConjList" -> "Conjunction list";
                        case "$DisjList" -> "Disjunction list";
                        default -> name;
                    };
                    error(span, shown + " has both temporal formula and action as arguments.");
                }
            }
            default -> {
            }
        }
    }

    private Info opApp(Expr.OpApp app, String module, Scope scope, Ctx ctx) {
        if (!app.path().isEmpty()) {
            return instanceApp(app, module, scope, ctx);
        }
        String name = app.name();
        Binding local = Scope.find(scope, name);
        if (local != null) {
            List<Info> args = args(app.args(), module, scope, ctx);
            if (local instanceof ParamB p) {
                Set<Object> params = new HashSet<>();
                params.add(p.key());
                return declared(params, args);
            } else if (local instanceof BoundB) {
                return declared(new HashSet<>(), args);
            }
            LocalDefB d = (LocalDefB) local;
            return applyDefined(definedName(d.def()), opInfo(module, d.def(), d.scope(), d.ctx()), app, args,
                    Map.of(), List.of());
        }
        Subst sub = ctx.substitutions.get(name);
        if (sub != null && visibleIsDeclaration(module, name)) {
            Info replaced = sub.key() != null
                    ? new Info(CONSTANT, new HashSet<>(Set.of(sub.key())), true, Set.of(sub.key()), Set.of())
                    : check(sub.replacement(), sub.module(), sub.scope(), sub.ctx());
            List<Info> args = args(app.args(), module, scope, ctx);
            List<Info> all = new ArrayList<>(args);
            all.add(replaced);
            return declared(new HashSet<>(), all, replaced.level(), replaced.ok());
        }
        Symbol symbol = spec.visible().getOrDefault(module, Map.of()).get(name);
        if (symbol == null || symbol.kind() == Symbol.Kind.BOUND) {
            BuiltIn op = INFIX_PREFIX.get(name);
            List<Info> args = args(app.args(), module, scope, ctx);
            if (op != null && args.size() == op.maxLevels().length) {
                Info info = apply(op, app.span(), args);
                temporalRules(op.name(), app.span(), app.args(), args);
                return info;
            }
            return declared(new HashSet<>(), args);
        }
        return symbolApp(symbol, app, module, scope, ctx, args(app.args(), module, scope, ctx), Map.of(), List.of());
    }

    private boolean visibleIsDeclaration(String module, String name) {
        Symbol s = spec.visible().getOrDefault(module, Map.of()).get(name);
        return s == null || s.kind() == Symbol.Kind.CONSTANT || s.kind() == Symbol.Kind.VARIABLE;
    }

    private List<Info> args(List<Expr> exprs, String module, Scope scope, Ctx ctx) {
        List<Info> out = new ArrayList<>(exprs.size());
        for (Expr a : exprs) {
            out.add(check(a, module, scope, ctx));
        }
        return out;
    }

    /** A declared operator (or parameter) applied: as high as its arguments, no maximum. */
    private Info declared(Set<Object> params, List<Info> args) {
        return declared(params, args, CONSTANT, true);
    }

    private Info declared(Set<Object> params, List<Info> args, int level, boolean ok) {
        Leibniz leibniz = new Leibniz(new HashSet<>(params), new HashSet<>());
        for (Info a : args) {
            level = Math.max(level, a.level());
            params.addAll(a.params());
            leibniz.add(a, true);
            ok &= a.ok();
        }
        return new Info(level, params, ok, leibniz.all(), leibniz.nonLeibniz());
    }

    private Info symbolApp(Symbol symbol, Expr.OpApp app, String module, Scope scope, Ctx ctx, List<Info> args,
            Map<ParamKey, Info> instanceArgs, List<ParamKey> instanceKeys) {
        switch (symbol.kind()) {
            case VARIABLE:
                return declared(new HashSet<>(), args, implicitLevel(symbol, ctx, STATE), true);
            case CONSTANT:
                return declared(new HashSet<>(), args, implicitLevel(symbol, ctx, CONSTANT), true);
            case OPERATOR:
            case FUNCTION:
            case THEOREM:
                break;
            default:
                return declared(new HashSet<>(), args);
        }
        if (spec.loaded().standard().contains(symbol.module())) {
            return declared(new HashSet<>(), args);
        }
        Ctx defCtx = ctx;
        OpInfo info;
        if (symbol.node() instanceof Unit.Theorem t && t.statement() != null) {
            info = opInfo(symbol.module(), t, defCtx);
        } else if (symbol.node() instanceof Unit.OpDef || symbol.node() instanceof Unit.FunctionDef) {
            info = opInfo(symbol.module(), (Unit.Definition) symbol.node(), null, defCtx);
        } else {
            return declared(new HashSet<>(), args);
        }
        return applyDefined(displayName(app), info, app, args, instanceArgs, instanceKeys);
    }

    /**
     * The level of a constant or variable of an instantiated module that its INSTANCE does not
     * substitute explicitly: that of the same name where the INSTANCE is.
     */
    private int implicitLevel(Symbol symbol, Ctx ctx, int dflt) {
        if (ctx.root()) {
            return dflt;
        }
        Symbol outer = spec.visible().getOrDefault(ctx.outerModule, Map.of()).get(symbol.name());
        if (outer == null) {
            return dflt;
        }
        if (outer.kind() == Symbol.Kind.VARIABLE) {
            return implicitLevel(outer, ctx.outer, STATE);
        } else if (outer.kind() == Symbol.Kind.CONSTANT) {
            return implicitLevel(outer, ctx.outer, CONSTANT);
        }
        return dflt;
    }

    private static String displayName(Expr.OpApp app) {
        StringBuilder b = new StringBuilder();
        for (Expr.InstanceStep s : app.path()) {
            b.append(s.name()).append('!');
        }
        return b.append(app.name()).toString();
    }

    /**
     * A defined operator applied to levelled arguments (an operator given as an argument, with no
     * arguments of its own here, is not levelled: SANY checks those against the receiving operator).
     */
    private Info applyDefined(String name, OpInfo op, Expr.OpApp app, List<Info> args, Map<ParamKey, Info> instanceArgs,
            List<ParamKey> instanceKeys) {
        if (args.size() != op.weights().length) {
            return declared(new HashSet<>(), args);
        }
        boolean ok = true;
        int level = op.level();
        Set<Object> params = new HashSet<>();
        List<Info> all = new ArrayList<>();
        List<Integer> maxes = new ArrayList<>();
        List<Boolean> weights = new ArrayList<>();
        List<Boolean> leibnizArgs = new ArrayList<>();
        for (ParamKey k : instanceKeys) {
            all.add(instanceArgs.get(k));
            maxes.add(op.freeConstraints().getOrDefault(k, TEMPORAL));
            weights.add(op.freeParams().contains(k));
            leibnizArgs.add(!op.freeNonLeibniz().contains(k));
        }
        for (int i = 0; i < args.size(); i++) {
            all.add(args.get(i));
            maxes.add(op.maxLevels()[i]);
            weights.add(op.weights()[i]);
            leibnizArgs.add(op.leibniz()[i]);
        }
        Leibniz leibniz = new Leibniz();
        for (Object free : op.freeAll()) {
            if (!instanceKeys.contains(free)) {
                leibniz.all().add(free);
            }
        }
        for (Object free : op.freeNonLeibniz()) {
            if (!instanceKeys.contains(free)) {
                leibniz.nonLeibniz().add(free);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Info a = all.get(i);
            leibniz.add(a, leibnizArgs.get(i));
            ok &= a.ok();
            if (a.level() > maxes.get(i)) {
                if (a.ok()) {
                    error(app.span(), "Level error in applying operator " + name + ":\nThe level of argument "
                            + (i + 1) + " exceeds the maximum level allowed by the operator.");
                }
                ok = false;
            }
            constrain(a.params(), maxes.get(i));
            if (weights.get(i)) {
                level = Math.max(level, a.level());
                params.addAll(a.params());
            }
        }
        for (Object free : op.freeParams()) {
            if (!instanceKeys.contains(free)) {
                params.add(free);
            }
        }
        Map<Object, Integer> top = constraints.peek();
        for (var c : op.freeConstraints().entrySet()) {
            if (!instanceKeys.contains(c.getKey())) {
                top.merge(c.getKey(), c.getValue(), Math::min);
            }
        }
        return new Info(level, params, ok, leibniz.all(), leibniz.nonLeibniz());
    }

    /** {@code I!Op(...)} and {@code I(a)!Op(...)}: the definition levelled with the INSTANCE's substitutions. */
    private Info instanceApp(Expr.OpApp app, String module, Scope scope, Ctx ctx) {
        List<Info> stepArgs = new ArrayList<>();
        for (Expr.InstanceStep step : app.path()) {
            stepArgs.addAll(args(step.args(), module, scope, ctx));
        }
        List<Info> args = args(app.args(), module, scope, ctx);
        Symbol first = spec.visible().getOrDefault(module, Map.of()).get(app.path().get(0).name());
        InstancePaths.Target target = first == null ? null
                : InstancePaths.target(spec.exported(), first, app, (s, i) -> { });
        if (target == null || target.selection() || app.path().size() != 1
                || !(first.node() instanceof Unit.InstanceDef inst)
                || spec.loaded().standard().contains(inst.module().text())) {
            List<Info> all = new ArrayList<>(stepArgs);
            all.addAll(args);
            return declared(new HashSet<>(), all);
        }
        Ctx instCtx = instanceCtx(inst, first.module(), ctx);
        Map<ParamKey, Info> instanceArgs = new HashMap<>();
        List<ParamKey> keys = instanceKeys.get(instCtx);
        if (keys.size() != stepArgs.size()) {
            List<Info> all = new ArrayList<>(stepArgs);
            all.addAll(args);
            return declared(new HashSet<>(), all);
        }
        for (int i = 0; i < keys.size(); i++) {
            instanceArgs.put(keys.get(i), stepArgs.get(i));
        }
        return symbolApp(target.symbol(), app, module, scope, instCtx, args, instanceArgs, keys);
    }

    private final Map<Ctx, List<ParamKey>> instanceKeys = new IdentityHashMap<>();

    private Ctx instanceCtx(Unit.InstanceDef inst, String module, Ctx ctx) {
        Ctx known = ctx.instances.get(inst);
        if (known != null) {
            return known;
        }
        List<ParamKey> keys = new ArrayList<>();
        Scope scope = paramScope(inst.params(), null, keys);
        Map<String, Subst> subs = new HashMap<>();
        for (Unit.Substitution s : inst.substitutions()) {
            subs.put(s.target(), new Subst(s.replacement(), module, scope, ctx, null));
        }
        Ctx c = new Ctx(subs, ctx, module);
        ctx.instances.put(inst, c);
        instanceKeys.put(c, keys);
        return c;
    }
}
