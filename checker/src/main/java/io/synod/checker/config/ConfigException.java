package io.synod.checker.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used: malformed text, or entries that do not fit the
 * specification. The message is the rendered diagnostics, one per line, ready for the user.
 */
public final class ConfigException extends Exception {

    /** TLC's process exit code for configuration errors. */
    public static final int EXIT_CODE = 151;

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    /** An exception carrying at least one diagnostic. */
    public ConfigException(List<Diagnostic> diagnostics) {
        super(render(diagnostics), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs a diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** An exception for one error. */
    public ConfigException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    /** The problems found, in the order they were found. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first problem (the one TLC would have stopped at). */
    public Diagnostic first() {
        return diagnostics.get(0);
    }

    private static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }
}
