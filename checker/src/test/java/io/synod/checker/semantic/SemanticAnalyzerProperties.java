package io.synod.checker.semantic;

import io.synod.checker.syntax.ast.Module;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SemanticAnalyzerProperties {

    private final Map<String, Module> parsedStandardModules = new HashMap<>();

    static final String SPEC = """
            ---- MODULE M ----
            EXTENDS Naturals, Sequences
            CONSTANTS N, Procs
            VARIABLES x, q
            I == INSTANCE Naturals
            Init == x = 0 /\\ q = <<>>
            Inc(p) == /\\ x < N
                      /\\ x' = x + 1
                      /\\ q' = Append(q, p)
            Next == \\E p \\in Procs : Inc(p)
            Inv == \\A i \\in 1..Len(q) : q[i] \\in Procs
            Sum[k \\in 0..N] == IF k = 0 THEN 0 ELSE k + Sum[k - 1]
            Spec == Init /\\ [][Next]_<<x, q>> /\\ WF_x(Next)
            ====
            """;

    /** Whatever the edit, analysis ends in a result or a SemanticException with positions, never another exception. */
    @Property(tries = 80)
    void editedSpecsFailOnlyWithSemanticException(@ForAll("edits") List<Edit> edits) {
        String text = SPEC;
        for (Edit e : edits) {
            text = e.apply(text);
        }
        try {
            new SpecSymbols(SemanticAnalyzer.analyze("M.tla", text, ModuleLocator.forSpec(Path.of("M.tla")),
                    parsedStandardModules))
                    .constants();
        } catch (SemanticException e) {
            if (e.diagnostics().stream().anyMatch(d -> d.message().isBlank())) {
                throw new AssertionError("blank diagnostic for:\n" + text);
            }
        }
    }

    record Edit(int where, int kind, String piece) {
        String apply(String text) {
            int at = Math.floorMod(where, text.length() + 1);
            return switch (kind) {
                case 0 -> text.substring(0, at) + piece + text.substring(at);
                case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                default -> {
                    int end = Math.min(text.length(), at + piece.length());
                    yield text.substring(0, at) + piece + text.substring(end);
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> pieces = Arbitraries.of("x", "y", "N", "Len", "Len(q, q)", "Inc", "Inc(1, 2)", "I!Nope",
                "I!+", "\\E", "(", ")", "==", "Next", "'", "EXTENDS Nowhere\n", "INSTANCE M\n", "LET A == 1 IN ",
                "LAMBDA a : a", "[]", "<<", ">>", "\n", " ", "RECURSIVE Inc(_)\n", "Init == 1\n", "\\o", "--");
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 2), pieces)
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
    }
}
