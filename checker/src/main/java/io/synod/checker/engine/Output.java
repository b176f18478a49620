package io.synod.checker.engine;

/**
 * Where the run's text goes, line by line: the engine's messages and the spec's {@code Print}
 * output share it, so they interleave as in TLC. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Output {
  /** One line (or several, separated by '\n'), without the final line terminator. */
  void println(String line);

  /** Discards everything. */
  Output NONE = line -> {};
}
