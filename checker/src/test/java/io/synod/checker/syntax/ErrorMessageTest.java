package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the first diagnostic for common mistakes (golden messages). */
class ErrorMessageTest {

  private static String firstError(String text) {
    try {
      TlaParser.parseModule(text.replace("\\n", "\n"), "M.tla");
    } catch (ParseException e) {
      return e.diagnostics().get(0).toString();
    }
    return "no error";
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ---- MODULE M ----\\nNext == IF x < 3 x' = 1 ELSE x' = 0\\n==== | `M.tla:2:18: expected 'THEN', found 'x' (in IF/THEN/ELSE starting at line 2, col 9)`
      ---- MODULE M ----\\nInit == (x = 1\\nNext == x' = 2\\n====     | `M.tla:3:1: expected ')', found 'Next' (in definition starting at line 2, col 1)`
      ---- MODULE M ----\\nInit = x = 0\\n====                        | `M.tla:2:10: expected '==', found '=' (a definition is written 'Name == expression') (in definition starting at line 2, col 1)`
      ---- MODULE M ----\\nInit == x == 0\\n====                      | `M.tla:2:11: unexpected '==' (equality is written '='; '==' starts a definition)`
      ---- MODULE M ----\\nInit == x = 0\\n                           | `M.tla:3:1: unexpected end of file; expected '====' (end of module)`
      ---- MODULE M ----\\nInit == x + y % 3\\n====                   | `M.tla:2:15: precedence conflict between '+' and '%' (add parentheses)`
      ---- MODULE M ----\\nInit == LET a == 1 a\\n====                | `M.tla:3:1: expected IN to end the LET at line 2, col 9, found '===='`
      ---- MODULE M ----\\nInit == [x EXCEPT !.a 1]\\n====            | `M.tla:2:23: unexpected '1'; expected '=', '[' or '.' (in EXCEPT starting at line 2, col 9)`
      ---- MODULE M ----\\nInit == {1, 2\\n====                       | `M.tla:3:1: unexpected '===='; expected '}' or ',' (in definition starting at line 2, col 1)`
      ---- MODULE M ----\\nInit == "abc\\n====                        | `M.tla:2:9: string is not terminated before the end of the line`
      ---- MODULE M ----\\nInit == 1 (* open\\n====                   | `M.tla:2:11: comment '(*' is not terminated`
      ---- MODULE M ----\\nInit == x ? 1\\n====                       | `M.tla:2:11: unexpected character '?'`
      just some text                                                | `M.tla:1:1: no module found: expected a line like '---- MODULE Name ----'`
      ---- MODULE M ----\\nVARIABLE\\n====                            | `M.tla:3:1: expected an identifier, found '===='`
      ---- MODULE M ----\\nA == LET a == 1 IN (a +\\nB == 2\\n====   | `M.tla:3:3: unexpected '==' (equality is written '='; '==' starts a definition) (in LET/IN starting at line 2, col 6)`
      ---- MODULE M ----\\nX == 1.5\\n====                            | `M.tla:2:6: decimal number '1.5' is not supported (only natural numbers)`
      ---- MODULE M ----\\nInit == \\A x \\in S x > 1\\n====            | `M.tla:2:20: expected ',' or ':', found 'x' (in quantifier starting at line 2, col 9)`
      """)
  void goldenMessages(String text, String expected) {
    assertEquals(expected, firstError(text));
  }
}
