package io.synod.checker.semantic;

import io.synod.checker.semantic.Symbol.Kind;
import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Fixity;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Subexpressions;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scoping of a loaded specification: builds the table of names of every module in order of
 * definition (a name is usable only after it is defined, as in TLA+), and reports unknown names,
 * multiply-defined names and operators applied to the wrong number of arguments, in SANY's words.
 */
public final class Resolver {

    /** Operators and names of TLA+ itself, needing no module. */
    private static final Set<String> BUILTIN_INFIX = Set.of("/\\", "\\/", "=>", "<=>", "=", "/=", "\\in",
            "\\notin", "\\subseteq", "\\cup", "\\cap", "\\", "~>", "-+->", "\\cdot");
    private static final Set<String> BUILTIN_PREFIX = Set.of("~", "ENABLED", "UNCHANGED", "[]", "<>",
            "SUBSET", "UNION", "DOMAIN");
    private static final Set<String> BUILTIN_POSTFIX = Set.of("'");
    private static final Set<String> BUILTIN_NAMES = Set.of("BOOLEAN", "STRING", "TRUE", "FALSE");

    private final LoadedSpec spec;
    private final Map<String, Map<String, Symbol>> exported = new HashMap<>();
    private final Map<String, Map<String, Symbol>> visible = new HashMap<>();
    private final List<SemanticDiagnostic> errors = new ArrayList<>();
    private final List<SemanticDiagnostic> warnings = new ArrayList<>();
    private final Map<String, List<SemanticDiagnostic>> moduleWarnings = new HashMap<>();

    private Resolver(LoadedSpec spec) {
        this.spec = spec;
    }

    /**
     * Resolves every module of {@code spec}.
     *
     * @throws SemanticException listing every unknown, multiply-defined or misapplied name
     */
    public static ResolvedSpec resolve(LoadedSpec spec) throws SemanticException {
        Resolver r = new Resolver(spec);
        for (String name : spec.order()) {
            r.module(spec.module(name), new LinkedHashMap<>());
        }
        if (!r.errors.isEmpty()) {
            throw new SemanticException(r.errors, r.moduleWarnings);
        }
        return new ResolvedSpec(spec, r.exported, r.visible, r.warnings, r.moduleWarnings);
    }

    private void module(Module module, Map<String, Symbol> inherited) {
        if (visible.containsKey(module.name())) {
            return;
        }
        int firstWarning = warnings.size();
        Map<String, Symbol> table = new LinkedHashMap<>(inherited);
        Map<String, Symbol> exports = new LinkedHashMap<>();
        for (Name extended : module.extendsList()) {
            Map<String, Symbol> from = exported.get(extended.text());
            if (from != null) {
                for (Symbol s : from.values()) {
                    mergeExtended(table, s);
                    exports.putIfAbsent(s.name(), s);
                }
            }
        }
        for (Unit unit : module.units()) {
            unit(module.name(), unit, table, exports);
        }
        exported.put(module.name(), exports);
        visible.put(module.name(), table);
        moduleWarnings.put(module.name(), List.copyOf(warnings.subList(firstWarning, warnings.size())));
    }

