package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import org.junit.jupiter.api.Test;

/**
 * Source positions on lines holding TABs: as SANY (whose positions TLC prints in action labels,
 * error locations and CounterExample), a TAB advances the column to the next multiple of 8.
 */
class TabColumnsTest {

  private static Span bodyOf(Module m, String name) {
    for (Unit u : m.units()) {
      if (u instanceof Unit.OpDef d && d.name().equals(name)) {
        return d.body().span();
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void aLeadingTabReachesColumnNine() throws Exception {
    Module m = TlaParser.parseModule("---- MODULE T ----\nVARIABLE x\nStep ==\n\tx' = x + 1\n====\n", "T.tla");
    Span s = bodyOf(m, "Step");
    assertEquals(9, s.beginCol());
    assertEquals(18, s.endCol());
  }

  @Test
  void aTabAfterTextReachesTheNextMultipleOfEight() throws Exception {
    // "Go ==" fills columns 1-5, the space 6, the TAB takes 7-8: the body starts at 9
    Module m = TlaParser.parseModule("---- MODULE T ----\nVARIABLE x\nGo == \tx' = 0\n====\n", "T.tla");
    Span s = bodyOf(m, "Go");
    assertEquals(9, s.beginCol());
    assertEquals(14, s.endCol());
  }

  @Test
  void linesWithoutTabsKeepTheirColumns() throws Exception {
    Module m = TlaParser.parseModule("---- MODULE T ----\nVARIABLE x\nStep ==\n    x' = x + 1\n\tIdle == TRUE\n====\n", "T.tla");
    Span s = bodyOf(m, "Step");
    assertEquals(5, s.beginCol());
    assertEquals(14, s.endCol());
  }
}
