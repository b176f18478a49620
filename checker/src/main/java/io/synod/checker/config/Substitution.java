package io.synod.checker.config;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Name <- Definition}: the constant or operator {@code Name} is replaced by the operator
 * {@code Definition} of the root module; {@code Name <- [Mod] Definition} replaces the definition
 * of {@code Name} in module {@code Mod} only.
 *
 * @param name the replaced constant or operator
 * @param definition the replacing operator (defined in the root module)
 * @param module the module whose definition is replaced, if written
 * @param position where the replaced name is written
 */
public record Substitution(String name, String definition, Optional<String> module, Position position) {

    public Substitution {
        Objects.requireNonNull(name);
        Objects.requireNonNull(definition);
        Objects.requireNonNull(module);
        Objects.requireNonNull(position);
    }

    /** The same entry at {@link Position#NONE}. */
    public Substitution withoutPosition() {
        return new Substitution(name, definition, module, Position.NONE);
    }
}
