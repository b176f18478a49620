package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC evaluates every constant the configuration binds to a definition ({@code C <- Def}) while
 * it loads the spec, before the ASSUMEs and before any search exists: a definition that cannot be
 * evaluated then, such as one reading the search's statistics, is a configuration error even
 * when nothing uses the constant.
 */
class ConstantBindingEvaluationTest {
  @TempDir Path dir;

  private static final String MODULE = """
      ---- MODULE Bind ----
      EXTENDS Naturals, TLC
      CONSTANT K
      VARIABLE n
      seen == TLCGet("distinct")
      two == 1 + 1
      ASSUME PrintT("assumed")
      Init == n = 0
      Next == n < 3 /\\ n' = n + 1
      ====
      """;

  private record Run(CheckResult result, List<String> printed) {}

  private Run check(String binding) throws Exception {
    Path spec = Files.writeString(dir.resolve("Bind.tla"), MODULE);
    Path cfg = Files.writeString(dir.resolve("Bind.cfg"),
        "CONSTANT K <- " + binding + "\nINIT Init\nNEXT Next\n");
    List<String> printed = new java.util.ArrayList<>();
    Output out = printed::add;
    CheckOptions o = CheckOptions.defaults().withWorkers(1).withFpIndex(0).withDeadlockOff(true);
    CheckResult r = new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o,
        new SearchListener() {}, out).run();
    return new Run(r, printed);
  }

  @Test
  void aBindingReadingTheSearchIsRefusedBeforeTheAssumptions() throws Exception {
    Run run = check("seen");
    assertEquals(Verdict.CONFIG_ERROR, run.result().verdict());
    assertEquals(151, run.result().exitCode());
    assertEquals("The configuration file substitutes constant K with non-constant seen",
        run.result().firstFailure().message());
    assertFalse(run.printed().contains("\"assumed\""), run.printed().toString());
  }

  @Test
  void aBindingThatEvaluatesLeavesTheCheckAlone() throws Exception {
    Run run = check("two");
    assertEquals(Verdict.SUCCESS, run.result().verdict());
    assertEquals(4, run.result().stats().distinct());
  }
}
