package io.synod.cli.gate;

import java.util.Locale;

/** How a model-checking run ended, as the manifest names it. */
public enum ResultKind {
  /** The search completed and found nothing wrong. */
  SUCCESS(false),
  /** A state invariant (INVARIANT, or a {@code []P} property) was violated. */
  INVARIANT(true),
  /** An action property or other temporal PROPERTY was violated. */
  PROPERTY(true),
  /** A liveness property was violated (needs liveness checking). */
  LIVENESS(true),
  /** A reachable state has no successor. */
  DEADLOCK(false),
  /** An ASSUME was false. */
  ASSUMPTION(false),
  /** An {@code Assert} failed. */
  ASSERT(false),
  /** An expression could not be evaluated. */
  EVALUATION_ERROR(false),
  /** The spec did not parse or failed semantic checks. */
  PARSE_ERROR(false),
  /** The configuration is wrong. */
  CONFIG_ERROR(false),
  /** The run did not finish within its time budget and was stopped. */
  BUDGET_EXCEEDED(false),
  /** Something else went wrong (file missing, internal error). */
  SYSTEM_ERROR(false);

  private final boolean named;

  ResultKind(boolean named) {
    this.named = named;
  }

  /** Whether the kind comes with the name of what was violated. */
  public boolean named() {
    return named;
  }

  /** The manifest spelling: {@code success}, {@code invariant}, {@code evaluation-error}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind spelled {@code word} in a manifest, or null. */
  public static ResultKind ofWord(String word) {
    for (ResultKind k : values()) {
      if (k.word().equals(word)) {
        return k;
      }
    }
    return null;
  }
}
