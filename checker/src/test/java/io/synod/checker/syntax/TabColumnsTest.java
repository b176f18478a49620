package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Source positions on lines holding TABs: as SANY (whose positions TLC prints in action labels,
 * error locations and CounterExample), a TAB advances the column to the next multiple of 8.
 */
class TabColumnsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // a leading TAB: the body starts at column 9
      "Step ==\\n\\tx' = x + 1 | 9 | 18",
      // "Go ==" fills columns 1-5, the space 6, the TAB 7-8: the body starts at 9
      "Go == \\tx' = 0 | 9 | 14",
      // a TAB on another line changes nothing here
      "Step ==\\n    x' = x + 1\\n\\tIdle == TRUE | 5 | 14"})
  void theBodyOfTheFirstDefinitionHasSanysColumns(String defs, int begin, int end) throws Exception {
    String text = "---- MODULE T ----\nVARIABLE x\n" + defs.replace("\\n", "\n").replace("\\t", "\t") + "\n====\n";
    Module m = TlaParser.parseModule(text, "T.tla");
    Span s = m.units().stream().filter(u -> u instanceof Unit.OpDef).map(u -> ((Unit.OpDef) u).body().span())
        .findFirst().orElseThrow();
    assertEquals(begin, s.beginCol());
    assertEquals(end, s.endCol());
  }
}