    private void unit(String module, Unit unit, Map<String, Symbol> table, Map<String, Symbol> exports) {
        Scope scope = new Scope(table);
        if (unit instanceof Unit.ConstantDecl c) {
            export(table, exports, new Symbol(c.name(), Kind.CONSTANT, c.arity(), module, c.span(), c), false);
        } else if (unit instanceof Unit.VariableDecl v) {
            export(table, exports, new Symbol(v.name(), Kind.VARIABLE, 0, module, v.span(), v), false);
        } else if (unit instanceof Unit.RecursiveDecl r) {
            for (Param p : r.ops()) {
                table.put(p.name(), new Symbol(p.name(), Kind.OPERATOR, p.arity(), module, p.span(), r));
            }
        } else if (unit instanceof Unit.OpDef d) {
            Symbol self = new Symbol(d.name(), Kind.OPERATOR, d.params().size(), module, d.span(), d);
            opDef(d, scope);
            checkNewDefinition(table.get(d.name()), self);
            export(table, exports, self, d.local());
        } else if (unit instanceof Unit.FunctionDef f) {
            Symbol self = new Symbol(f.name(), Kind.FUNCTION, 0, module, f.span(), f);
            checkNewDefinition(table.get(f.name()), self);
            functionDef(f, self, scope);
            export(table, exports, self, f.local());
        } else if (unit instanceof Unit.InstanceDef i) {
            instance(module, i, scope, table, exports);
        } else if (unit instanceof Unit.Assume a) {
            expr(a.body(), scope);
            if (a.name() != null) {
                export(table, exports, new Symbol(a.name(), Kind.ASSUMPTION, 0, module, a.span(), a), false);
            }
        } else if (unit instanceof Unit.Theorem t) {
            if (t.statement() != null) {
                expr(t.statement(), scope);
            }
            if (t.name() != null) {
                export(table, exports, new Symbol(t.name(), Kind.THEOREM, 0, module, t.span(), t), false);
            }
        } else if (unit instanceof Module nested) {
            module(nested, table);
        }
    }

    private void export(Map<String, Symbol> table, Map<String, Symbol> exports, Symbol s, boolean local) {
        define(table, s, s.span());
        if (!local) {
            exports.put(s.name(), s);
        }
    }

    /** Adds {@code s} to {@code table}, reporting a clash with a different definition of the name. */
    private void define(Map<String, Symbol> table, Symbol s, Span at) {
        Symbol old = table.get(s.name());
        if (old == null || admits(old, s, at)) {
            table.put(s.name(), s);
        }
    }

    /**
     * A name brought in by EXTENDS when the module already sees it from an earlier EXTENDS: the
     * first one stays visible (SANY's merge of extended contexts). Two definitions (or two
     * declarations) of different origin draw a warning, a definition against a declaration an error.
     */
    private void mergeExtended(Map<String, Symbol> table, Symbol s) {
        Symbol old = table.get(s.name());
        if (old == null) {
            table.put(s.name(), s);
            return;
        }
        if (old.sameOrigin(s) || old.kind() == Kind.BOUND) {
            return;
        }
        String conflict = " of '" + s.name() + "' conflicts with \nits " + nodeKind(old) + " at "
                + old.span().describe() + ".";
        if (nodeKind(old).equals(nodeKind(s))) {
            if (!old.module().equals(s.module())) {
                warnings.add(new SemanticDiagnostic(s.span(), "Warning: the " + nodeKind(old) + conflict));
            }
        } else {
            errors.add(new SemanticDiagnostic(s.span(), "The " + nodeKind(old) + conflict));
        }
    }

    /** What SANY calls a symbol in its conflict messages. */
    private static String nodeKind(Symbol s) {
        return switch (s.kind()) {
            case CONSTANT, VARIABLE -> "declaration";
            case THEOREM, ASSUMPTION -> "theorem or assumption";
            case BOUND -> "parameter";
            default -> "definition";
        };
    }

    /** SANY refuses an operator or function definition of a name already visible (RECURSIVE aside). */
    private void checkNewDefinition(Symbol old, Symbol s) {
        if (old != null && old.node() instanceof Unit.RecursiveDecl && s.kind() == Kind.OPERATOR
                && !sameShape(old, s)) {
            errors.add(new SemanticDiagnostic(s.span(), "Definition of " + s.name()
                    + " has different arity than its RECURSIVE declaration."));
            return;
        }
        if (old != null && !forwardDeclared(old, s) && !old.sameOrigin(s)) {
            errors.add(new SemanticDiagnostic(s.span(), s.kind() == Kind.FUNCTION
                    ? "Function name `" + s.name() + "' already defined or declared."
                    : "Operator " + s.name() + " already defined or declared."));
        }
    }

