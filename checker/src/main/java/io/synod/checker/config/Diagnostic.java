package io.synod.checker.config;

import java.util.Objects;

/**
 * One problem found in a configuration file, rendered as {@code file:line:col: message} (or
 * {@code file: message} when it has no position).
 *
 * @param file the configuration file name as given by the user
 * @param position where the problem is, or {@link Position#NONE}
 * @param severity whether the problem stops the run
 * @param message what is wrong, without the location prefix
 */
public record Diagnostic(String file, Position position, Severity severity, String message) {

    /** Whether a diagnostic stops the run. */
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** An error at a position. */
    public static Diagnostic error(String file, Position position, String message) {
        return new Diagnostic(file, position, Severity.ERROR, message);
    }

    /** A warning at a position. */
    public static Diagnostic warning(String file, Position position, String message) {
        return new Diagnostic(file, position, Severity.WARNING, message);
    }

    /** Whether this diagnostic stops the run. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: message}, with {@code warning: } before warnings' messages. */
    public String render() {
        String where = position.isKnown() ? file + ":" + position : file;
        return where + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
