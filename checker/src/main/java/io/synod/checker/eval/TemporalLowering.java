package io.synod.checker.eval;

import io.synod.checker.liveness.LiveExpr;
import io.synod.checker.liveness.LivenessException;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns compiled temporal formulas into the liveness checker's {@link LiveExpr}, as TLC turns
 * its syntax tree into its liveness expressions: temporal operators, boolean connectives with a
 * temporal operand, quantifiers over constant sets (one branch per element), IF, and calls of
 * operators whose body is temporal are entered; every state- or action-level subformula becomes
 * an atom evaluated later in the context (bound values, arguments) where it was met; constant
 * subformulas are evaluated now. The walk is deterministic, so each worker lowers the formulas
 * again for atoms of its own (frames and argument thunks are not shared between threads) with
 * the same numbering.
 */
final class TemporalLowering {
  /** An atom: a node evaluated in a frame; {@code clears} are LET caches to empty first. */
  record Atom(Node node, Frame frame, List<Clear> clears) {}

  /** LET value slots of a frame, cached per evaluation, that must not survive to the next state. */
  record Clear(Frame frame, int[] slots) {}

  private final Ctx c;
  final List<Atom> stateAtoms = new ArrayList<>();
  final List<Atom> actionAtoms = new ArrayList<>();
  /**
   * Per state atom, the action atom {@code <<A>>_v} whose enumeration decides it when it is
   * {@code ENABLED <<A>>_v} of a fairness condition, else -1.
   */
  private final List<Integer> enabledBy = new ArrayList<>();
  /** The lowered fairness conjuncts and properties (filled by the caller, in order). */
  final List<LiveExpr> fairness = new ArrayList<>();
  final List<LiveExpr> checks = new ArrayList<>();

  TemporalLowering(Ctx c) {
    this.c = c;
  }

  LiveExpr lower(Node n) {
    return lower(n, null, List.of());
  }

  private LiveExpr lower(Node n, Frame f, List<Clear> clears) {
    if (n instanceof Nodes.Local l) {
      Object v = (l.depth == 0 ? f : f.at(l.depth)).slots[l.slot];
      if (v instanceof Thunk t) {
        return lower(t.expr(), t.frame(), clears);
      }
      return constant((Value) v, n);
    }
    if (n instanceof Nodes.Arg a && a.arg.level == 3) {
      return lower(a.arg, a.depth == 0 ? f : f.at(a.depth), clears);
    }
    if (n.level < 3) {
      if (n.level == 0 && n.closed) {
        Value[] cur = c.cur;
        Value[] nxt = c.nxt;
        c.cur = null;
        c.nxt = null;
        try {
          return constant(n.eval(c, f), n);
        } finally {
          c.cur = cur;
          c.nxt = nxt;
        }
      }
      return atom(n, f, clears);
    }
    if (n instanceof TemporalNode t) {
      switch (t.kind) {
        case ALWAYS:
          return new LiveExpr.Always(lower(t.a, f, clears));
        case EVENTUALLY:
          return new LiveExpr.Eventually(lower(t.a, f, clears));
        case LEADS_TO:
          return leadsTo(lower(t.a, f, clears), lower(t.b, f, clears));
        case WEAK_FAIR:
          return weak(fairEnabled(t, f, clears), atom(t.b, f, clears));
        default:
          return strong(fairEnabled(t, f, clears), atom(t.b, f, clears));
      }
    }
    if (n instanceof Nodes.And a) {
      List<LiveExpr> items = new ArrayList<>();
      for (Node x : a.items) {
        items.add(lower(x, f, clears));
      }
      return and(items);
    }
    if (n instanceof Nodes.Or o) {
      List<LiveExpr> items = new ArrayList<>();
      for (Node x : o.items) {
        items.add(lower(x, f, clears));
      }
      return or(items);
    }
    if (n instanceof Nodes.Implies im) {
      return or(List.of(new LiveExpr.Not(lower(im.a, f, clears)), lower(im.b, f, clears)));
    }
    if (n instanceof Nodes.If i) {
      LiveExpr g = lower(i.cond, f, clears);
      return or(List.of(and(List.of(g, lower(i.then, f, clears))),
          and(List.of(new LiveExpr.Not(g), lower(i.otherwise, f, clears)))));
    }
    if (n instanceof Nodes.Native1 n1 && n1.isNot) {
      return new LiveExpr.Not(lower(n1.a, f, clears));
    }
    if (n instanceof Nodes.Quant q) {
      List<LiveExpr> items = new ArrayList<>();
      Frame frame = f;
      q.binders.forEach(c, frame, (c2, f2) -> {
        Frame copy = new Frame(f2.slots.length, f2.up);
        System.arraycopy(f2.slots, 0, copy.slots, 0, f2.slots.length);
        items.add(lower(q.body, copy, clears));
        return true;
      });
      if (items.isEmpty()) {
        return q.forall ? LiveExpr.Bool.TRUE : LiveExpr.Bool.FALSE;
      }
      return q.forall ? and(items) : or(items);
    }
    if (n instanceof Nodes.Call call) {
      Frame nf = new Frame(call.def.frameSize, call.envDepth < 0 ? null : f.at(call.envDepth));
      for (int i = 0; i < call.args.length; i++) {
        nf.slots[i] = call.opArgs[i] != null ? call.opArgs[i].make(c, f)
            : Thunk.pass(call.args[i], c, f, false);
      }
      return lower(call.def.body(), nf, clears);
    }
    if (n instanceof Nodes.Inline in) {
      return lower(in.body, f, withClear(clears, f, in.cacheSlots));
    }
    if (n instanceof Nodes.Let let) {
      return lower(let.body, f, withClear(clears, f, let.slots));
    }
    if (n instanceof Compiler.FramedNode fn) {
      return lower(fn.body, new Frame(fn.size, null), clears);
    }
    throw new LivenessException(n.span.describe());
  }

