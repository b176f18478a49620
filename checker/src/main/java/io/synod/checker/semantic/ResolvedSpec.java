package io.synod.checker.semantic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded specification whose names all resolve.
 *
 * @param loaded the parsed modules
 * @param exported per module, the names another module gets by EXTENDS (non-LOCAL definitions and
 *     declarations, its own and those it extends)
 * @param visible per module, every name usable at the end of the module, LOCAL ones included
 * @param warnings problems that SANY only warns about (a name defined twice alike)
 */
public record ResolvedSpec(LoadedSpec loaded, Map<String, Map<String, Symbol>> exported,
        Map<String, Map<String, Symbol>> visible, List<SemanticDiagnostic> warnings) {

    public ResolvedSpec {
        exported = Map.copyOf(exported);
        visible = Map.copyOf(visible);
        warnings = List.copyOf(warnings);
    }

    /** The symbol {@code name} as seen at the end of the root module. */
    public Optional<Symbol> rootSymbol(String name) {
        return Optional.ofNullable(visible.get(loaded.root().name()).get(name));
    }
}
