package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constant the model replaces by a definition ({@code Acc <- Two}) is that definition
 * everywhere, also in what an explicit INSTANCE substitution of an instantiated module reads
 * (the instantiated module's state function, built from the root's definitions that read the
 * constant). TLC applies the override before it evaluates anything; the replacement of a
 * {@code WITH y <- e} must not see the constant as unassigned.
 */
class InstanceSubstitutionOverrideTest {

  @TempDir Path dir;

  private void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void anOverriddenConstantReachesWhatANestedExplicitSubstitutionReads() throws Exception {
    write("Leaf.tla", """
        ---- MODULE Leaf ----
        VARIABLE y
        Grows == y # {}
        ====
        """);
    write("Mid.tla", """
        ---- MODULE Mid ----
        CONSTANT Acc
        VARIABLE on
        Lit == {a \\in Acc : on[a]}
        L == INSTANCE Leaf WITH y <- Lit
        ====
        """);
    write("Top.tla", """
        ---- MODULE Top ----
        CONSTANT Acc
        VARIABLE z
        on == [a \\in Acc |-> z]
        Init == z = FALSE
        Next == z' = ~z
        M == INSTANCE Mid
        Within(S) == S \\subseteq Acc
        Inv == Within(M!Lit) /\\ (z => M!L!Grows)
        Two == {1, 2}
        ====
        """);
    write("Top.cfg", "INIT Init\nNEXT Next\nCONSTANT Acc <- Two\nINVARIANT Inv\n");
    CompiledSpec spec = Fixtures.fixture(dir, "Top", "Top", new ArrayList<>());
    MiniBfs r = MiniBfs.run(spec, List.of("Inv"), List.of(), List.of());
    assertNull(r.violated);
    assertEquals(2, r.distinct);
    assertEquals(3, r.generated);
  }
}
