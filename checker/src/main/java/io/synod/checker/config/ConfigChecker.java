package io.synod.checker.config;

import io.synod.checker.config.ModuleSymbols.Constant;
import io.synod.checker.config.ModuleSymbols.Definition;
import io.synod.checker.config.ModuleSymbols.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link ModelConfig} against the specification it configures, in the order TLC does
 * (constants, substitutions, invariants, the behaviour spec, properties, constraints, then the
 * other sections), with TLC's message texts where TLC has one. All problems are reported; the
 * first error is the one TLC would have stopped at.
 */
public final class ConfigChecker {

    private final ModelConfig config;
    private final ModuleSymbols symbols;
    private final List<Diagnostic> out = new ArrayList<>();

    private ConfigChecker(ModelConfig config, ModuleSymbols symbols) {
        this.config = config;
        this.symbols = symbols;
    }

    /** Every problem of {@code config} for the specification described by {@code symbols}. */
    public static List<Diagnostic> check(ModelConfig config, ModuleSymbols symbols) {
        ConfigChecker c = new ConfigChecker(config, symbols);
        c.run();
        return List.copyOf(c.out);
    }

    /**
     * Checks and returns the warnings.
     *
     * @throws ConfigException carrying every diagnostic if there is at least one error
     */
    public static List<Diagnostic> checkOrThrow(ModelConfig config, ModuleSymbols symbols) throws ConfigException {
        List<Diagnostic> all = check(config, symbols);
        if (all.stream().anyMatch(Diagnostic::isError)) {
            throw new ConfigException(all.stream().filter(Diagnostic::isError).toList());
        }
        return all;
    }

    private void run() {
        constants();
        substitutions();
        moduleScoped();
        for (NamedEntry inv : config.invariants()) {
            named(inv, "invariant", Level.STATE, "is not a state predicate (one with no primes or temporal operators).");
        }
        behaviour();
        for (NamedEntry p : config.properties()) {
            named(p, "property", Level.TEMPORAL, null);
        }
        missingInitOrNext();
        for (NamedEntry c : config.constraints()) {
            named(c, "constraint", Level.STATE, "is not a state predicate (one with no primes or temporal operators).");
        }
        for (NamedEntry c : config.actionConstraints()) {
            named(c, "action constraint", Level.ACTION, "is not an action (it has temporal operators).");
        }
        config.view().ifPresent(v -> named(v, "view function", Level.STATE, "is not a state function (one with no primes or temporal operators)."));
        config.symmetry().ifPresent(s -> named(s, "symmetry function", Level.CONSTANT, "is not a constant expression."));
        config.alias().ifPresent(a -> named(a, "alias", Level.ACTION, "is not a state or action expression."));
        for (NamedEntry p : config.postconditions()) {
            // TLC does not check a POSTCONDITION's level: it evaluates it after the search, and
            // a state variable there is an evaluation error (reported then, exit 10)
            named(p, "postcondition", Level.TEMPORAL, null);
        }
        for (NamedEntry p : config.possibles()) {
            named(p, "_POSSIBLE predicate", Level.ACTION, "is not a state predicate or an action (it has temporal operators).");
        }
    }

    private void constants() {
        Set<String> declared = new HashSet<>();
        for (Constant c : symbols.constants()) {
            declared.add(c.name());
            Optional<ConstantAssignment> assigned = config.constants().stream()
                    .filter(a -> a.name().equals(c.name()) && a.module().isEmpty()).findFirst();
            boolean substituted = config.substitution(c.name()).isPresent();
            if (assigned.isEmpty() && !substituted) {
                error(Position.NONE, "The constant parameter " + c.name()
                        + " is not assigned a value by the configuration file.");
            } else if (assigned.isPresent() && assigned.get().arguments().size() != c.arity()) {
                ConstantAssignment a = assigned.get();
                error(a.position(), c.arity() == 0
                        ? "The constant " + c.name() + " takes no arguments, but the configuration gives it "
                            + a.arguments().size() + "."
                        : "The constant " + c.name() + " is an operator of " + c.arity()
                            + " argument(s): substitute an operator for it with " + c.name() + " <- Def.");
            }
        }
        for (ConstantAssignment a : config.constants()) {
            if (a.module().isEmpty() && !declared.contains(a.name())
                    && symbols.definition(a.name()).isEmpty()) {
                warn(a.position(), "The identifier " + a.name()
                        + " assigned in the configuration file is not declared in the specification; "
                        + "the assignment is ignored.");
            }
        }
    }

    private void substitutions() {
        List<Substitution> rootScoped = scoped(false);
        Set<String> lhs = names(rootScoped);
        for (Substitution s : rootScoped) {
            Optional<Constant> constant = symbols.constants().stream().filter(c -> c.name().equals(s.name())).findFirst();
            Optional<Definition> replaced = symbols.definition(s.name());
            if (constant.isEmpty() && replaced.isEmpty()) {
                notInSpecification(s.position(), s.name());
                continue;
            }
            int arity = constant.map(Constant::arity).orElseGet(() -> replaced.get().arity());
            replacement(s, lhs, arity, constant.isPresent());
        }
    }

    /** The substitutions restricted to a module ({@code moduleScoped}) or of the root module. */
    private List<Substitution> scoped(boolean moduleScoped) {
        return config.substitutions().stream().filter(s -> s.module().isPresent() == moduleScoped).toList();
    }

    private static Set<String> names(List<Substitution> substitutions) {
        Set<String> names = new HashSet<>();
        substitutions.forEach(s -> names.add(s.name()));
        return names;
    }

