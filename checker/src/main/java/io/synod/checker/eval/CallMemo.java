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

  /**
   * The applications the action atoms are made of ({@link TemporalLowering}), numbered by a
   * bit: while the search generates the successors of {@link #state}, an application of one of
   * them runs its continuation with its bit in {@link Ctx#tag}, so that each successor carries
   * the bits of the applications it is a step of, and what the application's own steps are
   * like (changing the subscripts or not, complete, delivered) is noted here. Null: not now
   * (the engine does not pass the successors' fingerprints, with VIEW or SYMMETRY).
   */
  Apps tags;
  /** Per application bit: its continuation object ({@code Act.Memo.Tagger}), reused. */
  final Object[] taggers = new Object[64];
  /** The tagged applications the search ran to their end from {@link #state}. */
  long applied;
  /** The tagged applications that handed on a step with variables still unassigned. */
  long partial;
  /** The tagged applications entered from {@link #state} (their entries below are this state's). */
  private long touched;
  /** Per application bit: the subscript groups ({@link Apps#groups}) a step of it changes. */
  final long[] changed = new long[64];
  /** Per application bit: the groups a step of it could not be compared on. */
  final long[] unsure = new long[64];
  /** The tagged applications with a step that could not be compared on some group. */
  long unsureApps;
  /** Complete steps of tagged applications that no successor delivered (the rest of Next dropped them). */
  Value[][] undelivered = new Value[4][];
  long[] undeliveredTags = new long[4];
  int undeliveredCount;
  /** The search's in-model successors of {@link #state}: fingerprints and tags; -1: not given. */
  long[] successorFps;
  long[] successorTags;
  int successorCount = -1;
  int successorFamily = -1;

  /**
   * The tagged applications: operator number and argument values -> bit (at most 64), and the
   * subscripts of the atoms made of them, grouped by slots (compared on each step).
   */
  static final class Apps {
    private boolean[] ids = new boolean[16];
    private final int[] defs = new int[64];
    private final Value[][] args = new Value[64][];
    private final long[] hashes = new long[64];
    private int size;
    /** Slots of each subscript group. */
    final List<int[]> groups = new java.util.ArrayList<>();
    /** By {@link Act.Memo#site}: its bit + 1, -1 when it has none, 0 not yet looked up. */
    private int[] sites = new int[16];
    static final int UNKNOWN = -2;

    /** The bit of the application numbered {@code site}, -1 for none, {@link #UNKNOWN}. */
    int site(int site) {
      int b = site < sites.length ? sites[site] : 0;
      return b == 0 ? UNKNOWN : b < 0 ? -1 : b - 1;
    }

    void site(int site, int bit) {
      if (site >= sites.length) {
        sites = Arrays.copyOf(sites, Math.max(site + 1, sites.length * 2));
      }
      sites[site] = bit < 0 ? -1 : bit + 1;
    }

    /** The bit of {@code def} applied to {@code key}, a new one if there is none; -1: too many. */
    int intern(int def, Value[] key) {
      int found = find(def, key, key.length);
      if (found >= 0) {
        return found;
      }
      if (size == 64) {
        return -1;
      }
      if (def >= ids.length) {
        ids = Arrays.copyOf(ids, Math.max(def + 1, ids.length * 2));
      }
      ids[def] = true;
      defs[size] = def;
      args[size] = key.clone();
      hashes[size] = hash(key, key.length);
      return size++;
    }

    boolean has(int def) {
      return def < ids.length && ids[def];
    }

    /** The bit of {@code def} applied to the first {@code n} of {@code key}, or -1. */
    int find(int def, Value[] key, int n) {
      if (!has(def)) {
        return -1;
      }
      long h = hash(key, n);
      for (int e = 0; e < size; e++) {
        if (defs[e] == def && hashes[e] == h && same(args[e], key, n)) {
          return e;
        }
      }
      return -1;
    }

    /** The group of {@code slots}, a new one if there is none; -1: too many. */
    int group(int[] slots) {
      for (int g = 0; g < groups.size(); g++) {
        if (Arrays.equals(groups.get(g), slots)) {
          return g;
        }
      }
      if (groups.size() == 64) {
        return -1;
      }
      groups.add(slots);
      return groups.size() - 1;
    }
  }

  /** A tagged application {@code bit} is entered from {@link #state}. */
  void entering(int bit) {
    long b = 1L << bit;
    if ((touched & b) == 0) {
      touched |= b;
      changed[bit] = 0;
      unsure[bit] = 0;
    }
  }

  /** A complete step of the tagged applications {@code tags} that no successor delivered. */
  void undelivered(Value[] step, long tags) {
    if (undeliveredCount == undelivered.length) {
      undelivered = Arrays.copyOf(undelivered, undeliveredCount * 2);
      undeliveredTags = Arrays.copyOf(undeliveredTags, undeliveredCount * 2);
    }
    undelivered[undeliveredCount] = step;
    undeliveredTags[undeliveredCount++] = tags;
  }

  /** Starts over for the expansion of {@code s}. */
  void reset(Value[] s) {
    state = s;
    recording = false;
    forAtoms = false;
    applied = 0;
    partial = 0;
    touched = 0;
    unsureApps = 0;
    Arrays.fill(undelivered, 0, undeliveredCount, null);
    undeliveredCount = 0;
    successorFps = null;
    successorTags = null;
    successorCount = -1;
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
