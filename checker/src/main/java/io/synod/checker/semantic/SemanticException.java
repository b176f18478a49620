package io.synod.checker.semantic;

import java.util.List;
import java.util.stream.Collectors;

/** A specification that cannot be loaded or fails semantic checks; TLC exits with 150 for it. */
public final class SemanticException extends Exception {

    /** TLC's exit code for parse and semantic errors. */
    public static final int EXIT_CODE = 150;

    private static final long serialVersionUID = 1L;

    private final transient List<SemanticDiagnostic> diagnostics;
    private final transient java.util.Map<String, List<SemanticDiagnostic>> moduleWarnings;

    public SemanticException(List<SemanticDiagnostic> diagnostics) {
        this(diagnostics, java.util.Map.of());
    }

    /**
     * @param moduleWarnings per module, the warnings found before the errors stopped the analysis
     *     (see {@link ResolvedSpec#moduleWarnings()})
     */
    public SemanticException(List<SemanticDiagnostic> diagnostics,
            java.util.Map<String, List<SemanticDiagnostic>> moduleWarnings) {
        super(diagnostics.stream().map(SemanticDiagnostic::render).collect(Collectors.joining("\n")), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a SemanticException needs a diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
        this.moduleWarnings = java.util.Map.copyOf(moduleWarnings);
    }

    /** Per module, the warnings raised while its names were gathered (empty if not that far). */
    public java.util.Map<String, List<SemanticDiagnostic>> moduleWarnings() {
        return moduleWarnings;
    }

    /** The problems, in the order found. */
    public List<SemanticDiagnostic> diagnostics() {
        return diagnostics;
    }
}
