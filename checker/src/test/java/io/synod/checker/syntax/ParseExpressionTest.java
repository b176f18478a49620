package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Span;
import org.junit.jupiter.api.Test;

class ParseExpressionTest {

  @Test
  void loneExpressionKeepsItsOwnPositions() throws ParseException {
    Expr e = TlaParser.parseExpression("{1, 2} \\cup {x}", "map");
    assertEquals("{1, 2} \\cup {x}", AstPrinter.print(e));
    assertEquals(new Span("map", "map", 1, 1, 1, 15), e.span());
  }

  @Test
  void junctionListsByColumn() throws ParseException {
    Expr.Junction j = assertInstanceOf(Expr.Junction.class,
        TlaParser.parseExpression("/\\ a = 1\n/\\ b = 2\n/\\ c", "map"));
    assertEquals(3, j.items().size());
    assertEquals(3, j.items().get(2).span().beginLine());
  }

  @Test
  void errorsPointIntoTheExpression() {
    ParseException e = assertThrows(ParseException.class,
        () -> TlaParser.parseExpression("IF x THEN 1", "map"));
    assertEquals("map:1:12: expected 'ELSE', found 'end of expression'"
        + " (in IF/THEN/ELSE starting at line 1, col 1)",
        e.diagnostics().get(0).toString());
    ParseException two = assertThrows(ParseException.class,
        () -> TlaParser.parseExpression("x ? 1", "map"));
    assertEquals("map:1:3: unexpected character '?'", two.diagnostics().get(0).toString());
  }
}
