package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Module;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A root module with every module it uses, parsed.
 *
 * @param root the root module
 * @param modules every module by name: files and standard modules reached by EXTENDS and
 *     INSTANCE, and the modules nested in them
 * @param order the names of the file modules, each after the modules it uses (root last)
 * @param standard the names of the modules that came from Synod's standard library
 * @param parsed the modules of their own (not nested in another) in the order they were parsed,
 *     root first: the order in which TLC meets, and interns, their names
 */
public record LoadedSpec(Module root, Map<String, Module> modules, List<String> order, List<String> standard,
        List<Module> parsed) {
    public LoadedSpec {
        Objects.requireNonNull(root);
        modules = Map.copyOf(modules);
        order = List.copyOf(order);
        standard = List.copyOf(standard);
        parsed = List.copyOf(parsed);
    }

    /** Whether module {@code name} is written inside another module (and sees its names). */
    public boolean isNested(String name) {
        return modules.containsKey(name) && parsed.stream().noneMatch(m -> m.name().equals(name));
    }

    /** The module named {@code name}. */
    public Module module(String name) {
        Module m = modules.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no module " + name + " in this specification");
        }
        return m;
    }
}
