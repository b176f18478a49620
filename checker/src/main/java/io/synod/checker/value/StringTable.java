package io.synod.checker.value;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-check intern table that gives strings, record field names and model values their
 * order. TLC orders them by the token number its global {@code UniqueString} table assigns on
 * first appearance (in the parsed modules, then the config, then at run time), not
 * alphabetically; Synod reproduces that with one table per check instead of a global.
 *
 * <p>The parser should call {@link #token} for every identifier and string literal in source
 * order (TLC interns identifiers too, so {@code [b |-> 2, a |-> 1]} prints with {@code b} first
 * when {@code b} appeared first anywhere). The table is thread-safe: workers may intern strings
 * produced at run time (e.g. by {@code ToString}); those get later tokens.
 */
public final class StringTable {
  private final ConcurrentHashMap<String, Integer> tokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, StringValue> strings = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ModelValue> models = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  /** Creation number of the next model value (guarded by {@code models}). */
  private int nextModel;

  /** The token of {@code s}, assigning the next free one on first sight. */
  public int token(String s) {
    Integer t = tokens.get(s);
    if (t != null) {
      return t;
    }
    return tokens.computeIfAbsent(s, k -> next.getAndIncrement());
  }

  /** The string value {@code "s"} (one shared instance per distinct string). */
  public StringValue string(String s) {
    StringValue v = strings.get(s);
    if (v != null) {
      return v;
    }
    int tok = token(s);
    return strings.computeIfAbsent(s, k -> new StringValue(k, tok));
  }

  /**
   * The model value named {@code name} (one shared instance per name). Model values are ordered
   * by creation, as TLC numbers them when it reads the config (the config's model values in
   * order, then those made at run time), not by where the name first appeared as an identifier:
   * {@code NoVal = NoVal} sorts after the model values assigned before it.
   */
  public ModelValue modelValue(String name) {
    ModelValue v = models.get(name);
    if (v != null) {
      return v;
    }
    token(name);
    synchronized (models) {
      return models.computeIfAbsent(name, k -> new ModelValue(k, nextModel++));
    }
  }

  /** Whether {@code name} has been made a model value in this table. */
  public boolean isModelValue(String name) {
    return models.containsKey(name);
  }

  /** How many distinct names have been interned. */
  public int size() {
    return next.get();
  }

  /**
   * Every interned name in token order. With {@link #modelNames} it is what a later check needs to
   * give the same names the same tokens (checkpoint recovery): tokens decide the order of sets,
   * and so the fingerprints of states.
   */
  public java.util.List<String> names() {
    String[] byToken = new String[next.get()];
    tokens.forEach((name, t) -> {
      if (t < byToken.length) {
        byToken[t] = name;
      }
    });
    return java.util.Arrays.asList(byToken);
  }

  /** The model values' names in creation order. */
  public java.util.List<String> modelNames() {
    synchronized (models) {
      String[] byOrder = new String[nextModel];
      models.forEach((name, m) -> byOrder[m.token()] = name);
      return java.util.Arrays.asList(byOrder);
    }
  }
}