  /**
   * The ENABLED atom of a fairness condition, linked to the {@code <<A>>_v} atom lowered right
   * after it when A can be enumerated.
   */
  private LiveExpr fairEnabled(TemporalNode t, Frame f, List<Clear> clears) {
    LiveExpr en = atom(t.a, f, clears);
    // an ENABLED cutting substitutions off is no step the action's enumeration finds
    if (en instanceof LiveExpr.Atom a && !a.action() && t.b instanceof StepAtom st
        && st.action != null && t.b.level == 2 && !(t.a instanceof Enabled e && e.cut != null)) {
      enabledBy.set(a.id(), actionAtoms.size());
    }
    return en;
  }

  private static List<Clear> withClear(List<Clear> clears, Frame f, int[] slots) {
    if (slots.length == 0) {
      return clears;
    }
    List<Clear> out = new ArrayList<>(clears);
    out.add(new Clear(f, slots));
    return out;
  }

  private static LiveExpr constant(Value v, Node n) {
    if (v instanceof BoolValue b) {
      return b.value() ? LiveExpr.Bool.TRUE : LiveExpr.Bool.FALSE;
    }
    throw EvalException.eval("A non-boolean expression (" + v.kind() + ") was used as a formula"
        + " in a temporal property.\n" + n.span.describe());
  }

  private LiveExpr atom(Node n, Frame f, List<Clear> clears) {
    boolean action = n.level == 2 || (!n.closed && hasActionArgument(f));
    List<Atom> list = action ? actionAtoms : stateAtoms;
    if (list.size() == 64) {
      throw new LivenessException("because it has more than 64 distinct "
          + (action ? "action" : "state") + " predicates.");
    }
    list.add(new Atom(n, f, clears));
    if (!action) {
      enabledBy.add(-1);
    }
    return new LiveExpr.Atom(list.size() - 1, action, n.span.describe());
  }

  /** Whether an argument in scope mentions primed variables (its parameter is then an action). */
  private static boolean hasActionArgument(Frame f) {
    for (Frame x = f; x != null; x = x.up) {
      for (Object o : x.slots) {
        if (o instanceof Thunk t && t.expr().level == 2) {
          return true;
        }
      }
    }
    return false;
  }

  // The construction rules of the liveness expressions, shared with the checker's package.
  private static LiveExpr and(List<LiveExpr> items) {
    return LiveExpr.and(items);
  }

  private static LiveExpr or(List<LiveExpr> items) {
    return LiveExpr.or(items);
  }

