package io.synod.checker.eval;

import io.synod.checker.value.Value;
import java.util.Arrays;
import java.util.List;

/**
 * The steps operator applications generated from one state ({@link Act.Memo}), kept while that
 * state is expanded: the liveness checker enumerates each fairness action {@code A} from every
 * state to decide {@code <<A>>_v} and {@code ENABLED <<A>>_v}, and A is usually made of the
 * very applications the next-state relation just evaluated there. One per worker context.
 *
 * <p>Looked up once per application per state, so the table is kept cheap: no key objects;
 * operators are numbered when compiled ({@link OpDefn#memoId}); the entries of one operator
 * are chained from its number, each with a hash of its arguments' cached fingerprints (an
 * operator applied to every message in flight has many); arguments are compared by identity
 * first (the search and the atoms pass the same constant or bound value objects), by equality
 * only when they differ.
 */
final class CallMemo {
  /** The state the steps start from (compared by identity). */
  Value[] state;
  /** Set while an application records its steps: the ones it makes are part of them. */
  boolean recording;
  /** Set while the atoms' enumerations run (rather than the search's successor generation). */
  boolean forAtoms;
  /** By operator number: the atoms' enumerations applied it, so its steps are worth keeping. */
  private boolean[] wanted = new boolean[16];

  /** By operator number: its last entry + 1, 0 when it has none for this state. */
  private int[] head = new int[16];
  /** Per entry: the operator's number, the arguments, the steps, the operator's previous entry + 1. */
  private int[] defs = new int[8];
  private Value[][] args = new Value[8][];
  private List<Value[]>[] steps = newLists(8);
  private int[] previous = new int[8];
  private long[] hashes = new long[8];
  private int size;
  /** Arguments of a look-up, reused: a look-up that finds its entry allocates nothing. */
  private Value[] scratch = new Value[4];

  /** Starts over for the expansion of {@code s}. */
  void reset(Value[] s) {
    state = s;
    recording = false;
    forAtoms = false;
    for (int e = 0; e < size; e++) {
      head[defs[e]] = 0;
      args[e] = null;
      steps[e] = null;
    }
    size = 0;
  }

  boolean wanted(int def) {
    return def < wanted.length && wanted[def];
  }

  void want(int def) {
    if (def >= wanted.length) {
      wanted = Arrays.copyOf(wanted, Math.max(def + 1, wanted.length * 2));
    }
    wanted[def] = true;
  }

  /** An array for {@code n} arguments of a look-up; valid until the next call. */
  Value[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new Value[Math.max(n, scratch.length * 2)];
    }
    return scratch;
  }

  /** The steps kept for operator {@code def} applied to the first {@code n} of {@code key}, or null. */
  List<Value[]> get(int def, Value[] key, int n) {
    if (def >= head.length) {
      return null;
    }
    long h = hash(key, n);
    for (int e = head[def] - 1; e >= 0; e = previous[e] - 1) {
      if (hashes[e] == h && same(args[e], key, n)) {
        return steps[e];
      }
    }
    return null;
  }

  /** Keeps {@code list} as the steps of {@code def} applied to {@code key} (not copied). */
  void put(int def, Value[] key, List<Value[]> list) {
    if (def >= head.length) {
      head = Arrays.copyOf(head, Math.max(def + 1, head.length * 2));
    }
    if (size == defs.length) {
      int n = size * 2;
      defs = Arrays.copyOf(defs, n);
      args = Arrays.copyOf(args, n);
      steps = Arrays.copyOf(steps, n);
      previous = Arrays.copyOf(previous, n);
      hashes = Arrays.copyOf(hashes, n);
    }
    hashes[size] = hash(key, key.length);
    defs[size] = def;
    args[size] = key;
    steps[size] = list;
    previous[size] = head[def];
    size++;
    head[def] = size;
  }

  private static long hash(Value[] key, int n) {
    long h = n;
    for (int i = 0; i < n; i++) {
      h = h * 0x9e3779b97f4a7c15L + key[i].fingerprint();
    }
    return h;
  }

  private static boolean same(Value[] kept, Value[] key, int n) {
    if (kept.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (kept[i] != key[i] && !kept[i].equals(key[i])) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static List<Value[]>[] newLists(int n) {
    return new List[n];
  }
}