    /**
     * Whether definition {@code s} fits its RECURSIVE declaration {@code decl} as SANY judges it:
     * the same number of parameters, the last of which takes no arguments (SANY compares only the
     * last parameter's shape with the declaration's {@code _}: {@code F(Op(_), x)} fits
     * {@code RECURSIVE F(_, _)}, {@code F(x, Op(_))} does not).
     */
    private static boolean sameShape(Symbol decl, Symbol s) {
        if (decl.arity() != s.arity()) {
            return false;
        }
        return !(s.node() instanceof Unit.OpDef d) || d.params().isEmpty()
                || d.params().get(d.params().size() - 1).arity() == 0;
    }

    /** A RECURSIVE declaration is replaced by the definition (a different shape is reported apart). */
    private static boolean forwardDeclared(Symbol old, Symbol s) {
        // RECURSIVE f (no arguments) may also be defined as a function f[x \in S] == ...
        return old.node() instanceof Unit.RecursiveDecl
                && (s.kind() == Kind.OPERATOR || s.kind() == Kind.FUNCTION && old.arity() == 0);
    }

    /**
     * SANY's rule for a name that is already visible: a bound name, or a different kind or arity,
     * is an error; the same definition reached twice is fine; another definition of the same kind
     * and arity only draws a warning and replaces the visible one.
     */
    private boolean admits(Symbol old, Symbol s, Span at) {
        if (forwardDeclared(old, s)) {
            return true;
        }
        if (old.sameOrigin(s)) {
            return false;
        }
        if (s.kind() == Kind.BOUND || sanyKind(old) != sanyKind(s) || old.arity() != s.arity()) {
            errors.add(new SemanticDiagnostic(at, "Multiply-defined symbol '" + s.name()
                    + "': this definition or declaration conflicts \nwith the one at " + old.span().describe() + "."));
            return false;
        }
        warnings.add(new SemanticDiagnostic(at, "Multiple declarations or definitions for symbol " + s.name()
                + ".  \nThis duplicates the one at " + old.span().describe() + "."));
        return true;
    }

    /** Function definitions are operator definitions to SANY. */
    private static Kind sanyKind(Symbol s) {
        return s.kind() == Kind.FUNCTION ? Kind.OPERATOR : s.kind();
    }

    private void opDef(Unit.OpDef d, Scope scope) {
        Scope inner = scope.push();
        for (Param p : d.params()) {
            inner.bind(param(p));
        }
        expr(d.body(), inner);
    }

    private void functionDef(Unit.FunctionDef f, Symbol self, Scope scope) {
        Scope inner = binders(f.binders(), scope);
        inner.bind(self);
        expr(f.body(), inner);
    }

    private void instance(String module, Unit.InstanceDef i, Scope scope, Map<String, Symbol> table,
            Map<String, Symbol> exports) {
        String target = i.module().text();
        Map<String, Symbol> theirs = exported.get(target);
        if (theirs == null) {
            Module nested = spec.modules().get(target);
            if (nested == null) {
                return;
            }
            module(nested, new LinkedHashMap<>());
            theirs = exported.get(target);
        }
        Scope withParams = scope.push();
        for (Param p : i.params()) {
            withParams.bind(param(p));
        }
        Set<String> substituted = new java.util.HashSet<>();
        for (Unit.Substitution s : i.substitutions()) {
            substituted.add(s.target());
            Symbol replaced = theirs.get(s.target());
            if (replaced == null || (replaced.kind() != Kind.CONSTANT && replaced.kind() != Kind.VARIABLE)) {
                errors.add(new SemanticDiagnostic(s.span(), "Substitution for " + s.target()
                        + ", which is not a CONSTANT or VARIABLE of module " + target + "."));
            }
            arguments(List.of(s.replacement()), withParams, new int[] {replaced == null ? 0 : replaced.arity()});
        }
        for (Symbol s : theirs.values()) {
            boolean parameter = s.kind() == Kind.CONSTANT || s.kind() == Kind.VARIABLE;
            if (parameter && !substituted.contains(s.name()) && withParams.lookup(s.name()) == null) {
                errors.add(new SemanticDiagnostic(i.span(), "The " + (s.kind() == Kind.CONSTANT ? "constant" : "variable")
                        + " " + s.name() + " of module " + target + " has no substitution in this INSTANCE, and "
                        + s.name() + " is not defined in module " + module + "."));
            }
        }
        if (i.name() != null) {
            export(table, exports, new Symbol(i.name(), Kind.INSTANCE, i.params().size(), module, i.span(), i), i.local());
        } else {
            for (Symbol s : theirs.values()) {
                if (s.kind() != Kind.CONSTANT && s.kind() != Kind.VARIABLE) {
                    define(table, s, i.span());
                    if (!i.local()) {
                        exports.putIfAbsent(s.name(), s);
                    }
                }
            }
        }
    }

