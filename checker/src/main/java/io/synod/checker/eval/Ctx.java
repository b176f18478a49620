package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The per-worker evaluation context: the current state, the next state under construction, the
 * BFS level, TLC registers and the random source. Not thread-safe: each worker owns one
 * ({@link CompiledSpec#newContext}).
 */
public final class Ctx {
  final CompiledSpec spec;
  /** Values of the current state by variable slot (the state under construction in Init). */
  Value[] cur;
  /** Values of the next state by variable slot (null where not yet assigned). */
  Value[] nxt;
  /**
   * The next state an ENABLED probe is building (null outside ENABLED). TLC builds it as a partial
   * state function, where an unassigned variable is no name at all rather than one without a value.
   */
  Value[] enabledNext;
  /**
   * The instantiations whose substitutions the ENABLED being probed cuts off from primed
   * variables (see {@link Enabled#cut}); null when it cuts none, and outside ENABLED.
   */
  Symbols.Instantiation[] cut;

  /** Whether the probe running now cuts {@code inst}'s substitutions off (see {@link #cut}). */
  boolean cuts(Symbols.Instantiation inst) {
    Symbols.Instantiation[] k = cut;
    if (k != null) {
      for (Symbols.Instantiation i : k) {
        if (i == inst) {
          return true;
        }
      }
    }
    return false;
  }
  /**
   * How many variables of the state under construction (the next state, or the initial state in
   * Init) have no value yet; at 0 what remains of a conjunction is evaluated as a condition.
   */
  int unassigned = -1;
  int level;
  /** TLCSet registers: the engine's per-worker map when run by the engine. */
  Map<Value, Value> registers = new HashMap<>();
  private SplittableRandom random;
  /**
   * The state whose successors are being generated, while the random source has not been seeded
   * for it yet. As TLC in breadth-first search, the random values (RandomElement, RandomSubset)
   * drawn for a state's successors depend only on that state, so that a trace can be rebuilt
   * by generating the successors again; seeding happens once per expansion, at the first draw,
   * so that the draws of one expansion (x' = RandomElement(S) /\ y' = RandomElement(S)) differ.
   */
  private Value[] seedFor;
  /** The run's seed (-seed), mixed into every state's draws, as TLC's -seed changes them. */
  private long runSeed;

  /** The random source, seeded for the state being expanded when there is one. */
  SplittableRandom random() {
    if (seedFor != null) {
      // the same for every worker: the run's seed and the state alone decide
      long h = 0x5EEDL ^ runSeed;
      for (Value v : seedFor) {
        h = h * 0x9E3779B97F4A7C15L + (v == null ? 0 : v.fingerprint());
      }
      random = new SplittableRandom(h);
      seedFor = null;
    }
    return random;
  }

  /** The run's seed, the only source of the random draws of constant-level definitions. */
  long constantSeed;

  /**
   * Evaluates a constant-level definition (evaluated once for the whole check) with random draws
   * that depend on the run's seed and the definition alone: not on the state being expanded
   * when it is first needed, nor on the worker or cluster member that needs it first, so that
   * every member of a cluster check and every run with the same seed gets the same value.
   * The draws of the expansion under way are left as if the definition had been evaluated
   * before it.
   */
  Value evalConstant(Node body, Frame f) {
    SplittableRandom savedRandom = random;
    Value[] savedFor = seedFor;
    long savedSeed = runSeed;
    Span s = body.span;
    long h = 0xC0DEF5EEDL ^ constantSeed;
    h = h * 0x9E3779B97F4A7C15L + s.module().hashCode();
    h = h * 0x9E3779B97F4A7C15L + ((long) s.beginLine() << 32 | s.beginCol());
    random = new SplittableRandom(h);
    seedFor = null;
    try {
      return body.eval(this, f);
    } finally {
      random = savedRandom;
      seedFor = savedFor;
      runSeed = savedSeed;
    }
  }

  /** Draws for the successors of {@code state} from now on depend on it alone. */
  void drawFor(Value[] state, long seed) {
    seedFor = state;
    runSeed = seed;
  }

  /** Draws from the start of the sequence again (initial states, as TLC reseeds for them). */
  void restartDraws(long seed) {
    runSeed = seed;
    random = new SplittableRandom(0x5EEDL ^ seed);
    seedFor = null;
  }
  EvalHost host;
  /** This worker's remembered reductions of values under the symmetry group. */
  Symmetry.Images symmetryImages;
  /** Operator calls and recursive function applications under evaluation; see {@link #enter}. */
  private int depth;

  /**
   * Most nested calls one evaluation may make. TLC evaluates a recursion 2,000 deep and stops
   * somewhat beyond (a StackOverflowError on its default thread stack); Synod's threads have a
   * stack big enough for this many calls, so runaway recursion ends in an evaluation error
   * instead of exhausting the stack (which could fail anywhere, even in class loading).
   */
  static final int MAX_DEPTH = 50_000;

  /** TLC's words for a recursion that does not end (its StackOverflowError message). */
  static final String TOO_DEEP = "This was a Java StackOverflowError. It was probably the result\n"
      + "of an incorrect recursive function definition that caused TLC to enter\n"
      + "an infinite loop when trying to compute the function or its application\n"
      + "to an element in its putative domain.";

  /** Counts one more nested call; pair with {@link #exit} in a finally block. */
  void enter(Node site) {
    if (++depth > MAX_DEPTH) {
      depth--;
      // as a StackOverflowError would end: TLC's own error, printed as it is (exit 255 in Next)
      throw new EvalException(EvalException.Kind.CODED, TOO_DEEP);
    }
  }

  void exit() {
    depth--;
  }

  /**
   * The state whose stuttering step ({@code s -> s}) the action properties were last evaluated
   * on, and per property the outcome: 0 not yet evaluated, 1 true, 2 false or failed.
   */
  Value[] stutterState;
  byte[] stutterResult = new byte[0];
  /**
   * Set only while a trace validator asks why an action has no successor: conjunctions then
   * record how far they got. Null otherwise, so the search pays one field read per conjunct.
   */
  ConjunctProbe probe;
  /** The steps of operator applications from the state being expanded; null when off. */
  CallMemo memo;
  /** This worker's evaluators of the temporal properties' atoms, made on first use. */
  TemporalLowering liveness;
  /**
   * The bits ({@link CallMemo#tags}) of the tagged applications whose continuation runs now:
   * each successor delivered carries them ({@link CallMemo}). 0 outside any.
   */
  long tag;
  /** Successors delivered so far (any action, any state): tells a step that reached none. */
  int delivered;
  /**
   * True while the search's successors are generated and a composition {@code A \cdot B} met
   * now is not inside another one: TLC counts the states such a composition's A reaches as
   * generated, besides the successors B leads to ({@link #composedIntermediates}).
   */
  boolean countComposed;
  /** The states counted as generated by compositions since the search last read them. */
  long composedIntermediates;
  /**
   * The next-state array the successor generation running now delivers from, null outside one:
   * an application building another array (ENABLED, the first action of a composition) makes
   * no successor of the search directly, so tagging it would tag the wrong states.
   */
  Value[] deliveryNext;

  /** Per action: what computing its successors needs, kept for the next state (null while in use). */
  private Scratch[] scratch = new Scratch[0];

  /**
   * The frame, next-state array and continuation of one action's successor computation, reused
   * from state to state: nothing keeps a reference to them once the computation returns (lazy
   * values copy the frames they need), and they are handed out fresh-equivalent.
   */
  static final class Scratch {
    final Frame frame;
    final Value[] next;
    final CompiledSpec.Delivery delivery;

    Scratch(Frame frame, Value[] next, CompiledSpec.Delivery delivery) {
      this.frame = frame;
      this.next = next;
      this.delivery = delivery;
    }
  }

  /** The scratch of action {@code index}, cleared; a new one if it is in use (re-entrant call). */
  Scratch takeScratch(int index, int frameSize, int variables) {
    Scratch s = index < scratch.length ? scratch[index] : null;
    if (s == null || s.frame.slots.length != frameSize || s.next.length != variables) {
      return new Scratch(new Frame(frameSize, null), new Value[variables], spec.new Delivery());
    }
    scratch[index] = null;
    java.util.Arrays.fill(s.frame.slots, null);
    java.util.Arrays.fill(s.next, null);
    return s;
  }

  /** Returns the scratch of action {@code index} for the next state. */
  void giveBack(int index, Scratch s) {
    if (index >= scratch.length) {
      scratch = java.util.Arrays.copyOf(scratch, index + 1);
    }
    scratch[index] = s;
  }

  /** Per conjunction ({@link Act.And#id}): its continuation, kept between uses (null while in use). */
  private Act.Conjuncts[] conjuncts = new Act.Conjuncts[0];

  /** The idle continuation of conjunction {@code id}, now in use; null if none is idle. */
  Act.Conjuncts takeConjuncts(int id) {
    if (id >= conjuncts.length) {
      return null;
    }
    Act.Conjuncts cs = conjuncts[id];
    conjuncts[id] = null;
    return cs;
  }

  void giveBackConjuncts(int id, Act.Conjuncts cs) {
    if (id >= conjuncts.length) {
      conjuncts = java.util.Arrays.copyOf(conjuncts, Math.max(id + 1, conjuncts.length * 2));
    }
    conjuncts[id] = cs;
  }

  Ctx(CompiledSpec spec, long seed, EvalHost host) {
    this.spec = spec;
    this.random = new SplittableRandom(seed);
    this.host = host;
  }

  /** Where this worker's Print output and statistics come from. */
  public void setHost(EvalHost host) {
    this.host = host;
  }

  /** Sets the BFS level {@code TLCGet("level")} reports (0 while computing initial states). */
  public void setLevel(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }
}