    private void notInSpecification(Position at, String name) {
        error(at, "In the configuration file, the identifier " + name + " does not appear in the specification.");
    }

    private void unknownModule(Position at, String module) {
        error(at, "The module " + module + " named in the configuration file is not part of the specification.");
    }

    private void replacement(Substitution s, Set<String> lhs, int arity, boolean isConstant) {
        if (lhs.contains(s.definition())) {
            error(s.position(), "In the configuration file, the identifier " + s.definition()
                    + " appears\non the right-hand side of a <- after already appearing on the\nleft-hand side of one.");
            return;
        }
        Optional<Definition> def = symbols.definition(s.definition());
        if (def.isEmpty()) {
            error(s.position(), "The configuration file substitutes for " + s.name()
                    + " with the undefined identifier " + s.definition() + ".");
        } else if (def.get().arity() != arity) {
            error(s.position(), "The configuration file substitutes for " + s.name() + " with "
                    + s.definition() + " of different number of arguments.");
        } else if (isConstant && arity == 0 && def.get().level() != Level.CONSTANT) {
            // TLC evaluates a replacement without arguments before the search and refuses it
            // when that fails; one with arguments (even an action: Record(_) <- MCRecord) is
            // taken as it is.
            error(s.position(), "The configuration file substitutes constant " + s.name()
                    + " with non-constant " + s.definition() + ".");
        }
    }

    private void moduleScoped() {
        List<Substitution> moduleScoped = scoped(true);
        Set<String> lhs = names(moduleScoped);
        for (Substitution s : moduleScoped) {
            String module = s.module().get();
            Optional<Definition> replaced = symbols.definitionIn(module, s.name());
            if (!symbols.modules().contains(module)) {
                unknownModule(s.position(), module);
            } else if (replaced.isEmpty()) {
                notInSpecification(s.position(), s.name());
            } else {
                replacement(s, lhs, replaced.get().arity(), false);
            }
        }
        for (ConstantAssignment a : config.constants()) {
            a.module().ifPresent(module -> {
                if (!symbols.modules().contains(module)) {
                    unknownModule(a.position(), module);
                } else if (symbols.definitionIn(module, a.name()).isEmpty()) {
                    notInSpecification(a.position(), a.name());
                }
            });
        }
    }

    private void behaviour() {
        if (config.specification().isPresent()) {
            if (config.init().isPresent() || config.next().isPresent()) {
                NamedEntry at = config.init().orElseGet(() -> config.next().get());
                error(at.position(), "The configuration file cannot specify both INIT/NEXT and SPECIFICATION fields.");
            }
            named(config.specification().get(), "name", Level.TEMPORAL, null);
            return;
        }
        config.init().ifPresent(i -> named(i, "initial predicate", Level.STATE,
                "is not a state predicate (one with no primes or temporal operators)."));
        config.next().ifPresent(n -> named(n, "next state action", Level.ACTION,
                "is not an action (it has temporal operators)."));
    }

    private void missingInitOrNext() {
        if (config.specification().isPresent()) {
            return;
        }
        boolean checksSomething = !config.invariants().isEmpty() || !config.properties().isEmpty();
        if (config.init().isEmpty() && (checksSomething || symbols.hasVariables())) {
            error(Position.NONE, "The configuration file did not specify the initial state predicate.");
        }
        // Properties about the initial state alone need no next-state action (TLC's implied inits).
        boolean checksSteps = !config.invariants().isEmpty() || config.properties().stream()
                .anyMatch(p -> symbols.definition(p.name()).map(d -> d.level().compareTo(Level.STATE) > 0).orElse(true));
        if (config.next().isEmpty() && checksSteps) {
            error(Position.NONE, "The configuration file did not specify the next state predicate.");
        }
    }

    /**
     * Checks that the name of a {@code role} entry is a definition without arguments whose level is
     * at most {@code maxLevel}.
     */
    private void named(NamedEntry entry, String role, Level maxLevel, String levelProblem) {
        String name = entry.name();
        Optional<Definition> def = symbols.definition(name);
        if (def.isPresent()) {
            if (def.get().arity() != 0) {
                error(entry.position(), "TLC requires the " + role + " " + name + " not to take any argument.");
            } else if (levelProblem != null && def.get().level().compareTo(maxLevel) > 0) {
                error(entry.position(), "The " + role + " " + name + " " + levelProblem);
            }
        } else if (symbols.constants().stream().anyMatch(c -> c.name().equals(name))) {
            constantAsRole(entry, role);
        } else if (symbols.isVariable(name)) {
            error(entry.position(), "The " + role + " " + name + " is a variable, not a definition.");
        } else {
            error(entry.position(), "The " + role + " " + name
                    + " specified in the configuration file\nis not defined in the specification.");
        }
    }

    /** TLC accepts a constant in a role only when its value is TRUE. */
    private void constantAsRole(NamedEntry entry, String role) {
        Optional<ConstantAssignment> a = config.assignment(entry.name());
        if (a.isPresent() && a.get().value().equals(new CfgValue.Bool(true))) {
            return;
        }
        String value = a.map(x -> ConfigPrinter.value(x.value())).orElse("a substituted operator");
        error(entry.position(), "The " + role + " of " + entry.name() + " is equal to " + value);
    }

    private void error(Position at, String message) {
        out.add(Diagnostic.error(config.file(), at, message));
    }

    private void warn(Position at, String message) {
        out.add(Diagnostic.warning(config.file(), at, message));
    }
}