  private static LiveExpr leadsTo(LiveExpr p, LiveExpr q) {
    return LiveExpr.leadsTo(p, q);
  }

  private static LiveExpr weak(LiveExpr en, LiveExpr act) {
    return LiveExpr.weakFairness(en, act);
  }

  private static LiveExpr strong(LiveExpr en, LiveExpr act) {
    return LiveExpr.strongFairness(en, act);
  }

  /** By state atom: the atom, or null when {@link #lateStateBits} decides it (made on first use). */
  private Atom[] early;

  /** The bits {@link #lateStateBits} decides (the others, {@link #stateBits}). */
  long lateMask() {
    long m = 0;
    for (int i = 0; i < enabledBy.size(); i++) {
      m |= enabledBy.get(i) >= 0 ? 1L << i : 0;
    }
    return m;
  }

  /** Bits of the state atoms in {@code s}, except those {@link #lateStateBits} decides. */
  long stateBits(Value[] s) {
    Value[] cur = c.cur;
    Value[] nxt = c.nxt;
    c.cur = s;
    c.nxt = null;
    try {
      if (early == null) {
        early = new Atom[stateAtoms.size()];
        for (int i = 0; i < early.length; i++) {
          early[i] = enabledBy.get(i) < 0 ? stateAtoms.get(i) : null;
        }
      }
      long out = 0;
      for (int i = 0; i < early.length; i++) {
        if (early[i] != null && holds(early[i])) {
          out |= 1L << i;
        }
      }
      return out;
    } finally {
      c.cur = cur;
      c.nxt = nxt;
    }
  }

  /**
   * The ENABLED atoms of fairness conditions in {@code s}: A is enabled when one of the steps
   * its enumeration found changes v (evaluated directly when that cannot be told).
   */
  long lateStateBits(Value[] s) {
    long out = 0;
    for (int i = 0; i < stateAtoms.size(); i++) {
      int j = enabledBy.get(i);
      if (j < 0) {
        continue;
      }
      if (s != probed) {
        probe(s);
      }
      Value[] cur = c.cur;
      Value[] nxt = c.nxt;
      c.cur = s;
      try {
        if (enabled(i, j)) {
          out |= 1L << i;
        }
      } finally {
        c.cur = cur;
        c.nxt = nxt;
      }
    }
    return out;
  }

  private boolean enabled(int stateAtom, int stepAtom) {
    if ((tagAtoms >>> stepAtom & 1) != 0) {
      return (tagEnabled >>> stepAtom & 1) != 0;
    }
    if ((fastAtoms >>> stepAtom & 1) != 0) {
      return (fastEnabled >>> stepAtom & 1) != 0;
    }
    List<Value[]> succ = generated[stepAtom];
    Atom step = actionAtoms.get(stepAtom);
    if (succ != null) {
      try {
        for (Value[] g : succ) {
          c.nxt = g;
          if (((StepAtom) step.node).subscriptTest.evalBool(c, step.frame)) {
            return true;
          }
        }
        return false;
      } catch (EvalException e) {
        // a step leaves a variable of v unspecified: ask ENABLED itself
      }
    }
    c.nxt = null;
    return holds(stateAtoms.get(stateAtom));
  }

  /** The source state of the last {@link #actionBits} call, and what its probe found. */
  private Value[] probed;
  private long probeKnown;
  private long probeValue;

  /**
   * Bits of the action atoms on {@code s -> t}. The steps from one state come one after the
   * other, so each state is first probed once without a next state: an atom whose value comes
   * out without reading a primed variable (typically an action whose guard fails in s) has that
   * value on every step from s and is not evaluated again per step.
   */
  long actionBits(Value[] s, Value[] t) {
    return actionBits(s, t, 0, -1);
  }

