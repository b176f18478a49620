package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SynodCliTest {
  @Test
  void versionNamesTheTool() {
    var r = CliTestSupport.run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("synod "), r.out());
  }

  @Test
  void helpListsUsage() {
    var r = CliTestSupport.run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage: synod"), r.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    var r = CliTestSupport.run("--no-such-flag");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown option"), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  /**
   * Picocli formats option descriptions as format strings: a lone '%' makes it warn on the
   * process's standard error (not the command's writers) each time the help is rendered.
   */
  @Test
  void checkHelpRendersWithoutFormatWarnings() {
    PrintStream saved = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    CliTestSupport.Result r;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      r = CliTestSupport.run("check", "--help");
    } finally {
      System.setErr(saved);
    }
    String warnings = stderr.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("picocli WARN"), warnings);
    assertTrue(r.out().replaceAll("\\s+", " ").contains("more than 10% and such checks took at most 20% of the time"),
        r.out());
  }
}