    private static Symbol param(Param p) {
        return new Symbol(p.name(), Kind.BOUND, p.arity(), p.span().module(), p.span(), p);
    }

    private Scope binders(List<Binder> binders, Scope scope) {
        for (Binder b : binders) {
            if (b.domain() != null) {
                expr(b.domain(), scope);
            }
        }
        Scope inner = scope.push();
        for (Binder b : binders) {
            for (Name n : b.names()) {
                inner.bind(new Symbol(n.text(), Kind.BOUND, 0, n.span().module(), n.span(), n));
            }
        }
        return inner;
    }

    private void exprs(List<Expr> list, Scope scope) {
        for (Expr e : list) {
            expr(e, scope);
        }
    }

    private void expr(Expr e, Scope scope) {
        if (e instanceof Expr.OpApp app) {
            opApp(app, scope);
        } else if (e instanceof Expr.Lambda l) {
            // SANY's grammar has LAMBDA only as an operator argument (arguments() resolves those)
            errors.add(new SemanticDiagnostic(l.span(), "LAMBDA can only be used as an operator argument."));
            lambda(l, scope);
        } else if (e instanceof Expr.Quant q) {
            expr(q.body(), binders(q.binders(), scope));
        } else if (e instanceof Expr.Choose c) {
            expr(c.body(), binders(List.of(c.binder()), scope));
        } else if (e instanceof Expr.SetFilter f) {
            expr(f.predicate(), binders(List.of(f.binder()), scope));
        } else if (e instanceof Expr.SetMap m) {
            expr(m.body(), binders(m.binders(), scope));
        } else if (e instanceof Expr.FunCons f) {
            expr(f.body(), binders(f.binders(), scope));
        } else if (e instanceof Expr.Let let) {
            let(let, scope);
        } else {
            if (e instanceof Expr.RecordCons r) {
                uniqueFields(r.fields());
            } else if (e instanceof Expr.RecordSet r) {
                uniqueFields(r.fields());
            }
            exprs(Subexpressions.direct(e), scope);
        }
    }

