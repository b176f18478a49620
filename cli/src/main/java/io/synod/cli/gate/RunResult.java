package io.synod.cli.gate;

import java.time.Duration;

/**
 * What a model-checking run did.
 *
 * @param kind how it ended
 * @param name the violated invariant or property when {@code kind.named()}, else null
 * @param distinctStates distinct states found, or -1 when unknown (e.g. the spec did not parse)
 * @param elapsed wall-clock time of the run
 * @param detail the checker's message for errors (may be empty), shown in reports
 */
public record RunResult(
    ResultKind kind, String name, long distinctStates, Duration elapsed, String detail) {

  /** The outcome in manifest words: {@code invariant ElectionSafety}, {@code success}. */
  public String outcome() {
    return name == null ? kind.word() : kind.word() + " " + name;
  }
}
