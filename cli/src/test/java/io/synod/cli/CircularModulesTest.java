package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module that EXTENDS or INSTANCEs itself, directly or through others, is refused by
 * {@code synod check} as {@code synod parse} refuses it (SANY does too): exit 150 and the cycle,
 * never a check of the rest or a stack overflow.
 */
class CircularModulesTest {
  @TempDir Path dir;

  private CliTestSupport.Result check(String name, String body) throws IOException {
    Path tla = dir.resolve(name + ".tla");
    Files.writeString(tla, "---- MODULE " + name + " ----\n" + body + "\n====\n");
    Files.writeString(dir.resolve(name + ".cfg"), "INIT Init\nNEXT Next\n");
    return CliTestSupport.run("check", "-config", dir.resolve(name + ".cfg").toString(), tla.toString());
  }

  @Test
  void aModuleExtendingItselfIsRefused() throws IOException {
    var r = check("Self", "EXTENDS Self\nVARIABLE x\nInit == x = 0\nNext == x' = x");
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Circular dependency among modules: Self -> Self.\n"
        + "line 2, col 9 to line 2, col 12 of module Self\n"), r.out());
  }

  @Test
  void aModuleInstantiatingItselfThroughAnotherIsRefused() throws IOException {
    Files.writeString(dir.resolve("Mid.tla"), "---- MODULE Mid ----\nEXTENDS Loop\n====\n");
    var r = check("Loop", "VARIABLE x\nI == INSTANCE Mid\nInit == x = 0\nNext == x' = x");
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Circular dependency among modules: Loop -> Mid -> Loop."), r.out());
    assertEquals("", r.err());
  }
}
