package io.synod.checker.syntax;

import static io.synod.checker.syntax.Parsing.failure;
import static io.synod.checker.syntax.Parsing.grouped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrecedenceTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      -7 \\div 2          | -(7 \\div 2)
      -7 % 2              | (-7) % 2
      -2^2                | -(2 ^ 2)
      1 + 2 * 3           | 1 + (2 * 3)
      1 * 2 + 3           | (1 * 2) + 3
      1 - 2 - 3           | (1 - 2) - 3
      1 + 2 + 3           | (1 + 2) + 3
      a - b + c           | (a - b) + c
      a /\\ b /\\ c       | (a /\\ b) /\\ c
      a => b /\\ c        | a => (b /\\ c)
      ~a = b              | ~(a = b)
      x' = ~x             | (x') = (~x)
      x \\in S \\cup T     | x \\in (S \\cup T)
      a = b => c          | (a = b) => c
      1..n+1              | 1 .. (n + 1)
      [][A]_v /\\ WF_v(A)  | ([][A]_v) /\\ WF_v(A)
      <>P ~> []Q          | (<>P) ~> ([]Q)
      ENABLED A /\\ B      | (ENABLED A) /\\ B
      UNCHANGED x /\\ y    | (UNCHANGED x) /\\ y
      SUBSET S = T        | (SUBSET S) = T
      DOMAIN f \\cup S     | (DOMAIN f) \\cup S
      SUBSET S \\cup T     | (SUBSET S) \\cup T
      A \\cup UNION B \\cup C | (A \\cup (UNION B)) \\cup C
      S \\cup SUBSET T     | S \\cup (SUBSET T)
      x + DOMAIN f        | x + (DOMAIN f)
      UNION B \\ C         | (UNION B) \\ C
      a ++ b ++ c         | (a ++ b) ++ c
      a := b \\/ c         | (a := b) \\/ c
      a \\o b \\o c         | (a \\o b) \\o c
      f[x]' + r.a.b       | (f[x]') + r.a.b
      a \\X b \\X c         | a \\X b \\X c
      (a \\X b) \\X c       | (a \\X b) \\X c
      1 :> 2 @@ 3 :> 4    | (1 :> 2) @@ (3 :> 4)
      A \\cdot B           | A \\cdot B
      a # b               | a /= b
      a =< b              | a <= b
      a \\geq b            | a >= b
      \\lnot a \\land b     | (~a) /\\ b
      a \\lor b            | a \\/ b
      s \\circ t           | s \\o t
      a (+) b             | a \\oplus b
      a \\equiv b          | a <=> b
      x^+                 | x^+
      """)
  void groupsByTlaPrecedence(String input, String expected) throws ParseException {
    assertEquals(expected, grouped(input));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      x + y % 3           | '+' and '%'
      7 \\div -2          | '\\div' and '-'
      a /\\ b \\/ c        | '/\\' and '\\/'
      a = b = c           | '=' and '='
      a => b => c         | '=>' and '=>'
      a \\cup b \\cap c     | '\\cup' and '\\cap'
      a ^ b ^ c           | '^' and '^'
      SUBSET S \\X T       | 'SUBSET' and '\\X'
      DOMAIN f + 1        | 'DOMAIN' and '+'
      a * -b              | '*' and '-'
      """)
  void conflictsAreErrors(String input, String ops) {
    ParseException e = failure("X == " + input);
    String message = e.diagnostics().get(0).message();
    assertTrue(message.startsWith("precedence conflict between " + ops), message);
    assertEquals(2, e.diagnostics().get(0).line());
  }

  @Test
  void conflictNamesTheSecondOperatorsPosition() {
    Diagnostic d = failure("X == x + y % 3").diagnostics().get(0);
    assertEquals("T.tla", d.file());
    assertEquals(12, d.column());
  }
}
