package io.synod.checker.semantic;

import java.util.List;

/** SANY's text for the results of semantic analysis, as TLC prints it before checking. */
public final class SanyReport {

    private SanyReport() {
    }

    /** One {@code Semantic processing of module M} line per module, dependencies first. */
    public static String processing(LoadedSpec spec) {
        StringBuilder out = new StringBuilder();
        for (String module : spec.order()) {
            out.append("Semantic processing of module ").append(module).append('\n');
        }
        return out.toString();
    }

    /** The {@code Semantic errors:} block: the count, then each error's place and message. */
    public static String semanticErrors(List<SemanticDiagnostic> errors) {
        StringBuilder out = new StringBuilder("Semantic errors:\n\n*** Errors: ").append(errors.size()).append("\n\n");
        for (SemanticDiagnostic d : errors) {
            out.append(d.sanyText()).append("\n\n\n");
        }
        return out.toString();
    }
}
