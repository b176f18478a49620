package io.synod.cli;

import io.synod.checker.engine.Verdict;
import picocli.CommandLine;

/**
 * Every command's exit code, from one mapping. {@code check} and {@code parse} exit with TLC's
 * code for their checker {@link Verdict}, and so does {@code sim} for what it checks (a safety
 * violation is TLC's invariant code); {@code lin}, {@code trace validate} and {@code gate} answer
 * a question ({@link Answer}). A command line or an input a command cannot use is
 * {@link #USAGE} everywhere, as picocli exits on a malformed command line.
 */
final class ExitCodes {
  /** A malformed command line or input (picocli's code for a command line it rejects). */
  static final int USAGE = CommandLine.ExitCode.USAGE;

  private ExitCodes() {}

  /** The answer of a command that decides a question about its input. */
  enum Answer {
    /** Accepted: linearizable, a trace the spec allows, every gate model as expected. */
    YES,
    /** Rejected: a history or trace that is not allowed, a gate model that deviates. */
    NO,
    /** A budget ran out before an answer was found. */
    UNKNOWN
  }

  /** TLC's exit code for a check's verdict. */
  static int of(Verdict v) {
    return v.exitCode();
  }

  static int of(Answer a) {
    return switch (a) {
      case YES -> 0;
      case NO -> 1;
      case UNKNOWN -> 3;
    };
  }

  /** The answer of a linearizability check. */
  static int of(io.synod.conformance.lin.Verdict v) {
    return of(switch (v) {
      case VALID -> Answer.YES;
      case INVALID -> Answer.NO;
      case UNKNOWN -> Answer.UNKNOWN;
    });
  }
}
