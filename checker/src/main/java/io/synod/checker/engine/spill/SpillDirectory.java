package io.synod.checker.engine.spill;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The directory of one check's spill files, made fresh under the meta directory and removed with
 * everything in it by {@link #close} however the check ends; a shutdown hook also removes it if
 * the JVM exits first (e.g. Ctrl-C).
 */
public final class SpillDirectory implements AutoCloseable {
  private final Path dir;
  private final AtomicLong written = new AtomicLong();
  private final List<SpillFile> files = new ArrayList<>();
  private final Thread hook;
  private boolean closed;

  private SpillDirectory(Path dir) {
    this.dir = dir;
    // close(), not just a delete: workers still run during shutdown and must not make new files.
    this.hook = new Thread(this::close, "synod-spill-cleanup");
  }

  /** Creates a fresh directory under {@code metaDir} (null: the system temp dir). */
  public static SpillDirectory create(Path metaDir) {
    Path parent = metaDir != null ? metaDir : Path.of(System.getProperty("java.io.tmpdir"));
    Path d;
    try {
      Files.createDirectories(parent);
      d = Files.createTempDirectory(parent, "synod-check-");
    } catch (IOException e) {
      throw failure("create a spill directory in", parent, e);
    }
    SpillDirectory s = new SpillDirectory(d);
    try {
      Runtime.getRuntime().addShutdownHook(s.hook);
    } catch (IllegalStateException e) {
      // Already shutting down: close() still cleans up.
    }
    return s;
  }

  static SpillException failure(String verb, Path path, IOException e) {
    String why = e instanceof FileSystemException fse && fse.getReason() != null
        ? fse.getReason() : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new SpillException("cannot " + verb + " " + path + ": " + why
        + " (the check spills its queue there; choose another place with -metadir DIR, or"
        + " -spill never)");
  }

  public Path path() {
    return dir;
  }

  /** A new file in this directory; {@code name} must be unique within the check. */
  public synchronized SpillFile newFile(String name) {
    if (closed) {
      throw new SpillException("spill directory " + dir + " is already closed");
    }
    SpillFile f = new SpillFile(dir.resolve(name), written);
    files.add(f);
    return f;
  }

  /** Bytes written to spill files so far. */
  public long bytesWritten() {
    return written.get();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (SpillFile f : files) {
      f.close();
    }
    files.clear();
    deleteTree();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook may be running and finds nothing left.
    }
  }

  private void deleteTree() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a spill directory left in the temp dir is harmless.
    }
  }
}
