package io.synod.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared test data that lives beside the repository ({@code ../shared}: the TLC
 * reference fixtures and the Knossos histories), the one place every test module looks for it.
 *
 * <p>A developer's checkout may lack it, and the tests that need it are then skipped. CI must
 * not pass on such a checkout: when the environment variable {@value #REQUIRE} (set by
 * {@code .ci/run}) or the system property {@code synod.requireShared} is {@code true} or
 * {@code 1}, a missing folder fails the test that asked for it, naming the folder.
 */
public final class SharedData {
  /** The switch that turns missing shared data from a skip into a failure. */
  public static final String REQUIRE = "SYNOD_REQUIRE_SHARED";

  private SharedData() {}

  /** {@code shared/tlc-fixtures}: the manifest, its README and {@code specs/}. */
  public static Optional<Path> tlcFixtures() {
    return locate("tlc-fixtures");
  }

  /** {@code shared/tlc-fixtures/specs}: one folder per fixture, with TLC's recorded output. */
  public static Optional<Path> tlcSpecs() {
    return locate("tlc-fixtures/specs");
  }

  /** {@code shared/histories/knossos}: Knossos's histories with their expected verdicts. */
  public static Optional<Path> knossosHistories() {
    return locate("histories/knossos");
  }

  /**
   * The folder {@code shared/<relative>} in the working directory or the nearest folder above it
   * that has one (a worktree may sit deeper than the repository's own checkout); empty when there
   * is none, unless shared data is required, in which case this fails.
   *
   * @throws AssertionError when the folder is missing and {@link #required()}
   */
  public static Optional<Path> locate(String relative) {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    if (required()) {
      throw new AssertionError("../shared/" + relative + " is missing: no folder shared/" + relative
          + " in " + start + " or any folder above it. " + REQUIRE + " is set (as .ci/run does), so"
          + " the tests that need it fail instead of being skipped; put the shared test data beside"
          + " the repository.");
    }
    return Optional.empty();
  }

  /** Whether missing shared data fails the run (CI) rather than skipping the tests that need it. */
  public static boolean required() {
    return isOn(System.getenv(REQUIRE)) || isOn(System.getProperty("synod.requireShared"));
  }

  private static boolean isOn(String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }
}
