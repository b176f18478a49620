package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Span;
import java.util.Objects;

/**
 * A semantic error: where it is and what is wrong.
 *
 * @param span the offending text ({@link Span#NONE} when the problem has no place, such as a
 *     missing module)
 * @param message the message, worded as SANY words it where SANY has the same check
 * @param hint a line of Synod's own help printed after the message ({@code ""} when none), kept
 *     apart so that the message itself stays SANY's
 */
public record SemanticDiagnostic(Span span, String message, String hint) {

    public SemanticDiagnostic {
        Objects.requireNonNull(span);
        Objects.requireNonNull(message);
        Objects.requireNonNull(hint);
    }

    public SemanticDiagnostic(Span span, String message) {
        this(span, message, "");
    }

    /** {@code file:line:col: message}, or just the message without a position. */
    public String render() {
        return span.beginLine() > 0 ? span.position() + ": " + message : message;
    }

    /** SANY's layout: {@code line L, col C to line L2, col C2 of module M}, a blank line, the message. */
    public String sanyText() {
        return span.beginLine() > 0 ? span.describe() + "\n\n" + message : message;
    }

    @Override
    public String toString() {
        return render();
    }
}
