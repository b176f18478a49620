package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
