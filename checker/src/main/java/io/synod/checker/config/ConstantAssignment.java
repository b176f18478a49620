package io.synod.checker.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code Name = value} in a CONSTANT section; {@code Name(a1, ..., an) = value} assigns a value to
 * one application of a constant operator; {@code Name = [Mod] value} assigns the value to the
 * definition of {@code Name} in module {@code Mod} only.
 *
 * @param name the left-hand side, {@code A!B} for a name inside an instance
 * @param arguments the arguments written after the name, empty for a plain constant
 * @param value the assigned value
 * @param module the module the assignment is restricted to, if written
 * @param position where the name is written
 */
public record ConstantAssignment(
        String name, List<CfgValue> arguments, CfgValue value, Optional<String> module, Position position) {

    public ConstantAssignment {
        Objects.requireNonNull(name);
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(value);
        Objects.requireNonNull(module);
        Objects.requireNonNull(position);
    }

    /** A plain {@code Name = value}. */
    public static ConstantAssignment of(String name, CfgValue value, Position position) {
        return new ConstantAssignment(name, List.of(), value, Optional.empty(), position);
    }

    /** The same entry at {@link Position#NONE}. */
    public ConstantAssignment withoutPosition() {
        return new ConstantAssignment(name, arguments, value, module, Position.NONE);
    }
}
