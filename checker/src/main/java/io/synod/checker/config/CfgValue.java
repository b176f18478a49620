package io.synod.checker.config;

import java.util.List;
import java.util.Objects;

/**
 * A value written on the right of {@code =} in a CONSTANT section. TLC's configuration language
 * has integers, strings, booleans, model values (a bare identifier) and finite sets of values;
 * tuples {@code <<a, b>>} are accepted as well.
 */
public sealed interface CfgValue {

    /** An integer within TLC's 32-bit range. */
    record Int(int value) implements CfgValue {
    }

    /** A string literal, unescaped. */
    record Str(String value) implements CfgValue {
        public Str {
            Objects.requireNonNull(value);
        }
    }

    /** {@code TRUE} or {@code FALSE}. */
    record Bool(boolean value) implements CfgValue {
    }

    /** A model value: a bare identifier, equal only to itself. */
    record ModelValue(String name) implements CfgValue {
        public ModelValue {
            Objects.requireNonNull(name);
        }
    }

    /** An enumerated set {@code {v1, ..., vn}} in written order (duplicates kept as written). */
    record SetOf(List<CfgValue> elements) implements CfgValue {
        public SetOf {
            elements = List.copyOf(elements);
        }
    }

    /** A tuple {@code <<v1, ..., vn>>}. */
    record TupleOf(List<CfgValue> elements) implements CfgValue {
        public TupleOf {
            elements = List.copyOf(elements);
        }
    }
}
