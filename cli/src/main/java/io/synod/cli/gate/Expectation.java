package io.synod.cli.gate;

import java.util.Objects;

/**
 * What a model is expected to do: succeed, or end in a particular way ({@code invariant
 * ElectionSafety}, {@code property Refinement}, {@code deadlock}).
 *
 * @param kind how the run should end
 * @param name the violated invariant or property when {@link ResultKind#named()}, else null
 */
public record Expectation(ResultKind kind, String name) {
  public Expectation {
    Objects.requireNonNull(kind);
    if (kind.named() != (name != null)) {
      throw new IllegalArgumentException(kind.word() + (kind.named() ? " needs" : " takes no") + " name");
    }
  }

  public static Expectation success() {
    return new Expectation(ResultKind.SUCCESS, null);
  }

  /** Whether a run with this kind and name is what was expected. */
  public boolean matches(ResultKind gotKind, String gotName) {
    return kind == gotKind && Objects.equals(name, kind.named() ? gotName : null);
  }

  @Override
  public String toString() {
    return name == null ? kind.word() : kind.word() + " " + name;
  }
}
