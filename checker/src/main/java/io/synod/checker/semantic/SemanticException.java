package io.synod.checker.semantic;

import java.util.List;
import java.util.stream.Collectors;

/** A specification that cannot be loaded or fails semantic checks; TLC exits with 150 for it. */
public final class SemanticException extends Exception {

    /** TLC's exit code for parse and semantic errors. */
    public static final int EXIT_CODE = 150;

    private static final long serialVersionUID = 1L;

    private final transient List<SemanticDiagnostic> diagnostics;

    public SemanticException(List<SemanticDiagnostic> diagnostics) {
        super(diagnostics.stream().map(SemanticDiagnostic::render).collect(Collectors.joining("\n")), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a SemanticException needs a diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The problems, in the order found. */
    public List<SemanticDiagnostic> diagnostics() {
        return diagnostics;
    }
}
