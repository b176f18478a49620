package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a specification with its modules and resolves its names: what {@code synod parse} runs.
 * The variants taking a {@code standardCache} reuse standard modules parsed by earlier calls
 * (see {@link ModuleLoader#load(String, String, ModuleLocator, Map)}).
 */
public final class SemanticAnalyzer {

    private SemanticAnalyzer() {
    }

    /**
     * Reads, parses and resolves the specification in {@code specFile}.
     *
     * @throws SemanticException for an unreadable file, a parse error in any module or a semantic error
     */
    public static ResolvedSpec analyze(Path specFile, ModuleLocator locator) throws SemanticException {
        return analyze(specFile, locator, new HashMap<>());
    }

    /** {@link #analyze(Path, ModuleLocator)} reusing parsed standard modules. */
    public static ResolvedSpec analyze(Path specFile, ModuleLocator locator, Map<String, Module> standardCache)
            throws SemanticException {
        return analyze(specFile.toString(), readRoot(specFile), locator, standardCache);
    }

    /**
     * The text of a root module's file.
     *
     * @throws SemanticException for a file that cannot be read or is not valid text (with its position)
     */
    public static String readRoot(Path specFile) throws SemanticException {
        try {
            return io.synod.checker.syntax.TextFiles.read(specFile);
        } catch (IOException e) {
            if (e instanceof io.synod.checker.syntax.TextFiles.MalformedTextException m) {
                String name = specFile.getFileName().toString().replaceFirst("\\.tla$", "");
                Span at = new Span(name, specFile.toString(), m.line(), m.column(), m.line(), m.column());
                throw new SemanticException(List.of(new SemanticDiagnostic(at, m.detail())));
            }
            String why = e instanceof NoSuchFileException ? "file not found" : String.valueOf(e.getMessage());
            throw new SemanticException(List.of(new SemanticDiagnostic(Span.NONE,
                    specFile + ": cannot read the specification: " + why)));
        }
    }

    /** Parses and resolves specification text; {@code file} names it in diagnostics. */
    public static ResolvedSpec analyze(String file, String text, ModuleLocator locator) throws SemanticException {
        return analyze(file, text, locator, new HashMap<>());
    }

    /** {@link #analyze(String, String, ModuleLocator)} reusing parsed standard modules. */
    public static ResolvedSpec analyze(String file, String text, ModuleLocator locator,
            Map<String, Module> standardCache) throws SemanticException {
        return analyze(ModuleLoader.load(file, text, locator, standardCache));
    }

    /**
     * Resolves the names and checks the levels of modules already loaded (by
     * {@link ModuleLoader}, with a listener when {@code synod check} prints TLC's progress).
     */
    public static ResolvedSpec analyze(LoadedSpec loaded) throws SemanticException {
        ResolvedSpec resolved = Resolver.resolve(loaded);
        List<SemanticDiagnostic> levelErrors = new LevelChecker(resolved).errors();
        if (!levelErrors.isEmpty()) {
            throw new SemanticException(levelErrors);
        }
        return resolved;
    }
}
