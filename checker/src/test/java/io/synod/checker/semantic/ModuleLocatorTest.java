package io.synod.checker.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleLocatorTest {

    @TempDir
    Path root;

    private Path folder(String name, String... modules) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        for (String m : modules) {
            Files.writeString(dir.resolve(m + ".tla"), "---- MODULE " + m + " ----\n\\* from " + name + "\n====\n");
        }
        return dir;
    }

    @Test
    void specFolderThenLibrariesThenTlaPathThenStandardModules() throws IOException {
        Path spec = folder("spec", "A", "Naturals");
        Path lib = folder("lib", "A", "B");
        Path path = folder("path", "B", "C");
        ModuleLocator locator = new ModuleLocator(spec, List.of(lib), List.of(path));

        assertTrue(locator.locate("A").orElseThrow().text().contains("from spec"));
        assertTrue(locator.locate("B").orElseThrow().text().contains("from lib"));
        assertTrue(locator.locate("C").orElseThrow().text().contains("from path"));
        ModuleSource shadowed = locator.locate("Naturals").orElseThrow();
        assertFalse(shadowed.standard(), "a user file shadows the standard module");
        ModuleSource standard = locator.locate("Sequences").orElseThrow();
        assertTrue(standard.standard());
        assertEquals("Sequences.tla", standard.file());
        assertTrue(locator.locate("Nowhere").isEmpty());
    }

    @Test
    void tlaPathSplitsOnThePathSeparator() {
        assertEquals(List.of(Path.of("a"), Path.of("b/c")),
                ModuleLocator.parsePath("a" + File.pathSeparator + " " + File.pathSeparator + "b/c"));
        assertEquals(List.of(), ModuleLocator.parsePath(null));
    }

    @Test
    void aMissingModuleKeepsSanysMessageAndNamesThePlacesSearched() throws IOException {
        Path spec = folder("spec");
        Path lib = folder("lib");
        Path path = folder("path");
        ModuleLocator locator = new ModuleLocator(spec, List.of(lib), List.of(path));
        SemanticException e = org.junit.jupiter.api.Assertions.assertThrows(SemanticException.class,
                () -> ModuleLoader.load(spec.resolve("Miss.tla").toString(),
                        "---- MODULE Miss ----\nEXTENDS Nowhere\n====\n", locator));
        SemanticDiagnostic d = e.diagnostics().get(0);
        assertEquals("Cannot find source file for module Nowhere imported in module Miss.", d.message());
        assertTrue(d.hint().startsWith("Synod looked in: " + spec + ", " + lib + ", " + path
                + ", and its standard modules (Naturals, Integers, "), d.hint());
        assertTrue(d.hint().contains("Sequences") && d.hint().endsWith(")"), d.hint());
    }
}
