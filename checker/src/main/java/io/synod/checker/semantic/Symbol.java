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

    /**
     * Of the name and where it is defined, not of the defining node: the generated one hashed
     * the whole definition (every lookup of a symbol in a map walked its body) and, as every
     * record method the compiler generates, linked through {@code ObjectMethods} method-handle
     * bootstraps on first use. Those define classes at run time with the JDK's bytecode writer,
     * which then got hot enough for the JIT's optimising compiler to spend 160-220 ms on it at the
     * start of the search, a short check's most valuable compiler time (with {@code Span}'s and
     * {@code LiveExpr}'s methods written out too, a check of the ticket lock defines 12
     * method-handle classes at run time instead of 84). Consistent with the generated
     * {@code equals}, which stays.
     */
    @Override
    public int hashCode() {
        int h = name.hashCode();
        h = 31 * h + kind.hashCode();
        h = 31 * h + arity;
        h = 31 * h + module.hashCode();
        return 31 * h + span.hashCode();
    }

    /** Whether two symbols are the same definition reached by different paths. */
    public boolean sameOrigin(Symbol other) {
        return name.equals(other.name) && module.equals(other.module) && span.equals(other.span);
    }
}
