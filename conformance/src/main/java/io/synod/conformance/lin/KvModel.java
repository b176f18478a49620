package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;

/**
 * One key of a key-value store holding strings: {@code :get}/{@code :read}, {@code
 * :put}/{@code :write} and {@code :append} (concatenation). Operations carry {@code [key
 * value]}; the checker splits the history by key and checks each key with this model, whose
 * state is the string (empty at first), held as a {@link KvText} so that an append costs the
 * appended piece rather than a copy of the whole string.
 */
final class KvModel implements Model<KvText> {
  private final String initial;
  private final boolean strictNil;

  KvModel(String initial, boolean strictNil) {
    this.initial = initial;
    this.strictNil = strictNil;
  }

  @Override
  public String name() {
    return "kv";
  }

  @Override
  public KvText initial() {
    return KvText.of(initial);
  }

  @Override
  public boolean keyed() {
    return true;
  }

  @Override
  public KvText step(KvText state, Operation op) {
    Object v = op.value();
    return switch (op.f()) {
      case "get", "read" -> (v == null && !strictNil) || (v instanceof String s && state.is(s)) ? state : null;
      case "put", "write" -> KvText.of((String) v);
      case "append" -> state.append((String) v);
      default -> null;
    };
  }

  @Override
  public String show(KvText state) {
    return EdnValues.print(state.toString());
  }

  @Override
  public String explain(KvText state, Operation op) {
    return "can't get " + EdnValues.print(op.value()) + " from key holding " + show(state);
  }

  @Override
  public String validate(Operation op) {
    Object v = op.value();
    switch (op.f()) {
      case "get", "read":
        return v == null || v instanceof String ? null : "kv values are strings, found " + EdnValues.print(v);
      case "put", "write", "append":
        return v instanceof String ? null : ":" + op.f() + " takes a string, found " + EdnValues.print(v);
      default:
        return "the kv model has no operation :" + op.f() + " (expected :get, :put, :append)";
    }
  }

  @Override
  public boolean isReadOnly(Operation op) {
    return op.f().equals("get") || op.f().equals("read");
  }

  @Override
  public boolean isBlind(Operation op) {
    return op.f().equals("put") || op.f().equals("write");
  }

  @Override
  public KvText requiredState(Operation op) {
    return isReadOnly(op) && op.value() instanceof String v ? KvText.of(v) : null;
  }

  @Override
  public KvText fixedResult(Operation op) {
    return isBlind(op) ? KvText.of((String) op.value()) : null;
  }

  @Override
  public boolean hasHopelessStates() {
    return true;
  }

  @Override
  public boolean mayStillAccept(KvText state, Operation op) {
    // Without a put the string only grows by appends. Looking at the newest pieces is enough
    // to rule out nearly every wrong order, at a cost that does not grow with the string.
    return !isReadOnly(op) || !(op.value() instanceof String v) || state.mayPrefix(v, 4);
  }

  @Override
  public boolean isNoOp(Operation op) {
    return isReadOnly(op) && op.value() == null && !strictNil;
  }
}
