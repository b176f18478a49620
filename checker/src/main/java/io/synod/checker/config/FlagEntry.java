package io.synod.checker.config;

import java.util.Objects;

/**
 * A boolean setting such as {@code CHECK_DEADLOCK FALSE}.
 *
 * @param value the setting
 * @param position where the keyword is written
 */
public record FlagEntry(boolean value, Position position) {

    public FlagEntry {
        Objects.requireNonNull(position);
    }

    /** The same entry at {@link Position#NONE}. */
    public FlagEntry withoutPosition() {
        return new FlagEntry(value, Position.NONE);
    }
}
