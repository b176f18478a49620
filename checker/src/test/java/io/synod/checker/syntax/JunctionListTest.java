package io.synod.checker.syntax;

import static io.synod.checker.syntax.Parsing.expr;
import static io.synod.checker.syntax.Parsing.failure;
import static io.synod.checker.syntax.Parsing.grouped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.synod.checker.syntax.ast.Expr;
import org.junit.jupiter.api.Test;

class JunctionListTest {

  private static Expr.Junction junction(String text) throws ParseException {
    return assertInstanceOf(Expr.Junction.class, expr(text));
  }

  @Test
  void itemsAlignedByColumn() throws ParseException {
    Expr.Junction j = junction("""
        /\\ a
             /\\ b
             /\\ c""");
    assertEquals(Expr.JunctionKind.AND, j.kind());
    assertEquals(3, j.items().size());
  }

  @Test
  void nestedListsCloseWhenATokenIsLeftOfTheirColumn() throws ParseException {
    Expr.Junction j = junction("""
        \\/ /\\ a
                /\\ b
             \\/ c
             \\/ /\\ d
                /\\ \\/ e
                   \\/ f
                /\\ g""");
    assertEquals(3, j.items().size());
    Expr.Junction first = assertInstanceOf(Expr.Junction.class, j.items().get(0));
    assertEquals(Expr.JunctionKind.AND, first.kind());
    assertEquals(2, first.items().size());
    Expr.Junction third = assertInstanceOf(Expr.Junction.class, j.items().get(2));
    assertEquals(3, third.items().size());
    assertInstanceOf(Expr.Junction.class, third.items().get(1));
  }

  @Test
  void bulletOnTheSameLineIsInfix() throws ParseException {
    Expr.Junction j = junction("""
        /\\ a /\\ b
             /\\ c""");
    assertEquals(2, j.items().size());
    assertEquals("a /\\ b", AstPrinter.print(j.items().get(0)));
  }

  @Test
  void parenthesesAndKeywordsCloseLists() throws ParseException {
    // on one line the second bullet is an infix conjunction inside the single item
    assertEquals("(/\\ a /\\ b) \\/ c", grouped("(/\\ a /\\ b) \\/ c"));
    assertEquals("(/\\ a\n /\\ b) \\/ c", grouped("(/\\ a\n      /\\ b) \\/ c"));
    // a bullet left of the list's column ends it: here it is an infix /\ again
    assertEquals("((/\\ a) /\\ b) \\/ c", grouped("(/\\ a\n     /\\ b) \\/ c"));
    Expr.If ife = assertInstanceOf(Expr.If.class, expr("IF /\\ a /\\ b THEN \\/ c ELSE d"));
    assertInstanceOf(Expr.Junction.class, ife.condition());
    Expr.Tuple t = assertInstanceOf(Expr.Tuple.class, expr("<< /\\ a, b >>"));
    assertEquals(2, t.elements().size());
    Expr.Let let = assertInstanceOf(Expr.Let.class, expr("LET y == /\\ a IN y"));
    assertEquals(1, let.definitions().size());
  }

  @Test
  void commentsBetweenItemsAreIgnored() throws ParseException {
    Expr.Junction j = junction("""
        /\\ a   \\* first
             (* a comment
                spanning lines *)
             /\\ b (* (* nested *) *)
             \\* another
             /\\ c""");
    assertEquals(3, j.items().size());
  }

  @Test
  void quantifierBodyInsideAnItem() throws ParseException {
    Expr.Junction j = junction("""
        /\\ \\A x \\in S : x > 0
             /\\ \\E y \\in S, z \\in T : y = z
             /\\ c""");
    assertEquals(3, j.items().size());
  }

  @Test
  void caseArmEndsList() throws ParseException {
    Expr.Case c = assertInstanceOf(Expr.Case.class, expr("""
        CASE x = 1 -> /\\ a
                           /\\ b
               [] OTHER -> c"""));
    assertEquals(1, c.arms().size());
    assertInstanceOf(Expr.Junction.class, c.arms().get(0).value());
  }

  @Test
  void orderOfItemsIsKept() throws ParseException {
    Expr.Junction j = junction("""
        \\/ x = 3
             \\/ x = 1
             \\/ x = 2""");
    assertEquals("x = 3", AstPrinter.print(j.items().get(0)));
    assertEquals("x = 2", AstPrinter.print(j.items().get(2)));
  }

  @Test
  void tokenLeftOfColumnInsideBracketIsAnError() {
    ParseException e = failure("""
        X == /\\ f(a,
        b)
             /\\ c""");
    assertEquals(2, e.diagnostics().get(0).line());
  }
}
