package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLC's -view: counterexample states printed through a VIEW that lists variables. */
class ViewFlagTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = dir.resolve("Lamps.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Lamps ----",
        "EXTENDS Naturals",
        "VARIABLES on, clicks, hidden",
        "Seen == <<clicks, on>>",
        "Count == clicks + 1",
        "Init == on = FALSE /\\ clicks = 0 /\\ hidden = \"x\"",
        "Next == clicks < 5 /\\ on' = ~on /\\ clicks' = clicks + 1 /\\ UNCHANGED hidden",
        "Few == clicks < 2",
        "===="));
    Files.writeString(dir.resolve("Tuple.cfg"), "INIT Init\nNEXT Next\nINVARIANT Few\nVIEW Seen\n");
    Files.writeString(dir.resolve("Expr.cfg"), "INIT Init\nNEXT Next\nINVARIANT Few\nVIEW Count\n");
  }

  private CliTestSupport.Result check(String cfg, boolean view) {
    return view
        ? CliTestSupport.run("check", "-view", "-config", dir.resolve(cfg).toString(), spec.toString())
        : CliTestSupport.run("check", "-config", dir.resolve(cfg).toString(), spec.toString());
  }

  @Test
  void aViewOfVariablesPrintsOnlyThoseInItsOrder() {
    CliTestSupport.Result r = check("Tuple.cfg", true);
    assertEquals(12, r.code(), r.out());
    assertTrue(r.out().contains("State 3: <Next line 7, col 9 to line 7, col 75 of module Lamps>\n"
        + "/\\ clicks = 2\n/\\ on = FALSE\n"), r.out());
    assertFalse(r.out().contains("hidden ="), r.out());
  }

  @Test
  void withoutTheFlagOrWithAnotherViewStatesArePrintedWhole() {
    for (CliTestSupport.Result r : new CliTestSupport.Result[] {check("Tuple.cfg", false), check("Expr.cfg", true)}) {
      assertEquals(12, r.code(), r.out());
      assertTrue(r.out().contains("/\\ hidden = \"x\""), r.out());
    }
  }
}
