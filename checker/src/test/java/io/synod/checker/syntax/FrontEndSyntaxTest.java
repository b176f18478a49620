package io.synod.checker.syntax;

import static io.synod.checker.syntax.Parsing.expr;
import static io.synod.checker.syntax.Parsing.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Fixity;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Selectors;
import io.synod.checker.syntax.ast.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Syntax SANY accepts: TAB-indented bulleted lists, several modules in one file, user-defined
 * infix operators, infix operators applied in prefix form, and subexpression names.
 */
class FrontEndSyntaxTest {

  private static Expr.Junction junction(Expr e) {
    return assertInstanceOf(Expr.Junction.class, e);
  }

  @Test
  void aTabReachesTheNextMultipleOfEightColumns() throws ParseException {
    // TAB then "/\" is at column 8, like eight spaces; " \t" also reaches column 8
    Expr e = expr("\n\t/\\ 1 = 1\n        /\\ 2 = 2\n \t/\\ 3 = 3");
    assertEquals(3, junction(e).items().size());
  }

  @Test
  void tabsInsideALineCountToTheNextTabStop() throws ParseException {
    // "X ==\t" puts the bullet at column 8 (the tab after column 4 reaches 8)
    Module m = module("X ==\t/\\ 1 = 1\n\t/\\ 2 = 2\nY == 1");
    Expr x = ((Unit.OpDef) m.units().get(0)).body();
    assertEquals(2, junction(x).items().size());
  }

  @Test
  void aBulletLeftOfTheListColumnEndsIt() throws ParseException {
    // the tab puts the inner list at column 11; the next bullet at column 8 continues the outer one
    Expr e = expr("\n\t/\\ \\/ 1 = 1\n\t   \\/ 2 = 2\n\t/\\ 3 = 3");
    Expr.Junction outer = junction(e);
    assertEquals(2, outer.items().size());
    assertEquals(2, junction(outer.items().get(0)).items().size());
  }

  @Test
  void moduleSectionCutsAModuleWrittenAfterTheRoot() {
    String file = "---- MODULE A ----\nX == 1\n====\n---- MODULE B ----\nY == 2\n=====\n---- MODULE C ----\nZ == 3\n====\n";
    String b = TlaParser.moduleSection(file, "B").orElseThrow();
    assertTrue(b.startsWith(" ".repeat(18) + "\n"), b);
    assertTrue(b.contains("\n---- MODULE B ----\nY == 2\n=====\n") || b.endsWith("\n---- MODULE B ----\nY == 2\n====="), b);
    assertTrue(!b.contains("MODULE C"), b);
    assertTrue(TlaParser.moduleSection(file, "D").isEmpty());
    // only a line that is exactly a header starts a module; "MODULE BB" is another name
    assertTrue(TlaParser.moduleSection("---- MODULE BB ----\n====\n", "B").isEmpty());
    assertTrue(TlaParser.moduleSection("  ---- MODULE B ----\n====\n", "B").isEmpty());
  }

  @Test
  void aModuleCutFromTheFileKeepsItsLineNumbers() throws ParseException {
    String file = "---- MODULE A ----\n====\n---- MODULE B ----\nY == 2\n====\n";
    Module b = TlaParser.parseModule(TlaParser.moduleSection(file, "B").orElseThrow(), "A.tla");
    assertEquals("B", b.name());
    assertEquals(4, b.units().get(0).span().beginLine());
  }

  @Test
  void aModuleCutAloneStartsAtItsHeaderAsInTlcsCopy() throws ParseException {
    String file = "---- MODULE A ----\n====\n---- MODULE B ----\nY == 2\n====\n";
    String alone = TlaParser.moduleSection(file, "B", false).orElseThrow();
    assertEquals("---- MODULE B ----\nY == 2\n====", alone);
    assertEquals(2, TlaParser.parseModule(alone, "B.tla").units().get(0).span().beginLine());
  }

  @Test
  void userDefinedInfixOperators() throws ParseException {
    Module m = module("a ++ b == a\na := b == b\na (+) b == a\nX == 1 ++ 2 /\\ (3 := 4) /\\ 5 (+) 6");
    assertEquals(List.of("++", ":=", "\\oplus"),
        m.units(Unit.OpDef.class).stream().limit(3).map(Unit.OpDef::name).toList());
    assertEquals("((1 ++ 2) /\\ (3 := 4)) /\\ (5 \\oplus 6)", Parsing.grouped("1 ++ 2 /\\ (3 := 4) /\\ 5 (+) 6"));
  }

