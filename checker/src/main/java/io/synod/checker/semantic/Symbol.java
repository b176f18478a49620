package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Node;
import io.synod.checker.syntax.ast.Span;
import java.util.Objects;

/**
 * A name visible somewhere in a specification.
 *
 * @param name the name (operator symbols in canonical spelling)
 * @param kind what the name stands for
 * @param arity its number of arguments (0 for values, variables and functions)
 * @param module the module that defines or declares it
 * @param span where it is defined or declared
 * @param node the defining syntax node (a unit, parameter or binder name)
 */
public record Symbol(String name, Kind kind, int arity, String module, Span span, Node node) {

    /** What a name stands for. */
    public enum Kind { CONSTANT, VARIABLE, OPERATOR, FUNCTION, INSTANCE, THEOREM, ASSUMPTION, BOUND }

    public Symbol {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(module);
        Objects.requireNonNull(span);
    }

    /** Whether two symbols are the same definition reached by different paths. */
    public boolean sameOrigin(Symbol other) {
        return name.equals(other.name) && module.equals(other.module) && span.equals(other.span);
    }
}
