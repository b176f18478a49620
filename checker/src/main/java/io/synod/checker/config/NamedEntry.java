package io.synod.checker.config;

import java.util.Objects;

/**
 * A name written after a keyword such as INIT or INVARIANTS.
 *
 * @param name the operator named
 * @param position where the name is written
 */
public record NamedEntry(String name, Position position) {

    public NamedEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(position);
    }

    /** The same entry at {@link Position#NONE}. */
    public NamedEntry withoutPosition() {
        return new NamedEntry(name, Position.NONE);
    }
}