  /**
   * {@link #actionBits(Value[], Value[])} given the fingerprint of {@code t} in family
   * {@code family} ({@code -1}: none), which then indexes the probed steps.
   */
  long actionBits(Value[] s, Value[] t, long tFp, int family) {
    if (family >= 0 && family != fps.index()) {
      fps = io.synod.checker.value.Fingerprints.family(family);
      probed = null;
    }
    if (s != probed) {
      probe(s);
    }
    int n = actionAtoms.size();
    long unknown = ~probeKnown & ~tagAtoms & (n == 64 ? -1L : (1L << n) - 1);
    if ((unknown | tagAtoms) == 0) {
      return probeValue;
    }
    long out = probeValue;
    long hit = 0;
    long fp = 0;
    if (fastAtoms != 0 || tagAtoms != 0) {
      fp = family == fps.index() ? tFp : fps.ofState(t);
    }
    if (fastAtoms != 0) {
      hit = stepIndex.get(fp);
      out |= hit;
      unknown &= ~fastAtoms;
    }
    // [A]_v off A's steps: the step may still leave v unchanged
    long boxMiss = fastBox & ~hit;
    if (unknown == 0 && boxMiss == 0 && tagAtoms == 0) {
      return out;
    }
    Value[] cur = c.cur;
    Value[] nxt = c.nxt;
    c.cur = s;
    c.nxt = t;
    try {
      if (tagAtoms != 0) {
        out |= taggedBits(s, t, tagIndex.get(fp));
      }
      for (int i = 0; boxMiss != 0 && i < n; i++) {
        if ((boxMiss >>> i & 1) != 0) {
          boxMiss &= ~(1L << i);
          Atom a = actionAtoms.get(i);
          StepAtom st = (StepAtom) a.node;
          Boolean changes = st.subscriptSlots == null ? null : st.changes(s, t);
          if (changes != null ? !changes : st.subscriptTest.evalBool(c, a.frame)) {
            out |= 1L << i;
          }
        }
      }
      for (int i = 0; unknown != 0 && i < n; i++) {
        if ((unknown >>> i & 1) == 0) {
          continue;
        }
        unknown &= ~(1L << i);
        Atom a = actionAtoms.get(i);
        boolean v = generated[i] != null ? stepHolds((StepAtom) a.node, a, generated[i]) : holds(a);
        if (v) {
          out |= 1L << i;
        }
      }
      return out;
    } finally {
      c.cur = cur;
      c.nxt = nxt;
    }
  }

  /**
   * The tagged atoms on {@code c.cur -> c.nxt}, a step that the applications {@code tags} make
   * ({@link #tagIndex}): {@code <<A>>_v} when one of A's applications makes it and it changes
   * v, {@code [A]_v} when one does or it leaves v unchanged.
   */
  private long taggedBits(Value[] s, Value[] t, long tags) {
    long made = 0;
    for (long rest = tags; rest != 0; rest &= rest - 1) {
      made |= atomsOfApp[Long.numberOfTrailingZeros(rest)];
    }
    long box = tagAtoms & boxAtoms;
    // [A]_v on a step of A holds, <<A>>_v on a step not of A does not: the subscript matters
    // only for <<A>>_v on a step of A (must change v) and [A]_v on another step (must not)
    long out = made & box;
    long need = (made & ~box) | (box & ~made);
    long known = 0;
    long changed = 0;
    for (long rest = need; rest != 0; rest &= rest - 1) {
      int i = Long.numberOfTrailingZeros(rest);
      Atom a = actionAtoms.get(i);
      StepAtom st = (StepAtom) a.node;
      long g = 1L << groupOf[i];
      if ((known & g) == 0) {
        Boolean changes = st.changes(s, t);
        if (changes == null) {
          // the subscript test is v' = v for [A]_v, v' # v for <<A>>_v
          if (st.subscriptTest.evalBool(c, a.frame)) {
            out |= 1L << i;
          }
          continue;
        }
        known |= g;
        changed |= changes ? g : 0;
      }
      if (((changed & g) != 0) != st.box) {
        out |= 1L << i;
      }
    }
    return out;
  }

  /** The fingerprints of the step index: the search's when it passes them (one family). */
  private io.synod.checker.value.Fingerprints fps = io.synod.checker.value.Fingerprints.family(0);

  /**
   * Step atoms decided from the probed state's enumeration by fingerprint: their action's steps
   * from it are complete states, so a step is one of them exactly when the fingerprints agree.
   */
  private long fastAtoms;
  /** The {@code [A]_v} atoms among {@link #fastAtoms}. */
  private long fastBox;
  /** Among {@link #fastAtoms}: whether a step of A changes v, i.e. ENABLED {@code <<A>>_v}. */
  private long fastEnabled;
  /** Fingerprint of a step's next state -> the fast atoms that hold on that step. */
  private final StepIndex stepIndex = new StepIndex();

