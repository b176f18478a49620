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
 * TLC's fingerprint-set tuning flags ({@code -fpmem}, {@code -fpbits}), which TLC scripts and
 * IDEs pass: accepted with TLC's checks of their values, the check's result unchanged.
 */
class FingerprintSetFlagsTest {
  @TempDir Path dir;

  private Path spec() throws IOException {
    Path spec = dir.resolve("Ring.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Ring ----",
        "EXTENDS Naturals",
        "VARIABLE n",
        "Init == n \\in 0..2",
        "Next == n' = (n + 1) % 7",
        "===="));
    Files.writeString(dir.resolve("Ring.cfg"), "INIT Init\nNEXT Next\n");
    return spec;
  }

  @Test
  void validValuesAreAcceptedAndChangeNothing() throws IOException {
    Path spec = spec();
    CliTestSupport.Result plain = CliTestSupport.run("check", spec.toString());
    assertEquals(0, plain.code(), plain.out() + plain.err());
    for (String[] flags : new String[][] {{"-fpmem", "0.25"}, {"-fpmem", "512"}, {"-fpbits", "0"},
        {"-fpbits", "30"}, {"-fpmem", "1", "-fpbits", "4"}}) {
      String[] args = new String[flags.length + 2];
      args[0] = "check";
      System.arraycopy(flags, 0, args, 1, flags.length);
      args[args.length - 1] = spec.toString();
      CliTestSupport.Result r = CliTestSupport.run(args);
      assertEquals(0, r.code(), String.join(" ", flags) + ": " + r.out() + r.err());
      assertTrue(r.out().contains("10 states generated, 7 distinct states found, 0 states left on queue."),
          r.out());
    }
  }

  @Test
  void valuesTlcRefusesAreUsageErrors() throws IOException {
    Path spec = spec();
    String[][] bad = {{"-fpmem", "-1"}, {"-fpmem", "lots"}, {"-fpmem", "NaN"}, {"-fpbits", "31"},
        {"-fpbits", "-1"}, {"-fpbits", "2.5"}};
    for (String[] b : bad) {
      CliTestSupport.Result r = CliTestSupport.run("check", b[0], b[1], spec.toString());
      assertEquals(2, r.code(), String.join(" ", b) + ": " + r.out() + r.err());
      assertTrue(r.err().contains(b[0] + ":"), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }
}
