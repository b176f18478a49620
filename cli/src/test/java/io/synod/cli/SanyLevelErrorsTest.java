package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level errors as TLC reports them (SANY's semantic errors, exit code 150, no model checking):
 * the rules of TLC's regression tests 215 (raw actions in temporal formulas) and 217 (the level
 * of an argument of an instantiated definition), on specs of our own.
 */
class SanyLevelErrorsTest {
  @TempDir
  Path dir;

  private CliTestSupport.Result check(String name, String... lines) throws IOException {
    Path spec = dir.resolve(name + ".tla");
    Files.writeString(spec, String.join("\n", lines) + "\n");
    Files.writeString(dir.resolve(name + ".cfg"), "INIT Init\nNEXT Next\n");
    return CliTestSupport.run("check", spec.toString());
  }

  private static String error(String where, String message) {
    return where + "\n\n" + message + "\n\n\n";
  }

  @Test
  void rawActionsInTemporalFormulas() throws IOException {
    CliTestSupport.Result r = check("Raw",
        "---- MODULE Raw ----",
        "VARIABLE v",
        "Init == v = 0",
        "Next == v' = v",
        "Ok1 == v ~> []v",
        "Bad1 == v' ~> []v",
        "Bad2 == <>v -+-> v'",
        "Ok2 == <><<v'>>_v",
        "Bad3 == <>(v')",
        "Ok3 == [][v']_v",
        "Bad4 == [](v' = v)",
        "Ok4 == \\E i \\in {}, j \\in {v} : []v",
        "Bad5 == \\A i \\in {}, j \\in {v'} : []v",
        "Bad6 == Next /\\ []v",
        "====");
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Semantic errors:\n\n*** Errors: 6\n\n"
        + error("line 6, col 9 to line 6, col 17 of module Raw",
            "Action used where only temporal formula or state predicate allowed.")
        + error("line 7, col 9 to line 7, col 19 of module Raw",
            "Action used where only temporal formula or state predicate allowed.")
        + error("line 9, col 9 to line 9, col 14 of module Raw", "<> followed by action not of form <<A>>_v.")
        + error("line 11, col 9 to line 11, col 18 of module Raw", "[] followed by action not of form [A]_v.")
        + error("line 13, col 28 to line 13, col 31 of module Raw", "Action-level bound of quantified temporal formula.")
        + error("line 14, col 9 to line 14, col 19 of module Raw",
            "\\land has both temporal formula and action as arguments.")), r.out());
    assertFalse(r.out().contains("Exception"), r.out());
  }

  @Test
  void theArgumentOfAParameterizedInstanceIsLevelChecked() throws IOException {
    Files.writeString(dir.resolve("Inner.tla"), String.join("\n",
        "---- MODULE Inner ----", "VARIABLE w", "Moves == w' # w", "====") + "\n");
    CliTestSupport.Result r = check("Outer",
        "---- MODULE Outer ----",
        "VARIABLE v",
        "In(p) == INSTANCE Inner WITH w <- p",
        "Init == v = 0",
        "Next == In(v)!Moves",
        "Twice == In(v')!Moves",
        "====");
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Semantic errors:\n\n*** Errors: 1\n\n"
        + error("line 6, col 10 to line 6, col 21 of module Outer",
            "Level error in applying operator In!Moves:\n"
            + "The level of argument 1 exceeds the maximum level allowed by the operator.")), r.out());
  }
}
