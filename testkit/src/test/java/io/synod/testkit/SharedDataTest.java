package io.synod.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SharedDataTest {
  private static final String MISSING = "no-such-shared-folder/of-this-test";

  @AfterEach
  void clear() {
    System.clearProperty("synod.requireShared");
  }

  @Test
  void aMissingFolderIsAbsentWhenSharedDataIsOptional() {
    Assumptions.assumeTrue(System.getenv(SharedData.REQUIRE) == null, SharedData.REQUIRE + " is set here");
    assertEquals(Optional.empty(), SharedData.locate(MISSING));
  }

  @Test
  void aMissingFolderFailsNamingItWhenSharedDataIsRequired() {
    System.setProperty("synod.requireShared", "true");
    AssertionError e = assertThrows(AssertionError.class, () -> SharedData.locate(MISSING));
    assertTrue(e.getMessage().startsWith("../shared/" + MISSING + " is missing: "), e.getMessage());
    assertTrue(e.getMessage().contains(SharedData.REQUIRE), e.getMessage());
  }

  @Test
  void aFolderIsFoundInAnAncestorOfTheWorkingDirectory() {
    Optional<Path> specs = SharedData.tlcSpecs();
    Assumptions.assumeTrue(specs.isPresent(), "../shared/tlc-fixtures not found: skipped");
    assertTrue(Files.isDirectory(specs.get()));
    assertTrue(specs.get().endsWith(Path.of("shared", "tlc-fixtures", "specs")), specs.get().toString());
    assertTrue(Path.of("").toAbsolutePath().startsWith(specs.get().getParent().getParent().getParent()),
        specs.get() + " is not beside an ancestor of the working directory");
  }
}
