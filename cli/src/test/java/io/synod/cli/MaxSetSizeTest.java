package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLC's -maxSetSize N: accepted and checked as TLC checks it; Synod has no such bound. */
class MaxSetSizeTest {
  @TempDir Path dir;

  private Path spec() throws IOException {
    Path spec = dir.resolve("Subsets.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Subsets ----",
        "EXTENDS Naturals, FiniteSets",
        "VARIABLE s",
        "Init == s \\in SUBSET (1..4)",
        "Next == UNCHANGED s",
        "===="));
    Files.writeString(dir.resolve("Subsets.cfg"), "INIT Init\nNEXT Next\n");
    return spec;
  }

  @Test
  void aValidBoundIsAcceptedAndChangesNothing() throws IOException {
    Path spec = spec();
    CliTestSupport.Result r = CliTestSupport.run("check", "-maxSetSize", "2", spec.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("16 distinct states found"), r.out());
  }

  @Test
  void aBoundBelowOneOrNotANumberIsAUsageError() throws IOException {
    Path spec = spec();
    for (String bad : new String[] {"0", "-3", "NaN", "3000000000"}) {
      CliTestSupport.Result r = CliTestSupport.run("check", "-maxSetSize", bad, spec.toString());
      assertEquals(2, r.code(), bad + ": " + r.out() + r.err());
      assertTrue(r.err().contains("-maxSetSize"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
  }
}
