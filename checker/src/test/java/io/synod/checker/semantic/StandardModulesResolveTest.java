package io.synod.checker.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.stdlib.StandardModules;
import io.synod.checker.syntax.ast.Module;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardModulesResolveTest {

    @TempDir
    Path dir;

    @Test
    void everyStandardModuleResolvesWithoutWarnings() {
        Map<String, Module> parsed = new HashMap<>();
        for (String name : StandardModules.names()) {
            String text = "---- MODULE Use ----\nEXTENDS " + name + "\n====\n";
            ResolvedSpec spec;
            try {
                spec = SemanticAnalyzer.analyze("Use.tla", text, ModuleLocator.forSpec(dir.resolve("Use.tla")), parsed);
            } catch (SemanticException e) {
                throw new AssertionError(name + ":\n" + e.getMessage(), e);
            }
            assertEquals(List.of(), spec.warnings(), name);
            assertTrue(spec.loaded().standard().contains(name), name);
        }
    }

    @Test
    void extendingAllStandardModulesTogetherIsConsistent() throws SemanticException {
        // As in TLC's community modules, SVG's Image clashes with Functions' and UndirectedGraphs
        // redefines Graphs' operators: a spec extends one of each pair.
        List<String> all = StandardModules.names().stream()
                .filter(n -> !List.of("TLAPS", "SVG", "UndirectedGraphs").contains(n)).toList();
        String text = "---- MODULE All ----\nEXTENDS " + String.join(", ", all) + "\n====\n";
        ResolvedSpec spec = SemanticAnalyzer.analyze("All.tla", text, ModuleLocator.forSpec(dir.resolve("All.tla")));
        assertEquals(List.of(), spec.warnings());
        assertTrue(spec.rootSymbol("ReplaceAllSubSeqs").isPresent());
        assertTrue(spec.rootSymbol("\\oplus").isPresent());
    }
}
