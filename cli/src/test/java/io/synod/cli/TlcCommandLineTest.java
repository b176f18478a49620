package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.testkit.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC's command lines as scripts write them run unchanged: the flags with which the reference
 * fixtures were recorded ({@code -workers 1 -metadir D -cleanup -noGenerateSpecTE -config X.cfg
 * X.tla}) give TLC's verdict.
 */
class TlcCommandLineTest {
  @TempDir Path tmp;

  private static Path fixture(String dir) {
    return SharedData.tlcSpecs().map(f -> f.resolve(dir)).orElse(null);
  }

  @Test
  void theFixturesCommandLineGivesTlcsVerdict() {
    Path dir = fixture("24_deadlock_vending");
    Assumptions.assumeTrue(dir != null, "shared/tlc-fixtures not found");
    List<String> args = new ArrayList<>(List.of("check", "-workers", "1", "-metadir", tmp.toString(),
        "-cleanup", "-noGenerateSpecTE", "-modelcheck", "-config", dir.resolve("Vending.cfg").toString(),
        dir.resolve("Vending.tla").toString()));
    CliTestSupport.Result r = CliTestSupport.run(args.toArray(new String[0]));
    assertEquals(11, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Deadlock reached."), r.out());
  }

  @Test
  void modelcheckWithSimulateIsAUsageError() {
    Path dir = fixture("24_deadlock_vending");
    Assumptions.assumeTrue(dir != null, "shared/tlc-fixtures not found");
    CliTestSupport.Result r = CliTestSupport.run("check", "-modelcheck", "-simulate",
        dir.resolve("Vending.tla").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("-modelcheck and -simulate"), r.err());
  }
}
