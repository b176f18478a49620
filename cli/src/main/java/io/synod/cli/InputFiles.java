package io.synod.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Input files named on the command line: one wording for why one cannot be read. */
final class InputFiles {
  private InputFiles() {}

  /**
   * Fails with {@code exitCode} unless {@code file} is a readable regular file.
   *
   * @param what what the file is for, e.g. "spec file"
   */
  static void requireFile(Path file, String what, int exitCode) {
    String reason = null;
    if (Files.isDirectory(file)) {
      reason = "it is a directory";
    } else if (!Files.exists(file)) {
      reason = "no such file";
    } else if (!Files.isRegularFile(file)) {
      reason = "not a regular file";
    } else if (!Files.isReadable(file)) {
      reason = "permission denied";
    }
    if (reason != null) {
      throw new UserError("cannot read " + what + " " + file + ": " + reason, exitCode);
    }
  }
}