    /** SANY refuses a record constructor or record set naming a field twice, at the repeated name. */
    private void uniqueFields(List<Expr.Field> fields) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Expr.Field f : fields) {
            if (!seen.add(f.name())) {
                Span at = f.span();
                errors.add(new SemanticDiagnostic(new Span(at.module(), at.file(), at.beginLine(), at.beginCol(),
                        at.beginLine(), at.beginCol() + f.name().length() - 1), "Non-unique fields in constructor."));
            }
        }
    }

    private void lambda(Expr.Lambda l, Scope scope) {
        Scope inner = scope.push();
        l.params().forEach(p -> inner.bind(param(p)));
        expr(l.body(), inner);
    }

    private void let(Expr.Let let, Scope scope) {
        Scope inner = scope.push();
        for (Unit.Definition d : let.definitions()) {
            String module = d.span().module();
            if (d instanceof Unit.RecursiveDecl r) {
                r.ops().forEach(p -> inner.bind(new Symbol(p.name(), Kind.OPERATOR, p.arity(), module, p.span(), r)));
            } else if (d instanceof Unit.OpDef o) {
                opDef(o, inner);
                Symbol self = new Symbol(o.name(), Kind.OPERATOR, o.params().size(), module, o.span(), o);
                checkNewDefinition(inner.lookup(o.name()), self);
                inner.bind(self);
            } else if (d instanceof Unit.FunctionDef f) {
                Symbol self = new Symbol(f.name(), Kind.FUNCTION, 0, module, f.span(), f);
                checkNewDefinition(inner.lookup(f.name()), self);
                functionDef(f, self, inner);
                inner.bind(self);
            } else if (d instanceof Unit.InstanceDef i && i.name() != null) {
                inner.bind(new Symbol(i.name(), Kind.INSTANCE, i.params().size(), module, i.span(), i));
            }
        }
        expr(let.body(), inner);
    }

    private void opApp(Expr.OpApp app, Scope scope) {
        opApp(app, scope, false);
    }

    /**
     * Resolves {@code app}; {@code asArgument} when it is an argument of an operator that takes
     * arguments (or a substitution), where an operator may be named without its arguments.
     */
    private void opApp(Expr.OpApp app, Scope scope, boolean asArgument) {
        // the target's own errors come after those of the arguments
        int mark = errors.size();
        Symbol target;
        InstancePaths.Target t = null;
        if (app.path().isEmpty()) {
            target = scope.lookup(app.name());
        } else {
            // I!Op named as an operator argument of a parameterized I: SANY takes it as the operator
            // of I's and Op's parameters together (TLC's test212)
            boolean operatorArgument = asArgument && app.args().isEmpty();
            t = InstancePaths.target(exported, scope.lookup(app.path().get(0).name()), app,
                    (step, instance) -> arity(step.span(), instance, step.args().size(), operatorArgument));
            target = t == null ? null : t.symbol();
        }
        List<SemanticDiagnostic> targetErrors = new ArrayList<>(errors.subList(mark, errors.size()));
        errors.subList(mark, errors.size()).clear();
        for (Expr.InstanceStep step : app.path()) {
            Symbol at = step == app.path().get(0) ? scope.lookup(step.name()) : null;
            arguments(step.args(), scope, at != null && at.node() instanceof Unit.InstanceDef i ? params(i.params()) : null);
        }
        Symbol applied = t != null && t.selection() ? null : target;
        arguments(app.args(), scope, applied == null ? null : parameterArities(applied));
        errors.addAll(targetErrors);
        if (t != null && t.selection()) {
            subexpression(app, t);
            return;
        }
        if (target == null) {
            // a built-in symbol passed for an operator parameter names that operator (SANY takes
            // Op(\cap) and Op(=>), TLC's suite test51); elsewhere it needs its operands
            if (app.path().isEmpty() && isBuiltin(app)
                    && (app.fixity() == Fixity.NORMAL || !app.args().isEmpty() || asArgument)) {
                return;
            }
            String shown = app.path().isEmpty() ? app.name()
                    : String.join("!", app.path().stream().map(Expr.InstanceStep::name).toList()) + "!" + app.name();
            errors.add(new SemanticDiagnostic(app.span(), "Unknown operator: `" + shown + "'."));
            return;
        }
        arity(argumentListSpan(app.span(), app.args()), target, app.args().size(), asArgument);
    }

    /**
     * Resolves the arguments of an application; {@code arities} gives, when known, the number of
     * arguments each parameter takes: an operator may be passed without its arguments only to a
     * parameter that takes some.
     */
    private void arguments(List<Expr> args, Scope scope, int[] arities) {
        for (int i = 0; i < args.size(); i++) {
            Expr a = args.get(i);
            if (a instanceof Expr.OpApp op && op.args().isEmpty()) {
                opApp(op, scope, arities != null && i < arities.length && arities[i] > 0);
            } else if (a instanceof Expr.Lambda l) {
                if (arities == null || i >= arities.length || arities[i] == 0) {
                    // a value is expected there (a built-in operator, a parameter without arguments)
                    errors.add(new SemanticDiagnostic(l.span(), "LAMBDA can only be used as an operator argument."));
                }
                lambda(l, scope);
            } else {
                expr(a, scope);
            }
        }
    }

    /** How many arguments each parameter of {@code s} takes, when {@code s} is applied. */
    private static int[] parameterArities(Symbol s) {
        if (s.node() instanceof Unit.OpDef d) {
            return params(d.params());
        } else if (s.node() instanceof Unit.InstanceDef i) {
            return params(i.params());
        }
        if (s.node() instanceof Unit.RecursiveDecl) {
            // what the definition takes is not known before it: SANY lets a recursive call pass operators
            int[] any = new int[s.arity()];
            java.util.Arrays.fill(any, 1);
            return any;
        }
        // declared operators (CONSTANT F(_), operator parameters) take values
        return new int[s.arity()];
    }

    private static int[] params(List<Param> params) {
        return params.stream().mapToInt(Param::arity).toArray();
    }

    /**
     * Where SANY locates a wrong argument count: from the argument list's opening parenthesis
     * when the arguments follow the name on its line, else the whole application.
     */
    private static Span argumentListSpan(Span span, List<Expr> args) {
        Span first = args.isEmpty() ? null : args.get(0).span();
        if (first != null && first.beginLine() == span.beginLine() && first.beginCol() > span.beginCol() + 1) {
            return new Span(span.module(), span.file(), span.beginLine(), first.beginCol() - 1, span.endLine(),
                    span.endCol());
        }
        return span;
    }

    /** {@code Op(args)!sel...}: the definition takes the arguments, the selectors must name a part of it. */
    private void subexpression(Expr.OpApp app, InstancePaths.Target t) {
        Expr.InstanceStep step = t.definitionStep();
        if (step.args().size() != t.symbol().arity()) {
            errors.add(new SemanticDiagnostic(step.span(), "The operator " + t.symbol().name() + " requires "
                    + t.symbol().arity() + " arguments."));
            return;
        }
        if (InstancePaths.selected(t) == null) {
            errors.add(new SemanticDiagnostic(app.span(), "The subexpression name `" + t.symbol().name() + "!"
                    + String.join("!", t.selectors()) + "' does not name a part of the definition of "
                    + t.symbol().name() + "."));
        }
    }

    /**
     * SANY's arity check: an operator is applied to as many arguments as it takes, except that
     * one named as an argument of an operator (or in a substitution) may appear without them.
     */
    private void arity(Span at, Symbol target, int given, boolean asArgument) {
        if (given != target.arity() && !(given == 0 && asArgument)) {
            errors.add(new SemanticDiagnostic(at, "The operator " + target.name() + " requires "
                    + target.arity() + " arguments."));
        }
    }

    private static boolean isBuiltin(Expr.OpApp app) {
        return switch (app.fixity()) {
            case INFIX -> BUILTIN_INFIX.contains(app.name());
            case PREFIX -> BUILTIN_PREFIX.contains(app.name());
            case POSTFIX -> BUILTIN_POSTFIX.contains(app.name());
            case NORMAL -> BUILTIN_NAMES.contains(app.name());
        };
    }

    /** Bound names in nested frames over a module's table. */
    private final class Scope {
        private final Map<String, Symbol> table;
        private final Deque<Map<String, Symbol>> frames;

        Scope(Map<String, Symbol> table) {
            this(table, new ArrayDeque<>());
        }

        private Scope(Map<String, Symbol> table, Deque<Map<String, Symbol>> frames) {
            this.table = table;
            this.frames = frames;
        }

        Scope push() {
            Deque<Map<String, Symbol>> copy = new ArrayDeque<>(frames);
            copy.push(new HashMap<>());
            return new Scope(table, copy);
        }

        /** Binds a parameter, bound variable or LET definition, checked against the names visible. */
        void bind(Symbol s) {
            Symbol old = lookup(s.name());
            if (old == null || admits(old, s, s.span())) {
                frames.peek().put(s.name(), s);
            }
        }

        Symbol lookup(String name) {
            for (Map<String, Symbol> frame : frames) {
                Symbol s = frame.get(name);
                if (s != null) {
                    return s;
                }
            }
            return table.get(name);
        }
    }
}
