package io.synod.checker.semantic;

import io.synod.checker.config.ModuleSymbols;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link ModuleSymbols} of a resolved specification, for checking a configuration file
 * against it: the names visible at the end of the root module, with levels from {@link Levels}.
 */
public final class SpecSymbols implements ModuleSymbols {

    private final ResolvedSpec spec;
    private final Map<String, Symbol> root;
    private final Levels levels;

    public SpecSymbols(ResolvedSpec spec) {
        this.spec = spec;
        this.root = spec.visible().get(spec.loaded().root().name());
        this.levels = new Levels(spec);
    }

    @Override
    public String rootModule() {
        return spec.loaded().root().name();
    }

    @Override
    public List<Constant> constants() {
        return root.values().stream().filter(s -> s.kind() == Symbol.Kind.CONSTANT)
                .map(s -> new Constant(s.name(), s.arity())).toList();
    }

    @Override
    public Optional<Definition> definition(String name) {
        return definitionOf(root.get(name));
    }

    @Override
    public boolean isVariable(String name) {
        Symbol s = root.get(name);
        return s != null && s.kind() == Symbol.Kind.VARIABLE;
    }

    @Override
    public boolean hasVariables() {
        return root.values().stream().anyMatch(s -> s.kind() == Symbol.Kind.VARIABLE);
    }

    @Override
    public Set<String> modules() {
        return spec.loaded().modules().keySet();
    }

    @Override
    public Optional<Definition> definitionIn(String module, String name) {
        Map<String, Symbol> table = spec.visible().get(module);
        return table == null ? Optional.empty() : definitionOf(table.get(name));
    }

    private synchronized Optional<Definition> definitionOf(Symbol s) {
        if (s == null || (s.kind() != Symbol.Kind.OPERATOR && s.kind() != Symbol.Kind.FUNCTION)) {
            return Optional.empty();
        }
        return Optional.of(new Definition(s.name(), s.arity(), levels.of(s)));
    }
}
