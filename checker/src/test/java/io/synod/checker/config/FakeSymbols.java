package io.synod.checker.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A hand-built {@link ModuleSymbols} for tests. */
final class FakeSymbols implements ModuleSymbols {

    private final String root;
    private final List<Constant> constants = new ArrayList<>();
    private final Map<String, Map<String, Definition>> definitions = new HashMap<>();
    private final Set<String> variables = new HashSet<>();

    FakeSymbols(String root) {
        this.root = root;
        definitions.put(root, new HashMap<>());
    }

    FakeSymbols constant(String name, int arity) {
        constants.add(new Constant(name, arity));
        return this;
    }

    FakeSymbols variable(String name) {
        variables.add(name);
        return this;
    }

    FakeSymbols define(String name, int arity, Level level) {
        return defineIn(root, name, arity, level);
    }

    FakeSymbols defineIn(String module, String name, int arity, Level level) {
        definitions.computeIfAbsent(module, m -> new HashMap<>()).put(name, new Definition(name, arity, level));
        return this;
    }

    @Override
    public String rootModule() {
        return root;
    }

    @Override
    public List<Constant> constants() {
        return constants;
    }

    @Override
    public Optional<Definition> definition(String name) {
        return Optional.ofNullable(definitions.get(root).get(name));
    }

    @Override
    public boolean isVariable(String name) {
        return variables.contains(name);
    }

    @Override
    public boolean hasVariables() {
        return !variables.isEmpty();
    }

    @Override
    public Set<String> modules() {
        return definitions.keySet();
    }

    @Override
    public Optional<Definition> definitionIn(String module, String name) {
        return Optional.ofNullable(definitions.getOrDefault(module, Map.of()).get(name));
    }
}
