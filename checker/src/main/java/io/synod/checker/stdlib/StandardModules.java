package io.synod.checker.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The standard and community TLA+ modules Synod ships ({@code Naturals}, {@code Sequences},
 * {@code TLC}, {@code SequencesExt}, ...): their names, their source text (our own definitions,
 * stored as class-path resources next to this class), and which of their operators the
 * evaluator implements natively (listed in {@code native-operators.txt}).
 *
 * <p>Module resolution looks here last, after the specification's folder and the library paths.
 */
public final class StandardModules {

    private static final List<String> NAMES = List.of(
            "Naturals", "Integers", "Reals", "Sequences", "FiniteSets", "Bags",
            "TLC", "TLCExt", "Randomization", "Json", "TLAPS",
            "Functions", "SequencesExt", "FiniteSetsExt", "Folds", "Relation", "IOUtils",
            "VectorClocks",
            "Bitwise", "Combinatorics", "Statistics", "BagsExt", "Quorum", "DyadicRationals", "Graphs",
            "UndirectedGraphs", "SVG", "GraphViz", "CSV", "HTML", "DifferentialEquations", "FunctionTheorems", "FiniteSetsExtTheorems",
            "FoldsTheorems", "GraphTheorems", "QuorumTheorems", "SequencesExtTheorems");

    private static final String NATIVE_LIST = "native-operators.txt";

    private StandardModules() {
    }

    /**
     * An operator the evaluator implements natively.
     *
     * @param module the standard module defining it
     * @param operator its name in the parser's canonical spelling ({@code Len}, {@code \o}, {@code <=},
     *     {@code \oplus}, {@code -.} for unary minus)
     * @param arity its number of arguments
     */
    public record NativeOperator(String module, String operator, int arity) {
        public NativeOperator {
            Objects.requireNonNull(module);
            Objects.requireNonNull(operator);
        }
    }

    /** The names of all shipped modules. */
    public static List<String> names() {
        return NAMES;
    }

    /** Whether {@code name} is a shipped module. */
    public static boolean isStandard(String name) {
        return NAMES.contains(name);
    }

    /** The TLA+ text of module {@code name}, if it is a shipped module. */
    public static Optional<String> source(String name) {
        if (!isStandard(name)) {
            return Optional.empty();
        }
        return Optional.of(resource(name + ".tla"));
    }

    /** Whether {@code operator} of {@code module} is implemented natively. */
    public static boolean isNative(String module, String operator) {
        return NativeTable.BY_KEY.containsKey(key(module, operator));
    }

    /** The arity of a native operator, or empty if it is not native. */
    public static OptionalInt nativeArity(String module, String operator) {
        NativeOperator op = NativeTable.BY_KEY.get(key(module, operator));
        return op == null ? OptionalInt.empty() : OptionalInt.of(op.arity());
    }

    /** Every native operator, in the order of {@code native-operators.txt}. */
    public static List<NativeOperator> nativeOperators() {
        return NativeTable.ALL;
    }

    private static String key(String module, String operator) {
        return module + " " + operator;
    }

    private static String resource(String file) {
        try (InputStream in = StandardModules.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("standard module resource missing from the class path: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard module resource " + file, e);
        }
    }

    /** Parsed once, on first use; immutable afterwards. */
    private static final class NativeTable {
        static final List<NativeOperator> ALL;
        static final Map<String, NativeOperator> BY_KEY;

        static {
            List<NativeOperator> all = new ArrayList<>();
            Map<String, NativeOperator> byKey = new HashMap<>();
            for (String raw : resource(NATIVE_LIST).lines().toList()) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length != 3 || !isStandard(parts[0])) {
                    throw new IllegalStateException(NATIVE_LIST + ": malformed line: " + line);
                }
                NativeOperator op = new NativeOperator(parts[0], parts[1], Integer.parseInt(parts[2]));
                all.add(op);
                byKey.put(key(op.module(), op.operator()), op);
            }
            ALL = List.copyOf(all);
            BY_KEY = Map.copyOf(byKey);
        }
    }
}
