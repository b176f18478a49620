package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The structured detail of a syntax error: the tokens around it and SANY's construct stack. */
class SyntaxDetailTest {

  private static Diagnostic first(String text) {
    ParseException e = assertThrows(ParseException.class, () -> TlaParser.parseModule(text, "M.tla"));
    return e.diagnostics().get(0);
  }

  @Test
  void missingThenNamesTokensAndEnclosingConstructs() {
    Diagnostic d = first("""
        ---- MODULE M ----
        EXTENDS Naturals
        VARIABLE x
        Next == IF x < 3 x' = x + 1 ELSE x' = 0
        ====
        """);
    assertEquals("M.tla:4:18: expected 'THEN', found 'x' (in IF/THEN/ELSE starting at line 4, col 9)",
        d.toString());
    assertEquals("x", d.detail().token());
    assertEquals("3", d.detail().previousToken());
    assertEquals(List.of(
        new Diagnostic.Construct("IF THEN ELSE", 4, 9),
        new Diagnostic.Construct("Expression", 4, 9),
        new Diagnostic.Construct("Definition", 4, 1),
        new Diagnostic.Construct("Module body", 3, 1),
        new Diagnostic.Construct("Module definition", 1, 1)), d.detail().constructs());
  }

  @Test
  void nestedConstructsAreEachOnTheStack() {
    Diagnostic d = first("""
        ---- MODULE M ----
        F == IF TRUE THEN IF FALSE THEN 1 2 ELSE 3
        ====
        """);
    assertEquals("2", d.detail().token());
    assertEquals("1", d.detail().previousToken());
    assertEquals(List.of(
        new Diagnostic.Construct("IF THEN ELSE", 2, 19),
        new Diagnostic.Construct("Expression", 2, 19),
        new Diagnostic.Construct("IF THEN ELSE", 2, 6),
        new Diagnostic.Construct("Expression", 2, 6),
        new Diagnostic.Construct("Definition", 2, 1),
        new Diagnostic.Construct("Module body", 2, 1),
        new Diagnostic.Construct("Module definition", 1, 1)), d.detail().constructs());
  }
}
