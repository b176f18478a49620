package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The built-in models by name, as {@code --model} accepts them. */
public final class Models {
  private Models() {}

  /** Names accepted by {@link #create}, canonical names first. */
  public static final List<String> NAMES = List.of(
      "register", "cas-register", "multi-register", "kv", "mutex", "set", "unordered-queue",
      "fifo-queue", "counter", "queue", "fifo");

  /**
   * Builds a model.
   *
   * @param name a name from {@link #NAMES}
   * @param init the initial value (already parsed from EDN), or null for the model's default:
   *     nil for registers, {} for multi-register, "" for kv, free for mutex, empty for set and
   *     queues, 0 for counter
   * @param hasInit whether {@code init} was given at all (so that {@code --init nil} works)
   * @param strictNil whether nil read values are real values rather than "unknown"
   * @throws IllegalArgumentException with a message for the user if the name or init is wrong
   */
  public static Model<?> create(String name, Object init, boolean hasInit, boolean strictNil) {
    switch (name) {
      case "register":
        return new RegisterModel(false, init, strictNil);
      case "cas-register":
        return new RegisterModel(true, init, strictNil);
      case "multi-register":
        return new MultiRegisterModel(hasInit ? expect(Map.class, init, name, "a map such as {:x 0, :y 0}") : Map.of(), strictNil);
      case "kv":
        return new KvModel(hasInit ? expect(String.class, init, name, "a string") : "", strictNil);
      case "mutex":
        if (!hasInit) {
          return new MutexModel(false);
        }
        String s = EdnValues.name(init);
        if (init instanceof Boolean b) {
          return new MutexModel(b);
        }
        if ("held".equals(s) || "free".equals(s)) {
          return new MutexModel(s.equals("held"));
        }
        throw new IllegalArgumentException("--init for mutex is :free or :held, found " + EdnValues.print(init));
      case "set":
        return new SetModel(hasInit ? expect(Collection.class, init, name, "a set such as #{1 2}") : List.of(), strictNil);
      case "unordered-queue":
      case "queue":
        return new QueueModels.Unordered(hasInit ? List.copyOf(expect(Collection.class, init, name, "a vector")) : List.of());
      case "fifo-queue":
      case "fifo":
        return new QueueModels.Fifo(hasInit ? List.copyOf(expect(Collection.class, init, name, "a vector, head first")) : List.of(), strictNil);
      case "counter":
        return new CounterModel(!hasInit ? (Number) 0L
            : init instanceof java.math.BigInteger b ? b : expect(Long.class, init, name, "an integer"), strictNil);
      default:
        throw new IllegalArgumentException(
            "unknown model '" + name + "'; expected one of " + String.join(", ", NAMES));
    }
  }

  private static <T> T expect(Class<T> type, Object init, String model, String what) {
    if (type.isInstance(init)) {
      return type.cast(init);
    }
    throw new IllegalArgumentException(
        "--init for " + model + " must be " + what + ", found " + EdnValues.print(init));
  }
}
