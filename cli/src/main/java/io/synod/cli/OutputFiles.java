package io.synod.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Output files of every command: checked before any work starts (a bad {@code --json} path
 * found after an hour of search would cost the hour and the verdict's exit code), and one
 * wording and one exit code, {@link #WRITE_ERROR}, when writing fails anyway.
 */
final class OutputFiles {
  /** TLC's "system error": the run could not do its I/O. The same in every command. */
  static final int WRITE_ERROR = ExitCodes.of(io.synod.checker.engine.Verdict.SYSTEM_ERROR);

  private OutputFiles() {}

  /**
   * Fails now, with the reason, if {@code file} cannot be written later: its folder is missing
   * or not a folder, it is itself a folder, or it (or its folder) is read-only.
   *
   * @param option the flag that named it, for the message
   */
  static void checkWritable(String option, Path file) {
    checkWritable(option, file, false);
  }

  /**
   * As {@link #checkWritable(String, Path)}, for a writer that creates missing folders first
   * ({@code createsFolders}): then the nearest existing folder above must be writable.
   */
  static void checkWritable(String option, Path file, boolean createsFolders) {
    if (file == null) {
      return;
    }
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    while (createsFolders && dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    String reason = null;
    if (Files.isDirectory(abs)) {
      reason = "is a directory";
    } else if (dir != null && !Files.exists(dir)) {
      reason = "no such directory " + dir;
    } else if (dir != null && !Files.isDirectory(dir)) {
      reason = dir + " is not a directory";
    } else if (Files.exists(abs) ? !Files.isWritable(abs) : dir != null && !Files.isWritable(dir)) {
      reason = "permission denied";
    }
    if (reason != null) {
      throw new UserError(option + ": cannot write " + file + ": " + reason, WRITE_ERROR);
    }
  }

  /** The error for a write that failed, keeping what the operating system said. */
  static UserError cannotWrite(Path file, IOException e) {
    return new UserError("cannot write " + file + ": " + reason(e), WRITE_ERROR);
  }

  /**
   * What went wrong in words: Java's file exceptions carry the path as their message and the
   * system's reason (errno text) separately, or only in their type.
   */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return lower(fse.getReason());
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file exists";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
