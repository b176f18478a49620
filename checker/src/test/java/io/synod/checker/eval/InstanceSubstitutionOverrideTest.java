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

  /** The search of model {@code name} (its .tla and .cfg written) checking {@code invariant}. */
  private MiniBfs search(String name, String invariant) {
    CompiledSpec spec = Fixtures.fixture(dir, name, name, new ArrayList<>());
    return MiniBfs.run(spec, List.of(invariant), List.of(), List.of());
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
    MiniBfs r = search("Top", "Inv");
    assertNull(r.violated);
    assertEquals(2, r.distinct);
    assertEquals(3, r.generated);
  }

  /**
   * {@code Def <-[M] Repl} replaces module M's own definition, as TLC does for a module-scoped
   * override, also when the root module does not define Def (only the instantiated M does).
   */
  @Test
  void aModuleScopedOverrideReplacesTheDefinitionOfAnInstantiatedModule() throws Exception {
    write("Lim.tla", """
        ---- MODULE Lim ----
        EXTENDS Naturals
        VARIABLE x
        Bound == 1
        Step == x < Bound /\\ x' = x + 1
        ====
        """);
    write("Run.tla", """
        ---- MODULE Run ----
        EXTENDS Naturals
        VARIABLE x
        L == INSTANCE Lim
        Init == x = 0
        Next == L!Step
        Three == 3
        Small == x <= L!Bound
        ====
        """);
    write("Run.cfg", "INIT Init\nNEXT Next\nCONSTANT Bound <- [Lim] Three\nINVARIANT Small\n");
    MiniBfs r = search("Run", "Small");
    assertNull(r.violated);
    assertEquals(4, r.distinct);
  }
}
