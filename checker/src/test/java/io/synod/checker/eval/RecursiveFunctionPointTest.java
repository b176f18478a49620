package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * A recursive function whose value is a function, reading another point of its own value:
 * {@code t[n \in 0..3] == [m \in 0..3 |-> IF m = 0 THEN n ELSE t[n][m-1] + 1]}. TLC's value of
 * {@code t[n]} is lazy, so {@code t[n][m-1]} evaluates one point; Synod built {@code t[n]} whole
 * while building it and overflowed the stack (TLC's suite test45).
 */
class RecursiveFunctionPointTest {
  @Test
  void aPointOfTheFunctionBeingDefinedIsRead() {
    String defs = "t[n \\in 0..3] == [m \\in 0..3 |-> IF m = 0 THEN n ELSE t[n][m - 1] + 1]\n"
        + "u[a, b \\in 0..2] == [k \\in 0..2 |-> IF k = 0 THEN a + b ELSE u[a, b][k - 1] * 2]\n";
    assertEquals("<<5, (0 :> 2 @@ 1 :> 3 @@ 2 :> 4 @@ 3 :> 5), 12>>",
        Eval.eval(defs, "<<t[2][3], t[2], u[1, 2][2]>>", new ArrayList<>()).toString());
  }

  @Test
  void aLetDefinitionToo() {
    assertEquals("7", Eval.show(
        "LET w[n \\in 1..2] == [m \\in 1..4 |-> IF m = 1 THEN n ELSE w[n][m - 1] + 2] IN w[1][4]"));
  }
}