  @Test
  void infixOperatorsAppliedInPrefixForm() throws ParseException {
    Expr.OpApp plus = assertInstanceOf(Expr.OpApp.class, expr("+(4, 6)"));
    assertEquals("+", plus.name());
    assertEquals(Fixity.INFIX, plus.fixity());
    assertEquals(2, plus.args().size());
    Expr.OpApp concat = assertInstanceOf(Expr.OpApp.class, expr("\\o(<<1>>, <<2>>)"));
    assertEquals("\\o", concat.name());
    Expr.OpApp neg = assertInstanceOf(Expr.OpApp.class, expr("-(4)"));
    assertEquals("-.", neg.name());
  }

  @Test
  void operatorsOfParameterisedInstances() throws ParseException {
    Expr.OpApp a = assertInstanceOf(Expr.OpApp.class, expr("M(10)!$$(2, 3)"));
    assertEquals("$$", a.name());
    assertEquals(Fixity.INFIX, a.fixity());
    assertEquals("M", a.path().get(0).name());
    assertEquals(1, a.path().get(0).args().size());
    assertEquals(2, a.args().size());
    Expr.OpApp infix = assertInstanceOf(Expr.OpApp.class, expr("a M!+ b"));
    assertEquals("+", infix.name());
    assertEquals(List.of("M"), infix.path().stream().map(Expr.InstanceStep::name).toList());
  }

  @Test
  void subexpressionNamesKeepTheirSelectors() throws ParseException {
    for (String sel : List.of("1", ":", "<<", ">>", "@", "lbl")) {
      Expr.OpApp a = assertInstanceOf(Expr.OpApp.class, expr("Op!" + sel));
      assertEquals(sel, a.name(), sel);
      assertEquals("Op", a.path().get(0).name());
    }
    Expr.OpApp nested = assertInstanceOf(Expr.OpApp.class, expr("Scale(5)!2!1"));
    assertEquals(List.of("Scale", "2"), nested.path().stream().map(Expr.InstanceStep::name).toList());
    assertEquals("1", nested.name());
    // a selector does not end the bulleted list it is written in
    Expr.Junction j = junction(expr("\n   /\\ Op!>>\n   /\\ Op!:\n   /\\ Op!<<"));
    assertEquals(3, j.items().size());
  }

  @Test
  void selectorsNameOperandsByPositionAndLabel() throws ParseException {
    Expr body = expr("\n   /\\ x = 1\n   /\\ lbl:: y + z > 2\n   /\\ IF a THEN b ELSE c");
    assertEquals("x = 1", AstPrinter.print(Selectors.select(body, "1")));
    assertEquals("(y + z) > 2", AstPrinter.print(Selectors.select(body, "lbl")));
    assertEquals("y + z", AstPrinter.print(Selectors.select(body, List.of("2", "<<"))));
    assertEquals("z", AstPrinter.print(Selectors.select(body, List.of("lbl", "1", ">>"))));
    assertEquals("b", AstPrinter.print(Selectors.select(body, List.of("3", "2"))));
    assertEquals(body, Selectors.select(body, ":"));
    assertNull(Selectors.select(body, "4"));
    assertNull(Selectors.select(body, "nolabel"));
    Expr q = expr("\\A n \\in S : n > 0");
    assertEquals("S", AstPrinter.print(Selectors.select(q, "1")));
    // the body uses the bound name: it has no meaning apart from its binder
    assertNull(Selectors.select(q, "@"));
    assertEquals("T > 0", AstPrinter.print(Selectors.select(expr("\\A n \\in S : T > 0"), "@")));
  }

  @Test
  void labelsInsideOtherLabelsAreReachedThroughThem() throws ParseException {
    Expr body = expr("outer:: 1 + (inner:: 2 * 3)");
    assertNull(Selectors.select(body, "inner"));
    assertEquals("2 * 3", AstPrinter.print(Selectors.select(body, List.of("outer", "inner"))));
  }
}
