package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;

/**
 * One key of a key-value store holding strings: {@code :get}/{@code :read}, {@code
 * :put}/{@code :write} and {@code :append} (concatenation). Operations carry {@code [key
 * value]}; the checker splits the history by key and checks each key with this model, whose
 * state is the string (empty at first).
 */
final class KvModel implements Model<String> {
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
  public String initial() {
    return initial;
  }

  @Override
  public boolean keyed() {
    return true;
  }

  @Override
  public String step(String state, Operation op) {
    Object v = op.value();
    return switch (op.f()) {
      case "get", "read" -> (v == null && !strictNil) || state.equals(v) ? state : null;
      case "put", "write" -> (String) v;
      case "append" -> state.concat((String) v);
      default -> null;
    };
  }

  @Override
  public String explain(String state, Operation op) {
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
  public boolean isNoOp(Operation op) {
    return isReadOnly(op) && op.value() == null && !strictNil;
  }
}
