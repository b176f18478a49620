package io.synod.checker.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.synod.checker.syntax.ParseException;
import io.synod.checker.syntax.TlaParser;
import io.synod.checker.syntax.ast.Module;
import org.junit.jupiter.api.Test;

class StandardModulesParseTest {

    @Test
    void everyStandardModuleParses() {
        for (String name : StandardModules.names()) {
            Module module;
            try {
                module = TlaParser.parseModule(StandardModules.source(name).orElseThrow(), name + ".tla");
            } catch (ParseException e) {
                throw new AssertionError(name + " does not parse:\n" + e.getMessage(), e);
            }
            assertEquals(name, module.name());
            assertFalse(module.units().isEmpty(), name + " has no definitions");
        }
    }
}