  /** Fingerprint -> bits, for the handful of successors of one state (open addressing). */
  static final class StepIndex {
    private long[] keys = new long[16];
    private long[] bits = new long[16];
    private boolean[] used = new boolean[16];
    private int size;

    void clear() {
      if (size > 0) {
        java.util.Arrays.fill(used, false);
        size = 0;
      }
    }

    void or(long fp, long b) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int h = mix(fp) & mask;
      while (used[h] && keys[h] != fp) {
        h = (h + 1) & mask;
      }
      if (!used[h]) {
        used[h] = true;
        keys[h] = fp;
        bits[h] = 0;
        size++;
      }
      bits[h] |= b;
    }

    long get(long fp) {
      int mask = keys.length - 1;
      int h = mix(fp) & mask;
      while (used[h]) {
        if (keys[h] == fp) {
          return bits[h];
        }
        h = (h + 1) & mask;
      }
      return 0;
    }

    private void grow() {
      long[] k = keys;
      long[] b = bits;
      boolean[] u = used;
      keys = new long[k.length * 2];
      bits = new long[k.length * 2];
      used = new boolean[k.length * 2];
      size = 0;
      for (int i = 0; i < k.length; i++) {
        if (u[i]) {
          or(k[i], b[i]);
        }
      }
    }

