package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.syntax.ast.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error while deciding ENABLED <<A>>_v for WF_v(A) (here A leaves a variable of v without a
 * value): TLC's nested-expression list names A where the fairness formula writes it, A's body,
 * then v and what v stands for; it lists no frame for the whole WF_v(A).
 */
class FairnessErrorStackTest {
  @TempDir Path dir;

  private static final String LAMP = """
      ---- MODULE Lamp ----
      EXTENDS Naturals
      VARIABLES on, hits
      both == <<on, hits>>
      Flip == on' = ~on
      Spec == on = FALSE /\\ hits = 0 /\\ [][Flip /\\ UNCHANGED hits]_both /\\ WF_both(Flip)
      Lit == <>on
      ====
      """;

  // Fill takes box from the empty set to a record: TLC cannot compare the two values of <<box>>
  private static final String BOX = """
      ---- MODULE Box ----
      EXTENDS Naturals
      VARIABLES box, k
      Fill == box' = [item |-> 1] /\\ k' = 1 - k
      Spec == box = {} /\\ k = 0 /\\ [][Fill]_<<box, k>> /\\ WF_<<box>>(Fill)
      Often == []<>(k = 0)
      ====
      """;

  private CheckResult check(String name, String text, String cfgText) throws Exception {
    Path spec = Files.writeString(dir.resolve(name + ".tla"), text);
    Path cfg = Files.writeString(dir.resolve(name + ".cfg"), cfgText);
    CheckOptions o = CheckOptions.defaults().withWorkers(1).withFpIndex(0);
    return new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o,
        new SearchListener() {}, Output.NONE).run();
  }

  @Test
  void theSubscriptsValuesAreComparedCurrentStateFirst() throws Exception {
    CheckResult r = check("Box", BOX, "SPECIFICATION Spec\nPROPERTY Often\n");
    assertEquals(255, r.exitCode(), r.toString());
    assertEquals("Attempted to check equality of the set {} with the value:\n[item |-> 1]",
        r.firstFailure().message());
  }

  @Test
  void theStackNamesTheActionThenTheSubscript() throws Exception {
    CheckResult r = check("Lamp", LAMP, "SPECIFICATION Spec\nPROPERTY Lit\n");
    assertEquals(255, r.exitCode(), r.toString());
    List<String> stack = r.firstFailure().stack().stream().map(Span::describe).toList();
    assertEquals(List.of(
        "line 6, col 78 to line 6, col 81 of module Lamp",   // Flip in WF_both(Flip)
        "line 5, col 9 to line 5, col 17 of module Lamp",    // Flip's body
        "line 6, col 73 to line 6, col 76 of module Lamp",   // both in WF_both(Flip)
        "line 4, col 9 to line 4, col 20 of module Lamp",    // <<on, hits>>
        "line 4, col 15 to line 4, col 18 of module Lamp"),  // hits, without a value in the step
        stack);
  }
}
