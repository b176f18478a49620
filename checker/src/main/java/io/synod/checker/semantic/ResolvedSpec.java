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
 * @param moduleWarnings per module, the warnings raised while its names were gathered (those of
 *     the modules nested in it included)
 */
public record ResolvedSpec(LoadedSpec loaded, Map<String, Map<String, Symbol>> exported,
        Map<String, Map<String, Symbol>> visible, List<SemanticDiagnostic> warnings,
        Map<String, List<SemanticDiagnostic>> moduleWarnings) {

    public ResolvedSpec {
        exported = Map.copyOf(exported);
        visible = Map.copyOf(visible);
        warnings = List.copyOf(warnings);
        moduleWarnings = Map.copyOf(moduleWarnings);
    }

    /**
     * The warnings SANY prints after processing module {@code name}: those of every module it
     * extends (each again, as SANY reports a conflict in every module whose context inherits it),
     * then its own.
     */
    public List<SemanticDiagnostic> warningsAt(String name) {
        return warningsAt(loaded, moduleWarnings, name);
    }

    /** {@link #warningsAt(String)} from the per-module warnings of an analysis of {@code loaded}. */
    public static List<SemanticDiagnostic> warningsAt(LoadedSpec loaded,
            Map<String, List<SemanticDiagnostic>> moduleWarnings, String name) {
        List<SemanticDiagnostic> out = new java.util.ArrayList<>();
        io.synod.checker.syntax.ast.Module m = loaded.modules().get(name);
        if (m != null) {
            for (io.synod.checker.syntax.ast.Name ext : m.extendsList()) {
                if (!ext.text().equals(name)) {
                    out.addAll(warningsAt(loaded, moduleWarnings, ext.text()));
                }
            }
        }
        out.addAll(moduleWarnings.getOrDefault(name, List.of()));
        return out;
    }

    /** The symbol {@code name} as seen at the end of the root module. */
    public Optional<Symbol> rootSymbol(String name) {
        return Optional.ofNullable(visible.get(loaded.root().name()).get(name));
    }
}
