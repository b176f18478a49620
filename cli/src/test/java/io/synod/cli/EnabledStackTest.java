package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The positions TLC lists for an error under ENABLED: it lists every expression it evaluates, so
 * ENABLED's argument, then (for a definition of a module instantiated with substitutions) the
 * INSTANCE whose substitutions wrap the body, then the body's expressions, and for a substituted
 * name first the name, then the expression substituted for it.
 */
class EnabledStackTest {
  @TempDir Path dir;

  @Test
  void anErrorInASubstitutionUnderEnabledListsTheWholePath() throws IOException {
    Files.writeString(dir.resolve("Box.tla"), """
        ---- MODULE Box ----
        EXTENDS Naturals
        VARIABLE h
        Grow == h' = h + 1
        ====
        """);
    Path tla = dir.resolve("Outer.tla");
    Files.writeString(tla, """
        ---- MODULE Outer ----
        EXTENDS Naturals
        VARIABLES a, b
        B == INSTANCE Box WITH h <- a + b
        Init == a = 0 /\\ b = 0
        Next == a' = a /\\ b' = b
        Inv == ENABLED B!Grow
        ====
        """);
    Files.writeString(dir.resolve("Outer.cfg"), "INIT Init\nNEXT Next\nINVARIANT Inv\n");
    var r = CliTestSupport.run("check", "-workers", "1", "-config", dir.resolve("Outer.cfg").toString(), tla.toString());
    // (a + b)' cannot be evaluated by ENABLED: TLC's own error on the identifier a
    assertEquals(75, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("""
        3. Line 7, column 8 to line 7, column 21 in Outer
        4. Line 7, column 16 to line 7, column 21 in Outer
        5. Line 4, column 1 to line 4, column 33 in Outer
        6. Line 4, column 9 to line 4, column 18 in Box
        7. Line 4, column 9 to line 4, column 10 in Box
        8. Line 4, column 9 to line 4, column 9 in Box
        9. Line 4, column 29 to line 4, column 33 in Outer
        10. Line 4, column 29 to line 4, column 29 in Outer
        """), r.out());
  }
}
