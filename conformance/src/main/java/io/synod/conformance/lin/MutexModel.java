package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;

/** A lock: {@code :acquire} needs it free, {@code :release} needs it held. */
final class MutexModel implements Model<Boolean> {
  private final boolean initiallyHeld;

  MutexModel(boolean initiallyHeld) {
    this.initiallyHeld = initiallyHeld;
  }

  @Override
  public String name() {
    return "mutex";
  }

  @Override
  public Boolean initial() {
    return initiallyHeld;
  }

  @Override
  public Boolean step(Boolean held, Operation op) {
    return switch (op.f()) {
      case "acquire" -> held ? null : Boolean.TRUE;
      case "release" -> held ? Boolean.FALSE : null;
      default -> null;
    };
  }

  @Override
  public String explain(Boolean held, Operation op) {
    return op.f().equals("acquire") ? "can't acquire a held lock" : "can't release a free lock";
  }

  @Override
  public String validate(Operation op) {
    return op.f().equals("acquire") || op.f().equals("release")
        ? null
        : "the mutex model has no operation :" + op.f() + " (expected :acquire, :release)";
  }

  @Override
  public String show(Boolean held) {
    return held ? ":held" : ":free";
  }
}
