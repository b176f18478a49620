package io.synod.checker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.config.CfgValue.Bool;
import io.synod.checker.config.CfgValue.Int;
import io.synod.checker.config.CfgValue.ModelValue;
import io.synod.checker.config.CfgValue.SetOf;
import io.synod.checker.config.CfgValue.Str;
import io.synod.checker.config.CfgValue.TupleOf;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConfigReaderProperties {

    private static final List<String> KEYWORDS = List.of("CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CONSTRAINT", "CONSTRAINTS", "ACTION_CONSTRAINT",
            "ACTION_CONSTRAINTS", "SYMMETRY", "VIEW", "ALIAS", "POSTCONDITION", "POSTCONDITIONS", "CHECK_DEADLOCK",
            "TRUE", "FALSE");

    @Property(tries = 100)
    void printedConfigsReadBackEqual(@ForAll("configs") ModelConfig config) throws ConfigException {
        String text = ConfigPrinter.print(config);
        assertEquals(config.withoutPositions(), ConfigReader.read("R.cfg", text).withoutPositions(), text);
    }

    @Property(tries = 200)
    void mutatedConfigsFailOnlyWithConfigException(@ForAll("configs") ModelConfig config,
            @ForAll("mutations") List<Mutation> mutations) {
        String text = ConfigPrinter.print(config);
        for (Mutation m : mutations) {
            text = m.apply(text);
        }
        try {
            ConfigReader.read("R.cfg", text);
        } catch (ConfigException e) {
            Diagnostic d = e.first();
            assertEquals("R.cfg", d.file());
            if (!d.position().isKnown() || d.message().isBlank()) {
                throw new AssertionError("diagnostic without position or message: " + d);
            }
        }
    }

    /** One random edit of the text. */
    record Mutation(int where, int kind, String piece) {
        String apply(String text) {
            int at = text.isEmpty() ? 0 : Math.floorMod(where, text.length() + 1);
            return switch (kind) {
                case 0 -> text.substring(0, at) + piece + text.substring(at);
                case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                case 2 -> text.substring(0, at);
                default -> text.substring(at) + text.substring(0, at);
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> pieces = Arbitraries.of("=", "<-", "{", "}", ",", "(*", "*)", "\\*", "\"", "-", "<<", ">>",
                "[", "]", "(", ")", "!", "\n", " ", "x", "7", "INIT", "CONSTANT", "\\h", "\\b2", ";", "é", "\t");
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 3), pieces)
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<ModelConfig> configs() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars('_').ofMinLength(1).ofMaxLength(6)
                .map(s -> s + "1")
                .filter(s -> !KEYWORDS.contains(s));
        Arbitrary<NamedEntry> entry = name.map(n -> new NamedEntry(n, Position.NONE));
        Arbitrary<ConstantAssignment> constant = Combinators.combine(name, value(name), name.optional(0.2))
                .as((n, v, m) -> new ConstantAssignment(n, List.of(), v, m, Position.NONE));
        Arbitrary<Substitution> substitution = Combinators.combine(name, name, name.optional(0.2))
                .as((n, d, m) -> new Substitution(n, d, m, Position.NONE));
        // one entry: a SPECIFICATION; two: INIT and NEXT
        Arbitrary<List<NamedEntry>> behaviour = Arbitraries.oneOf(entry.list().ofSize(1), entry.list().ofSize(2));
        return Combinators.combine(
                constant.list().ofMaxSize(4).uniqueElements(ConstantAssignment::name),
                substitution.list().ofMaxSize(3).uniqueElements(Substitution::name),
                behaviour, entry.list().ofMaxSize(4), entry.list().ofMaxSize(3),
                entry.optional(0.3), Arbitraries.of(true, false).optional(0.5))
                .as((cs, ss, spec, invs, props, view, deadlock) -> {
                    ModelConfig.Builder b = ModelConfig.builder("R.cfg");
                    cs.stream().filter(c -> ss.stream().noneMatch(s -> s.name().equals(c.name()))).forEach(b::constant);
                    ss.forEach(b::substitution);
                    if (spec.size() == 1) {
                        b.specification(spec.get(0));
                    } else {
                        b.init(spec.get(0)).next(spec.get(1));
                    }
                    invs.forEach(b::invariant);
                    props.forEach(b::property);
                    props.forEach(b::constraint);
                    invs.forEach(b::postcondition);
                    view.ifPresent(b::view);
                    deadlock.ifPresent(d -> b.checkDeadlock(new FlagEntry(d, Position.NONE)));
                    return b.build();
                });
    }

    private Arbitrary<CfgValue> value(Arbitrary<String> name) {
        Arbitrary<CfgValue> leaf = Arbitraries.oneOf(
                Arbitraries.integers().map(Int::new),
                Arbitraries.strings().ofMaxLength(5).withChars('a', 'b', '"', '\\', '\n', ' ', '\t').map(Str::new),
                Arbitraries.of(true, false).map(Bool::new),
                name.map(ModelValue::new));
        return Arbitraries.recursive(() -> leaf,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(SetOf::new),
                        inner.list().ofMaxSize(3).map(TupleOf::new)),
                0, 3);
    }
}
