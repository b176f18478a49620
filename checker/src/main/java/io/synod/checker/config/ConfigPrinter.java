package io.synod.checker.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link ModelConfig} back as configuration text that {@link ConfigReader} reads to an
 * equal configuration (positions aside). Constants come first, then substitutions, then the
 * other sections in a fixed order.
 */
public final class ConfigPrinter {

    private ConfigPrinter() {
    }

    /** The configuration as text. */
    public static String print(ModelConfig config) {
        StringBuilder out = new StringBuilder();
        if (!config.constants().isEmpty() || !config.substitutions().isEmpty()) {
            out.append("CONSTANTS\n");
            for (ConstantAssignment c : config.constants()) {
                out.append("  ").append(c.name());
                if (!c.arguments().isEmpty()) {
                    out.append(c.arguments().stream().map(ConfigPrinter::value).collect(Collectors.joining(", ", "(", ")")));
                }
                out.append(" = ");
                c.module().ifPresent(m -> out.append('[').append(m).append("] "));
                out.append(value(c.value())).append('\n');
            }
            for (Substitution s : config.substitutions()) {
                out.append("  ").append(s.name()).append(" <- ");
                s.module().ifPresent(m -> out.append('[').append(m).append("] "));
                out.append(s.definition()).append('\n');
            }
        }
        config.init().ifPresent(e -> single(out, Keyword.INIT, e));
        config.next().ifPresent(e -> single(out, Keyword.NEXT, e));
        config.specification().ifPresent(e -> single(out, Keyword.SPECIFICATION, e));
        list(out, Keyword.INVARIANT, config.invariants());
        list(out, Keyword.PROPERTY, config.properties());
        list(out, Keyword.CONSTRAINT, config.constraints());
        list(out, Keyword.ACTION_CONSTRAINT, config.actionConstraints());
        config.symmetry().ifPresent(e -> single(out, Keyword.SYMMETRY, e));
        config.view().ifPresent(e -> single(out, Keyword.VIEW, e));
        config.alias().ifPresent(e -> single(out, Keyword.ALIAS, e));
        list(out, Keyword.POSTCONDITION, config.postconditions());
        list(out, Keyword.POSSIBLE, config.possibles());
        config.checkDeadlock().ifPresent(f -> out.append("CHECK_DEADLOCK ").append(f.value() ? "TRUE" : "FALSE").append('\n'));
        return out.toString();
    }

    /** A value in configuration syntax. */
    public static String value(CfgValue v) {
        if (v instanceof CfgValue.Int i) {
            return Integer.toString(i.value());
        } else if (v instanceof CfgValue.Str s) {
            return quote(s.value());
        } else if (v instanceof CfgValue.Bool b) {
            return b.value() ? "TRUE" : "FALSE";
        } else if (v instanceof CfgValue.ModelValue m) {
            return m.name();
        } else if (v instanceof CfgValue.SetOf s) {
            return s.elements().stream().map(ConfigPrinter::value).collect(Collectors.joining(", ", "{", "}"));
        } else {
            return ((CfgValue.TupleOf) v).elements().stream().map(ConfigPrinter::value)
                    .collect(Collectors.joining(", ", "<<", ">>"));
        }
    }

    /** A string literal with TLA+ escapes. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void single(StringBuilder out, Keyword k, NamedEntry e) {
        out.append(k.spelling()).append(' ').append(e.name()).append('\n');
    }

    private static void list(StringBuilder out, Keyword k, List<NamedEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.append(k.pluralSpelling());
        for (NamedEntry e : entries) {
            out.append("\n  ").append(e.name());
        }
        out.append('\n');
    }
}
