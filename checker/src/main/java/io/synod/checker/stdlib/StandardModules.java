package io.synod.checker.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The standard and community TLA+ modules Synod ships ({@code Naturals}, {@code Sequences},
 * {@code TLC}, {@code SequencesExt}, ...): their names and their source text (our own
 * definitions, stored as class-path resources next to this class). Which of their operators are evaluated
 * natively is registered in the evaluator ({@code eval/Natives}); a module marks each of them with
 * a {@code \* native: ...} comment after its definition.
 *
 * <p>Module resolution looks here last, after the specification's folder and the library paths.
 */
public final class StandardModules {

    private static final List<String> NAMES = List.of(
            "Naturals", "Integers", "Reals", "RealTime", "Sequences", "FiniteSets", "Bags",
            "TLC", "TLCExt", "Randomization", "Json", "TLAPS",
            "Functions", "SequencesExt", "FiniteSetsExt", "Folds", "Relation", "IOUtils",
            "VectorClocks",
            "Bitwise", "Combinatorics", "Statistics", "BagsExt", "Quorum", "DyadicRationals", "Graphs",
            "UndirectedGraphs", "SVG", "GraphViz", "CSV", "HTML", "DifferentialEquations", "FunctionTheorems", "FiniteSetsExtTheorems",
            "FoldsTheorems", "GraphTheorems", "QuorumTheorems", "SequencesExtTheorems", "Toolbox", "ShiViz");

    private StandardModules() {
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
}
