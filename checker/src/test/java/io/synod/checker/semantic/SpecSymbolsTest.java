package io.synod.checker.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.checker.SharedFixtures;
import io.synod.checker.config.ConfigChecker;
import io.synod.checker.config.ConfigException;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.Diagnostic;
import io.synod.checker.config.ModuleSymbols.Constant;
import io.synod.checker.config.ModuleSymbols.Level;
import io.synod.checker.syntax.ast.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecSymbolsTest {

    private static SpecSymbols symbols(String text) throws SemanticException {
        return new SpecSymbols(SemanticAnalyzer.analyze("M.tla", text, ModuleLocator.forSpec(Path.of("M.tla"))));
    }

    @Test
    void levelsOfDefinitions() throws SemanticException {
        SpecSymbols s = symbols("""
                ---- MODULE M ----
                EXTENDS Naturals
                CONSTANTS N, F(_)
                VARIABLE x
                Max == N + 1
                Init == x = 0
                Step == x' = x + 1
                Keep == UNCHANGED x
                Spec == Init /\\ [][Step]_x /\\ WF_x(Step)
                Live == <>(x = Max)
                Can == ENABLED Step
                Twice(a) == a + a
                UsesState == Twice(x)
                Sq[k \\in 0..N] == k * k
                ====
                """);
        assertEquals(List.of(new Constant("N", 0), new Constant("F", 1)), s.constants());
        assertEquals(Level.CONSTANT, s.definition("Max").orElseThrow().level());
        assertEquals(Level.STATE, s.definition("Init").orElseThrow().level());
        assertEquals(Level.ACTION, s.definition("Step").orElseThrow().level());
        assertEquals(Level.ACTION, s.definition("Keep").orElseThrow().level());
        assertEquals(Level.TEMPORAL, s.definition("Spec").orElseThrow().level());
        assertEquals(Level.TEMPORAL, s.definition("Live").orElseThrow().level());
        assertEquals(Level.STATE, s.definition("Can").orElseThrow().level());
        assertEquals(Level.STATE, s.definition("UsesState").orElseThrow().level());
        assertEquals(1, s.definition("Twice").orElseThrow().arity());
        assertEquals(Level.CONSTANT, s.definition("Sq").orElseThrow().level());
        assertTrue(s.isVariable("x"));
        assertTrue(s.hasVariables());
        assertFalse(s.definition("x").isPresent());
        assertTrue(s.modules().containsAll(List.of("M", "Naturals")));
        assertTrue(s.definitionIn("Naturals", "+").isPresent());
    }

    @Test
    void everyFixtureConfigFitsItsSpecExceptTheBrokenOnes() throws IOException, SemanticException, ConfigException {
        Optional<Path> specs = SharedFixtures.specs();
        assumeTrue(specs.isPresent(), "shared/tlc-fixtures not found next to the repository: skipped");
        JsonNode manifest = new ObjectMapper().readTree(specs.get().resolveSibling("manifest.json").toFile());
        Map<String, Module> parsedStandardModules = new HashMap<>();
        int checked = 0;
        for (JsonNode model : manifest) {
            String folder = model.get("dir").asText();
            if (folder.startsWith("28_") || folder.startsWith("29_")) {
                continue;
            }
            Path dir = specs.get().resolve(folder);
            Path tla = dir.resolve(model.get("spec").asText());
            Path cfg = dir.resolve(model.get("config").asText());
            List<String> errors = ConfigChecker.check(ConfigReader.readFile(cfg),
                            new SpecSymbols(SemanticAnalyzer.analyze(tla, ModuleLocator.forSpec(tla), parsedStandardModules)))
                    .stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
            if (model.get("exitCode").asInt() == 151) {
                String out = Files.readString(dir.resolve(model.get("output").asText()));
                assertTrue(!errors.isEmpty() && out.contains("Error: " + errors.get(0) + "\n"), cfg + ": " + errors);
            } else {
                assertEquals(List.of(), errors, cfg.toString());
            }
            checked++;
        }
        assertTrue(checked >= 38, "checked " + checked);
    }
}
