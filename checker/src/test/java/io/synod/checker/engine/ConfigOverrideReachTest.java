package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.Checker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the configuration's overrides of definitions reach, as in TLC, which replaces the
 * definition itself: every use of it, also inside an INSTANCE taking arguments (built where it
 * is used), and for {@code Name <- [M] Def} and {@code Name = [M] v} the definition module M
 * makes, also when it is seen through an instance of M.
 */
class ConfigOverrideReachTest {
  @TempDir Path tmp;

  private CheckResult check(String cfg, String... modules) throws Exception {
    Path root = null;
    for (String m : modules) {
      String name = m.substring(m.indexOf("MODULE") + 7, m.indexOf(" ----", m.indexOf("MODULE")));
      Path p = tmp.resolve(name + ".tla");
      Files.writeString(p, m);
      root = root == null ? p : root;
    }
    Path c = tmp.resolve("Root.cfg");
    Files.writeString(c, cfg);
    return new ModelChecker(Checker.prepare(root, c, List.of(), Output.NONE),
        CheckOptions.defaults().withWorkers(1), new SearchListener() {}, Output.NONE).run();
  }

  @Test
  void anOverrideOfAStandardOperatorReachesAnInstanceTakingArguments() throws Exception {
    String lib = """
        ---- MODULE Paths ----
        EXTENDS Sequences
        CONSTANT S
        HasPair == \\E s \\in Seq(S) : Len(s) = 2
        ====
        """;
    String root = """
        ---- MODULE Root ----
        EXTENDS Naturals, Sequences
        VARIABLE x
        Short(T) == UNION {[1..n -> T] : n \\in 0..2}
        P(set) == INSTANCE Paths WITH S <- set
        Init == x = 0
        Next == x' = 1 - x
        Inv == P({1, 2})!HasPair
        ====
        """;
    // Seq(S) is infinite: the check can only succeed if P(...)!HasPair uses Short
    CheckResult r = check("CONSTANT Seq <- Short\nINIT Init\nNEXT Next\nINVARIANT Inv\n", root, lib);
    assertEquals(Verdict.SUCCESS, r.verdict());
    assertEquals(2, r.stats().distinct());
    assertEquals(3, r.stats().generated());
  }

  private static final String COUNTER = """
      ---- MODULE Counter ----
      EXTENDS Naturals
      CONSTANT S
      VARIABLE x
      None == CHOOSE v : v \\notin S
      Limit == 100
      Step == x' = IF x = None THEN 0 ELSE IF x < Limit THEN x + 1 ELSE None
      ====
      """;

  private static final String ROOT = """
      ---- MODULE Root ----
      EXTENDS Naturals
      CONSTANT S
      VARIABLE x
      Two == 2
      N == INSTANCE Counter
      Init == x = N!None
      Next == N!Step
      Inv == x = N!None \\/ x \\in 0..2
      ====
      """;

  @Test
  void moduleScopedOverridesReplaceTheDefinitionsOfThatModuleSeenThroughAnInstance()
      throws Exception {
    // None (an unbounded CHOOSE) becomes the model value NV, Limit becomes 2: NV, 0, 1, 2, NV...
    CheckResult r = check("CONSTANT S = {1}\nCONSTANT None = [Counter]NV\nCONSTANT Limit <- [Counter]Two\n"
        + "INIT Init\nNEXT Next\nINVARIANT Inv\n", ROOT, COUNTER);
    assertEquals(Verdict.SUCCESS, r.verdict());
    assertEquals(4, r.stats().distinct());
    assertEquals(5, r.stats().generated());
  }

  @Test
  void aModuleScopedOverrideLeavesOtherModulesDefinitionsOfTheSameName() throws Exception {
    // the root's own Limit stays 7 while Counter's becomes 2
    String root = ROOT.replace("Two == 2", "Two == 2\nLimit == 7").replace("Inv == ", "Inv0 == ")
        .replace("====", "Inv == Limit = 7 /\\ Inv0\n====");
    CheckResult r = check("CONSTANT S = {1}\nCONSTANT None = [Counter]NV\nCONSTANT Limit <- [Counter]Two\n"
        + "INIT Init\nNEXT Next\nINVARIANT Inv\n", root, COUNTER);
    assertEquals(Verdict.SUCCESS, r.verdict());
    assertEquals(4, r.stats().distinct());
  }
}
