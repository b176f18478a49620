package io.synod.checker.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ConfigChecker} needs to know about a specification, so that the checker does not
 * depend on the syntax tree: the semantic analysis provides an adapter.
 */
public interface ModuleSymbols {

    /** The level of an expression, as in TLA+ level checking. */
    enum Level { CONSTANT, STATE, ACTION, TEMPORAL }

    /**
     * A declared constant.
     *
     * @param name the constant's name
     * @param arity 0 for {@code CONSTANT N}, n for {@code CONSTANT F(_, ..., _)}
     */
    record Constant(String name, int arity) {
    }

    /**
     * An operator definition.
     *
     * @param name the operator's name
     * @param arity its number of parameters
     * @param level the level of its body
     */
    record Definition(String name, int arity, Level level) {
    }

    /** The root module's name. */
    String rootModule();

    /** The constants the root module declares or gets by EXTENDS, in declaration order. */
    List<Constant> constants();

    /** The definition visible in the root module under {@code name}, if any. */
    Optional<Definition> definition(String name);

    /** Whether {@code name} is a state variable visible in the root module. */
    boolean isVariable(String name);

    /** Whether the specification has at least one state variable. */
    boolean hasVariables();

    /** The names of every module the specification uses (root, extended, instantiated). */
    Set<String> modules();

    /** The definition of {@code name} in module {@code module}, if that module defines it. */
    Optional<Definition> definitionIn(String module, String name);
}