    private static int mix(long x) {
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      return (int) (x ^ (x >>> 32));
    }
  }

  /**
   * Per action atom that is a {@link StepAtom} with a generator: the states its action leads to
   * from the probed state (unassigned variables null: any value), or null when the generator
   * could not enumerate them there (then the atom is evaluated on each step).
   */
  private List<Value[]>[] generated;

  @SuppressWarnings("unchecked")
  private void probe(Value[] s) {
    Value[] cur = c.cur;
    Value[] nxt = c.nxt;
    c.cur = s;
    c.nxt = null;
    long known = 0;
    long value = 0;
    if (generated == null) {
      generated = new List[actionAtoms.size()];
    }
    long fast = 0;
    long box = 0;
    long enabled = 0;
    stepIndex.clear();
    tagIndex.clear();
    long tagged = 0;
    long taggedEnabled = 0;
    CallMemo m = c.memo;
    boolean tags = plans != null && m != null && m.state == s && m.tags == apps
        && m.successorCount >= 0 && m.successorFamily == fps.index();
    try {
      for (int i = 0; i < actionAtoms.size(); i++) {
        generated[i] = null;
        Atom a = actionAtoms.get(i);
        if (tags && plans[i] != null) {
          // usually every innermost application ran: then they make the atom's steps
          long leaves = leavesOf[i];
          long made = (m.applied & ~m.partial & leaves) == leaves && (m.unsureApps & leaves) == 0
              ? leaves : made(plans[i], m, groupOf[i]);
          if (made != -1) {
            tagged |= 1L << i;
            appsOf[i] = made;
            if (((StepAtom) a.node).box) {
              continue;
            }
            for (long rest = made; rest != 0; rest &= rest - 1) {
              if ((m.changed[Long.numberOfTrailingZeros(rest)] >>> groupOf[i] & 1) != 0) {
                taggedEnabled |= 1L << i;
                break;
              }
            }
            continue;
          }
        }
        if (a.node instanceof StepAtom st && st.action != null) {
          generated[i] = enumerate(st, a);
          if (generated[i] != null) {
            if (complete(generated[i]) && indexSteps(st, a, generated[i], 1L << i)) {
              fast |= 1L << i;
              if (st.box) {
                box |= 1L << i;
              } else if (!generated[i].isEmpty() && (stepIndexed & (1L << i)) != 0) {
                enabled |= 1L << i;
              }
            }
            continue;
          }
        }
        try {
          if (holds(actionAtoms.get(i))) {
            value |= 1L << i;
          }
          known |= 1L << i;
        } catch (EvalException e) {
          // it reads the next state (or fails in s: then each step reports the error)
        }
      }
    } finally {
      c.cur = cur;
      c.nxt = nxt;
    }
    probed = s;
    probeKnown = known;
    probeValue = value;
    fastAtoms = fast;
    fastBox = box;
    fastEnabled = enabled;
    tagAtoms = tagged;
    tagEnabled = taggedEnabled;
    java.util.Arrays.fill(atomsOfApp, 0);
    for (long rest = tagged; rest != 0; rest &= rest - 1) {
      int i = Long.numberOfTrailingZeros(rest);
      for (long apps = appsOf[i]; apps != 0; apps &= apps - 1) {
        atomsOfApp[Long.numberOfTrailingZeros(apps)] |= 1L << i;
      }
    }
    if (tagged != 0) {
      for (int k = 0; k < m.successorCount; k++) {
        if (m.successorTags[k] != 0) {
          tagIndex.or(m.successorFps[k], m.successorTags[k]);
        }
      }
      for (int k = 0; k < m.undeliveredCount; k++) {
        tagIndex.or(fps.ofState(m.undelivered[k]), m.undeliveredTags[k]);
      }
    }
  }

  // The steps the search's own generation tagged ({@link CallMemo#tags}).

  /** Action atoms decided from the tags of the probed state's steps. */
  private long tagAtoms;
  /** Among {@link #tagAtoms}: ENABLED {@code <<A>>_v} (a step of one of A's applications changes v). */
  private long tagEnabled;
  /** Per tagged atom: the bits of the applications its steps in the probed state are made of. */
  private final long[] appsOf = new long[64];
  /** Per application bit: the tagged atoms it makes steps of in the probed state. */
  private final long[] atomsOfApp = new long[64];
  /** The {@code [A]_v} atoms among those with a plan. */
  private long boxAtoms;
  /**
   * Fingerprint of a successor (or of a step that made none) -> the bits of the applications
   * it is a step of, all of them: one successor may come from several applications.
   */
  private final StepIndex tagIndex = new StepIndex();

  /**
   * An action atom's action as tagged applications: an application, or, when the search did
   * not run that one to its end from the state, what its body is made of ({@code body}, null
   * when that is not known).
   */
  private sealed interface Plan permits App, AnyOf {}

  private record App(int bit, Plan body) implements Plan {}

  /** A disjunction (of no item: no step). */
  private record AnyOf(Plan[] items) implements Plan {}

  /** The action atoms decided from tags in the last probed state (for tests). */
  long taggedAtoms() {
    return tagAtoms;
  }

  /** The action atoms that have a plan: decided from tags where the search ran their applications. */
  long plannedAtoms() {
    long out = 0;
    for (int i = 0; plans != null && i < plans.length; i++) {
      if (plans[i] != null) {
        out |= 1L << i;
      }
    }
    return out;
  }

  /** The tagged applications, made with {@link #plans} on first use. */
  private CallMemo.Apps apps;
  /** Per action atom: its plan, or null when it is decided otherwise. */
  private Plan[] plans;
  /** Per action atom with a plan: the group of its subscript's slots ({@link CallMemo.Apps#groups}). */
  private int[] groupOf;
  /** Per action atom with a plan: the bits of its innermost applications (those without a plan of their body). */
  private long[] leavesOf;

  /**
   * The applications for the search to tag, or null when no atom is made of applications
   * with arguments known now (constants and bound values, through constant conditions,
   * disjunctions and {@code \E} over constant sets).
   */
  CallMemo.Apps apps() {
    if (apps == null) {
      plan();
    }
    return plans == null ? null : apps;
  }

  private void plan() {
    apps = new CallMemo.Apps();
    Plan[] out = new Plan[actionAtoms.size()];
    groupOf = new int[actionAtoms.size()];
    leavesOf = new long[actionAtoms.size()];
    boolean any = false;
    Value[] cur = c.cur;
    Value[] nxt = c.nxt;
    c.cur = null;
    c.nxt = null;
    try {
      for (int i = 0; i < out.length; i++) {
        Atom a = actionAtoms.get(i);
        if (!(a.node instanceof StepAtom st) || st.action == null || st.subscriptSlots == null
            || !a.clears.isEmpty()) {
          continue;
        }
        Plan p;
        try {
          p = plan(st.action, a.frame, 0);
        } catch (RuntimeException e) {
          // a condition that fails to evaluate: the enumeration reports it where it belongs
          p = null;
        }
        int g = p == null ? -1 : apps.group(st.subscriptSlots);
        if (g >= 0) {
          out[i] = p;
          groupOf[i] = g;
          leavesOf[i] = leaves(p);
          boxAtoms |= st.box ? 1L << i : 0;
          any = true;
        }
      }
    } finally {
      c.cur = cur;
      c.nxt = nxt;
    }
    plans = any ? out : null;
  }

  private Plan plan(Act a, Frame f, int depth) {
    if (depth > 64) {
      return null;
    }
    if (a instanceof Act.Located l) {
      return plan(l.body, f, depth + 1);
    }
    if (a instanceof Act.Or o) {
      Plan[] items = new Plan[o.items.length];
      for (int i = 0; i < items.length; i++) {
        items[i] = plan(o.items[i], f, depth + 1);
        if (items[i] == null) {
          return null;
        }
      }
      return new AnyOf(items);
    }
    if (a instanceof Act.Memo m) {
      Value[] key = new Value[m.args.length];
      for (int i = 0; i < key.length; i++) {
        key[i] = Act.Memo.value(m.args[i], c, f);
        if (key[i] == null) {
          return null;
        }
      }
      int bit = apps.intern(m.def.memoId, key);
      return bit < 0 ? null : new App(bit, plan(m.body, f, depth + 1));
    }
    if (a instanceof Act.And and) {
      int last = and.items.length - 1;
      for (int i = 0; i < last; i++) {
        if (!(and.items[i] instanceof Act.Guard g) || !constant(g.cond)) {
          return null;
        }
      }
      for (int i = 0; i < last; i++) {
        if (!((Act.Guard) and.items[i]).cond.evalBool(c, f)) {
          return new AnyOf(new Plan[0]);
        }
      }
      return plan(and.items[last], f, depth + 1);
    }
    if (a instanceof Act.Exists e) {
      for (Binders.One b : e.binders.items) {
        if (!constant(b.domain)) {
          return null;
        }
      }
      List<Plan> items = new ArrayList<>();
      boolean all = e.binders.forEach(c, f, (c2, f2) -> {
        Plan p = plan(e.body, f2, depth + 1);
        items.add(p);
        return p != null;
      });
      return all ? new AnyOf(items.toArray(new Plan[0])) : null;
    }
    return null;
  }

  private static long leaves(Plan p) {
    if (p instanceof App a) {
      return a.body == null ? 1L << a.bit : leaves(a.body);
    }
    long out = 0;
    for (Plan x : ((AnyOf) p).items) {
      out |= leaves(x);
    }
    return out;
  }

  /** Whether {@code n} has one value in every state (it may read bound constants). */
  private static boolean constant(Node n) {
    return n.level == 0 && Act.onState(n);
  }

  /**
   * The bits of the applications {@code p} is made of in the memo's state, or -1 when the
   * search did not run one of them (nor all that make its body) to its end there, one handed
   * on a step with variables unassigned, or one's step could not be compared on the subscript.
   */
  private static long made(Plan p, CallMemo m, int group) {
    if (p instanceof App a) {
      long b = 1L << a.bit;
      if ((m.applied & ~m.partial & b) != 0) {
        return (m.unsure[a.bit] >>> group & 1) != 0 ? -1 : b;
      }
      return a.body == null ? -1 : made(a.body, m, group);
    }
    long out = 0;
    for (Plan x : ((AnyOf) p).items) {
      long y = made(x, m, group);
      if (y == -1) {
        return -1;
      }
      out |= y;
    }
    return out;
  }

  /**
   * The search's in-model successors of the state it expands, with their fingerprints in
   * family {@code family} and their tags, for the next {@link #actionBits} calls.
   */
  void successors(long[] fps, long[] tags, int n, int family) {
    CallMemo m = c.memo;
    if (m == null) {
      return;
    }
    m.successorFps = fps;
    m.successorTags = tags;
    m.successorCount = n;
    m.successorFamily = family;
    probed = null;
  }

  /** Fast atoms whose index entries {@link #indexSteps} made for the probed state. */
  private long stepIndexed;

  /**
   * Enters the steps of atom {@code bit} into {@link #stepIndex}: every step of {@code [A]_v},
   * the steps of {@code <<A>>_v} that change v (each subscript test once, in place of once per
   * edge of the graph). False, with nothing entered, when a subscript test fails to evaluate
   * (the steps are then decided one by one, which reports the error where it belongs).
   */
  private boolean indexSteps(StepAtom st, Atom a, List<Value[]> steps, long bit) {
    stepIndexed &= ~bit;
    if (st.box) {
      for (Value[] g : steps) {
        stepIndex.or(fps.ofState(g), bit);
      }
      stepIndexed |= bit;
      return true;
    }
    long[] prints = new long[steps.size()];
    int k = 0;
    Value[] nxt = c.nxt;
    try {
      for (Value[] g : steps) {
        Boolean changes = st.subscriptSlots == null ? null : st.changes(c.cur, g);
        if (changes == null) {
          c.nxt = g;
          changes = st.subscriptTest.evalBool(c, a.frame);
        }
        if (changes) {
          prints[k++] = fps.ofState(g);
        }
      }
    } catch (EvalException e) {
      return false;
    } finally {
      c.nxt = nxt;
    }
    for (int j = 0; j < k; j++) {
      stepIndex.or(prints[j], bit);
    }
    if (k > 0) {
      stepIndexed |= bit;
    }
    return true;
  }

  private static boolean complete(List<Value[]> steps) {
    for (Value[] g : steps) {
      for (Value v : g) {
        if (v == null) {
          return false;
        }
      }
    }
    return true;
  }

  /** The successors of {@code c.cur} by the step atom's action, or null when it cannot tell. */
  private List<Value[]> enumerate(StepAtom st, Atom a) {
    clear(a);
    List<Value[]> kept = kept(st, a);
    if (kept != null) {
      return kept;
    }
    List<Value[]> out = new ArrayList<>();
    Value[] saved = c.nxt;
    int savedUnassigned = c.unassigned;
    c.nxt = new Value[c.spec.variableCount()];
    c.unassigned = c.nxt.length;
    if (c.memo != null) {
      c.memo.forAtoms = true;
    }
    try {
      st.action.run(c, a.frame, c2 -> out.add(c2.nxt.clone()));
      return out;
    } catch (EvalException e) {
      return null;
    } finally {
      c.nxt = saved;
      c.unassigned = savedUnassigned;
      if (c.memo != null) {
        c.memo.forAtoms = false;
      }
    }
  }

  /**
   * The action's steps from {@code c.cur} as the search's generation there kept them
   * ({@link Act#keep}; shared, never changed), or null when they must be enumerated.
   */
  private List<Value[]> kept(StepAtom st, Atom a) {
    if (c.memo == null || c.memo.state != c.cur || c.cur == null) {
      return null;
    }
    Value[] saved = c.nxt;
    c.nxt = null;
    try {
      List<Value[]> out = new ArrayList<>();
      if (st.action instanceof Act.Memo call) {
        List<Value[]> steps = call.kept(c, a.frame);
        if (steps != null) {
          return steps;
        }
        return call.body.keep(c, a.frame, out) ? out : null;
      }
      return st.action.keep(c, a.frame, out) ? out : null;
    } catch (RuntimeException e) {
      // enumerating the action reports it where it belongs
      return null;
    } finally {
      c.nxt = saved;
    }
  }

  /** Whether the step atom holds on {@code c.cur -> c.nxt}, given its action's successors. */
  private boolean stepHolds(StepAtom st, Atom a, List<Value[]> succ) {
    boolean taken = false;
    Value[] t = c.nxt;
    for (Value[] g : succ) {
      boolean match = true;
      for (int k = 0; k < g.length && match; k++) {
        match = g[k] == null || g[k].equals(t[k]);
      }
      if (match) {
        taken = true;
        break;
      }
    }
    if (st.box && taken) {
      return true;
    }
    if (!st.box && !taken) {
      return false;
    }
    return st.subscriptTest.evalBool(c, a.frame);
  }

  /** Empties the atom's LET caches, filled for another state. */
  private static void clear(Atom a) {
    for (Clear cl : a.clears) {
      for (int slot : cl.slots) {
        cl.frame.slots[slot] = null;
      }
    }
  }

  private boolean holds(Atom a) {
    clear(a);
    return a.node.evalBool(c, a.frame);
  }


}
