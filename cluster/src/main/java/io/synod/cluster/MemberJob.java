package io.synod.cluster;

import com.hazelcast.cluster.Member;
import io.synod.checker.engine.ActionLabel;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.Outdegree;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.SpecError;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.StateFingerprinter;
import io.synod.checker.engine.SuccessorSink;
import io.synod.checker.engine.Verdict;
import io.synod.checker.engine.fp.FingerprintSet;
import io.synod.checker.value.BinaryIn;
import io.synod.checker.value.BinaryOut;
import io.synod.checker.value.Value;
import io.synod.checker.value.ValueCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One member's share of a distributed check: the states whose fingerprints fall in its
 * partitions. It keeps their part of the seen-set (the single-machine {@link FingerprintSet}),
 * their parent pointers and the queue of those still to expand; it expands its queue level by
 * level with the model's evaluator, and ships every successor it does not own, in batches, to
 * the member that does, which admits it (or not) and reports back which were new.
 *
 * <p>Per successor the checks are the single-machine engine's, split where the information is:
 * the expanding member counts it, decides CONSTRAINT and ACTION_CONSTRAINT, checks the
 * invariants of a state outside the model and the action properties of every step; the owner
 * admits it to the seen-set and checks the invariants of a new state.
 */
final class MemberJob {
  /** Partitions of the fingerprint space (Hazelcast's default count), dealt round-robin to members. */
  static final int PARTITIONS = 271;
  /** Bytes of successors collected for one member before the batch is sent. */
  private static final int BATCH_BYTES = 64 * 1024;
  /**
   * Lines of Print output a member keeps between two reports to the coordinator; beyond them it
   * counts what it drops, so that a spec printing at every state cannot exhaust its heap.
   */
  static final int MAX_PRINTED = 100_000;
  /** Batches to one member not yet acknowledged before the sender waits (back-pressure). */
  private static final int MAX_IN_FLIGHT = 4;

  private final String id;
  private final UUID client;
  private final int index;
  private final List<UUID> memberIds;
  private final MemberNode node;
  private final SpecModel model;
  private final StateFingerprinter fingerprinter;
  private final ValueCodec codec;
  private final FingerprintSet seen = new FingerprintSet(16);
  private final ParentTable parents;
  private final List<String> invariants;
  private final List<String> actionProperties;
  private final List<String> initialProperties;
  private final boolean hasConstraints;
  private final boolean checkDeadlock;
  private final int workers;
  private final Map<Value, Value> registers;
  private final ConcurrentLinkedQueue<EvalContext> contexts = new ConcurrentLinkedQueue<>();
  /** The spec's Print output here, until the next report carries it to the coordinator. */
  private final ConcurrentLinkedQueue<String> printed = new ConcurrentLinkedQueue<>();
  private final AtomicInteger printedKept = new AtomicInteger();
  private final LongAdder printedDropped = new LongAdder();
  /**
   * Set while this member enumerates the initial states other than to check those it owns:
   * every member evaluates the whole initial predicate, and member 0 alone forwards its output.
   */
  private volatile boolean muted;
  /** The position, in the enumeration of the initial predicate, of the initial state that failed. */
  private volatile long initFailureAt = Long.MAX_VALUE;
  private final Output output = line -> {
    if (muted) {
      return;
    }
    if (printedKept.incrementAndGet() <= MAX_PRINTED) {
      printed.add(line);
    } else {
      // not kept: the count is of the lines waiting for the next report only
      printedKept.decrementAndGet();
      printedDropped.increment();
    }
  };
  private final LongAdder generated = new LongAdder();
  private final LongAdder distinct = new LongAdder();
  /** States of the current level expanded so far. */
  private final LongAdder expanded = new LongAdder();
  private final AtomicInteger depth = new AtomicInteger();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong statesSent = new AtomicLong();
  private final Outdegree outdegree = new Outdegree();
  private final List<Found> failures = new ArrayList<>();
  private volatile boolean stop;
  private final io.synod.checker.engine.SearchControl control;
  /** Set by TLCSet("exit", TRUE) in a spec evaluated here. */
  private volatile boolean exited;
  private Frontier current = new Frontier();
  private volatile Frontier next = new Frontier();
  private volatile int level;
  private long peakQueueBytes;
  private Member[] members;
  /** The fingerprints this member took over from a checkpoint (part of its seen-set). */
  private final LongList baseFps = new LongList();

  MemberJob(MemberNode node, String id, UUID client, int index, List<UUID> memberIds,
      SpecModel model, int fpIndex, boolean deadlockOff, int workers, Map<Value, Value> registers,
      int epoch, long seed) {
    this.node = node;
    this.id = id;
    this.client = client;
    this.index = index;
    this.memberIds = memberIds;
    this.model = model;
    this.fingerprinter = new StateFingerprinter(model, fpIndex);
    this.codec = ValueCodec.portable(model.strings());
    this.parents = new ParentTable(index, epoch);
    this.invariants = model.invariants();
    this.actionProperties = model.actionProperties();
    this.initialProperties = model.initialProperties();
    this.hasConstraints = model.hasConstraints();
    this.checkDeadlock = model.checkDeadlock() && !deadlockOff;
    this.workers = Math.max(1, workers);
    this.registers = registers;
    this.control = new io.synod.checker.engine.SettingsControl("bfs", this.workers, checkDeadlock, seed, fpIndex,
        () -> new SearchStats(generated.sum(), distinct.sum(), next.size(), depth.get()), () -> exited = true);
  }

  String id() {
    return id;
  }

  UUID client() {
    return client;
  }

  /** The member that owns fingerprint {@code fp}: its partition's, partitions dealt round-robin. */
  static int owner(long fp, int members) {
    // the seen-set takes its slots from the fingerprint's bits; the partition from a mix of them
    long mixed = (fp ^ (fp >>> 29)) * 0xBF58476D1CE4E5B9L;
    int partition = (int) Long.remainderUnsigned(mixed >>> 16, PARTITIONS);
    return partition % members;
  }

  private Member member(int i) {
    if (members == null) {
      Member[] ms = new Member[memberIds.size()];
      for (Member m : node.hazelcast().getCluster().getMembers()) {
        int k = memberIds.indexOf(m.getUuid());
        if (k >= 0) {
          ms[k] = m;
        }
      }
      for (int k = 0; k < ms.length; k++) {
        if (ms[k] == null) {
          throw new IllegalStateException("member " + k + " of the check has left the cluster");
        }
      }
      members = ms;
    }
    return members[i];
  }

  private EvalContext context() {
    EvalContext c = contexts.poll();
    if (c == null) {
      // every member's contexts are worker 0's, as one machine's first worker (constant-level
      // definitions draw from the run's seed alone, so every member fixes the same values)
      c = new EvalContext(0, output);
      c.registers = new java.util.HashMap<>(registers);
      c.search = control;
    }
    return c;
  }

  private void fail(Found f) {
    synchronized (failures) {
      if (stop) {
        return;
      }
      failures.add(f);
      stop = true;
    }
  }

  private byte[] encode(Value[] s) {
    if (s == null) {
      return null;
    }
    BinaryOut out = new BinaryOut(64);
    return writeState(s, out) ? java.util.Arrays.copyOf(out.array(), out.length()) : null;
  }

  private boolean writeState(Value[] s, BinaryOut out) {
    out.writeVarLong(s.length);
    for (Value v : s) {
      if (!codec.write(v, out)) {
        return false;
      }
    }
    return true;
  }

  Value[] decode(byte[] buf, int off, int len) {
    return decode(codec, buf, off, len);
  }

  /** A state a member encoded, read back through a portable codec of the same model. */
  static Value[] decode(ValueCodec codec, byte[] buf, int off, int len) {
    BinaryIn in = new BinaryIn(buf, off, len);
    Value[] s = new Value[in.readCount()];
    for (int k = 0; k < s.length; k++) {
      s[k] = codec.read(in);
    }
    return s;
  }

  private static Verdict verdictOf(SpecError e) {
    return switch (e.kind()) {
      case ASSERT -> Verdict.ASSERT;
      case CODED -> Verdict.CODED_EVAL_ERROR;
      case EVALUATION, POSTCONDITION, ASSUMPTION -> Verdict.EVAL_ERROR;
    };
  }

  private void unshippable(long parent) {
    fail(new Found(Verdict.SYSTEM_ERROR, null, "A state holds a value that cannot be sent to"
        + " another cluster member (an infinite or lazy set, such as Nat or SUBSET S); check this"
        + " model on one machine.", parent, null, List.of()));
  }

  /**
   * Admits state {@code t} (or its encoding {@code buf[off, off+len)}) with fingerprint {@code fp}
   * of level {@code lvl}, reached from state {@code parent}: a new state is checked against the
   * invariants and queued (its encoding appended to {@code queue}). True if it was new.
   */
  private boolean admit(long fp, long parent, Value[] t, byte[] buf, int off, int len, int lvl,
      EvalContext ctx, Bytes queue, int[] queued) {
    if (!seen.add(fp)) {
      return false;
    }
    long gid = parents.append(fp, parent);
    distinct.increment();
    depth.accumulateAndGet(lvl, Math::max);
    if (!invariants.isEmpty() || (lvl == 1 && !initialProperties.isEmpty())) {
      if (t == null) {
        t = decode(buf, off, len);
      }
      ctx.level = lvl;
      checkNew(t, parent, lvl, ctx, buf == null ? null : java.util.Arrays.copyOfRange(buf, off, off + len));
    }
    if (!stop || lvl == 1) {
      queue.writeVarLong(gid);
      queue.writeLong(fp);
      if (buf == null) {
        byte[] enc = encode(t);
        if (enc == null) {
          unshippable(parent);
          return true;
        }
        queue.writeVarLong(enc.length);
        queue.write(enc, 0, enc.length);
      } else {
        queue.writeVarLong(len);
        queue.write(buf, off, len);
      }
      queued[0]++;
    }
    return true;
  }

  /** The invariants (and, for an initial state, the initial properties) of a new state. */
  private void checkNew(Value[] t, long parent, int lvl, EvalContext ctx, byte[] enc) {
    int inv;
    try {
      inv = model.firstViolatedInvariant(t, ctx);
    } catch (SpecError e) {
      if (lvl == 1) {
        fail(new Found(verdictOf(e), null, e.getMessage() + "\nWhile working on the initial state:",
            parent, enc != null ? enc : encode(t), Found.of(e.stack())));
      } else {
        String name = e.check() >= 0 ? invariants.get(e.check()) : "";
        fail(new Found(Verdict.INVARIANT_EVAL_ERROR, null, "Evaluating invariant " + name
            + " failed.\n" + e.getMessage(), parent, enc != null ? enc : encode(t), List.of()));
      }
      return;
    }
    if (inv >= 0) {
      String name = invariants.get(inv);
      fail(new Found(Verdict.INVARIANT, name, lvl == 1
          ? "Invariant " + name + " is violated by the initial state:"
          : "Invariant " + name + " is violated.", parent, enc != null ? enc : encode(t), List.of()));
    }
    if (lvl == 1 && !initialProperties.isEmpty()) {
      int ip = model.firstViolatedInitialProperty(t, ctx);
      if (ip >= 0) {
        String name = initialProperties.get(ip);
        fail(new Found(Verdict.INVARIANT, name, "Property " + name
            + " is violated by the initial state:", parent, enc != null ? enc : encode(t), List.of()));
      }
    }
  }

  /**
   * Enumerates the initial states (every member enumerates them all) and admits those this
   * member owns; each enumerated state is counted by its owner only.
   */
  LevelReport init() {
    EvalContext ctx = context();
    Bytes queue = new Bytes(4096);
    int[] queued = {0};
    Value[][] pending = new Value[1][];
    ctx.level = 0;
    boolean forwardsInit = index == 0;
    muted = !forwardsInit;
    long[] enumerated = {0};
    try {
      model.initialStates(ctx, s -> {
        if (stop) {
          return false;
        }
        long at = enumerated[0]++;
        pending[0] = s;
        ctx.level = 1;
        long fp = fingerprinter.of(s, ctx);
        if (owner(fp, memberIds.size()) == index) {
          muted = false;
          // every member enumerates every initial state: only its owner counts it, decides
          // the constraints and counts the _POSSIBLE predicates it satisfies
          boolean inModel = !hasConstraints || model.satisfiesConstraints(s, ctx);
          generated.increment();
          if (inModel) {
            admit(fp, ParentTable.NO_PARENT, s, null, 0, 0, 1, ctx, queue, queued);
          } else {
            checkNew(s, ParentTable.NO_PARENT, 1, ctx, null);
          }
        }
        pending[0] = null;
        ctx.level = 0;
        muted = !forwardsInit;
        if (stop && initFailureAt == Long.MAX_VALUE) {
          initFailureAt = at;
        }
        return !stop;
      });
    } catch (SpecError e) {
      initFailureAt = enumerated[0];
      Verdict v = e.kind() == SpecError.Kind.ASSERT ? Verdict.ASSERT : Verdict.EVAL_ERROR;
      fail(new Found(v, null, e.getMessage(), ParentTable.NO_PARENT, encode(pending[0]),
          Found.of(e.stack())));
    }
    muted = false;
    next.add(queue, queued[0]);
    contexts.add(ctx);
    return report();
  }

  /** The level barrier: the next level's queue becomes the one to expand. */
  synchronized long advance() {
    current = next;
    next = new Frontier();
    expanded.reset();
    level++;
    peakQueueBytes = Math.max(peakQueueBytes, current.bytes());
    return current.size();
  }

  /**
   * Expands every state of this member's current level, with {@code workers} threads, and returns
   * once every successor it shipped has been admitted (or not) by its owner: when all members
   * returned, the next level is complete everywhere.
   */
  LevelReport expand() throws InterruptedException {
    Frontier f = current;
    int chunks = f.chunkCount();
    long[] starts = new long[chunks + 1];
    for (int i = 0; i < chunks; i++) {
      starts[i + 1] = starts[i] + f.count(i);
    }
    int[] fresh = new int[(int) starts[chunks]];
    AtomicInteger cursor = new AtomicInteger();
    Throwable[] crash = new Throwable[1];
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      // as deep a stack as a single-machine worker's: evaluation recursion follows the spec
      Thread t = new Thread(null, () -> {
        try {
          new Expander(f, starts, fresh, cursor).run();
        } catch (Throwable e) {
          synchronized (crash) {
            crash[0] = e;
          }
          stop = true;
        }
      }, "synod-member-worker", 1L << 30);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (crash[0] instanceof RuntimeException re) {
      throw re;
    }
    if (crash[0] instanceof Error e) {
      throw e;
    }
    if (crash[0] != null) {
      throw new IllegalStateException(crash[0]);
    }
    synchronized (outdegree) {
      for (int x : fresh) {
        outdegree.record(x);
      }
    }
    return report();
  }

  /** Admits a batch of states another member generated; one bit per state: whether it was new. */
  byte[] deliver(byte[] batch, int count, int lvl) {
    EvalContext ctx = context();
    Bytes queue = new Bytes(batch.length + 64);
    int[] queued = {0};
    byte[] flags = new byte[(count + 7) / 8];
    Bytes.Cursor in = new Bytes.Cursor(batch, 0, batch.length);
    try {
      for (int i = 0; i < count; i++) {
        long fp = in.readLong();
        long parent = in.readVarLong();
        int len = (int) in.readVarLong();
        int off = in.pos;
        in.pos += len;
        if (admit(fp, parent, null, batch, off, len, lvl, ctx, queue, queued)) {
          flags[i >>> 3] |= (byte) (1 << (i & 7));
        }
      }
    } finally {
      next.add(queue, queued[0]);
      contexts.add(ctx);
    }
    return flags;
  }

  /**
   * Writes this member's part of a checkpoint at a level barrier (after {@link #advance}: the
   * queue is the next level's, nothing of it expanded).
   */
  synchronized void checkpoint(java.nio.file.Path file) throws java.io.IOException {
    CheckpointFile.write(file, baseFps, parents, current);
  }

  /**
   * Takes over, from the parts of a checkpoint written by the members of an earlier epoch, the
   * seen fingerprints and the queued states of the partitions this member owns now; the queue
   * is that of level {@code lvl}.
   */
  synchronized long resume(List<java.nio.file.Path> files, int lvl) throws java.io.IOException {
    int n = memberIds.size();
    Frontier f = new Frontier();
    Bytes chunk = new Bytes(BATCH_BYTES + 1024);
    int[] count = {0};
    for (java.nio.file.Path file : files) {
      CheckpointFile.read(file, new CheckpointFile.Reader() {
        @Override
        public void seen(long fp) {
          if (owner(fp, n) == index) {
            seen.add(fp);
            baseFps.add(fp);
          }
        }

        @Override
        public void queued(byte[] buf, int off, int len, long fp) {
          if (owner(fp, n) == index) {
            chunk.write(buf, off, len);
            count[0]++;
            if (chunk.length() >= BATCH_BYTES) {
              f.add(chunk, count[0]);
              chunk.reset();
              count[0] = 0;
            }
          }
        }
      });
    }
    f.add(chunk, count[0]);
    if (model.possibleCounts() != null) {
      // no initial states computed here: the counts of this epoch start from zero
      model.setPossibleCounts(new long[0]);
    }
    current = f;
    next = new Frontier();
    expanded.reset();
    level = lvl;
    return f.size();
  }

  /** {fingerprint, parent id} of one of this member's states. */
  long[] parentOf(long gid) {
    return parents.entry(gid);
  }

  LevelReport report() {
    List<Found> fs;
    synchronized (failures) {
      fs = List.copyOf(failures);
    }
    long[] hist;
    synchronized (outdegree) {
      hist = outdegree.histogram();
    }
    List<String> lines = new ArrayList<>();
    for (String l; (l = printed.poll()) != null; ) {
      lines.add(l);
    }
    printedKept.addAndGet(-lines.size());
    long dropped = printedDropped.sumThenReset();
    long left = next.size() + Math.max(0, current.size() - expanded.sum());
    return new LevelReport(generated.sum(), distinct.sum(), depth.get(), left, fs, initFailureAt,
        exited,
        hist, model.possibleCounts(), lines, dropped, seen.bytes(), parents.bytes(), Math.max(peakQueueBytes, next.bytes()),
        bytesSent.get(), statesSent.get());
  }

  /** A batch on its way to its owner, with the queue positions of the states it came from. */
  private record InFlight(Future<byte[]> reply, int[] origins, int count) {}

  /** One thread expanding states of the level; also the sender of their successors. */
  private final class Expander implements SuccessorSink {
    private final Frontier frontier;
    private final long[] starts;
    private final int[] fresh;
    private final AtomicInteger cursor;
    private final EvalContext ctx = context();
    private final int n = memberIds.size();
    private final Bytes[] out = new Bytes[n];
    private final int[][] origins = new int[n][];
    private final int[] counts = new int[n];
    @SuppressWarnings("unchecked")
    private final ArrayDeque<InFlight>[] inFlight = new ArrayDeque[n];
    private final Bytes queue = new Bytes(BATCH_BYTES);
    private final int[] queued = {0};
    private final BinaryOut scratch = new BinaryOut(256);
    private Value[] current;
    private long currentId;
    private int currentIndex;
    private int successors;
    private Value[] pending;

    Expander(Frontier frontier, long[] starts, int[] fresh, AtomicInteger cursor) {
      this.frontier = frontier;
      this.starts = starts;
      this.fresh = fresh;
      this.cursor = cursor;
      for (int i = 0; i < n; i++) {
        out[i] = new Bytes(BATCH_BYTES + 1024);
        origins[i] = new int[256];
        inFlight[i] = new ArrayDeque<>();
      }
    }

    void run() throws InterruptedException, ExecutionException {
      try {
        int c;
        while (!stop && !exited && (c = cursor.getAndIncrement()) < frontier.chunkCount()) {
          byte[] chunk = frontier.chunk(c);
          int count = frontier.count(c);
          frontier.release(c);
          Bytes.Cursor in = new Bytes.Cursor(chunk, 0, chunk.length);
          for (int i = 0; i < count && !stop && !exited; i++) {
            long gid = in.readVarLong();
            in.readLong();
            int len = (int) in.readVarLong();
            Value[] s = decode(chunk, in.pos, len);
            in.pos += len;
            expand(s, gid, (int) (starts[c] + i));
          }
        }
        for (int d = 0; d < n; d++) {
          send(d);
        }
        for (int d = 0; d < n; d++) {
          while (!inFlight[d].isEmpty()) {
            settle(inFlight[d].poll());
          }
        }
      } finally {
        next.add(queue, queued[0]);
        contexts.add(ctx);
      }
    }

    private void expand(Value[] s, long gid, int idx) {
      expanded.increment();
      current = s;
      currentId = gid;
      currentIndex = idx;
      successors = 0;
      pending = null;
      ctx.level = level;
      try {
        model.successors(s, ctx, this);
      } catch (SpecError e) {
        fail(new Found(verdictOf(e), null, e.getMessage(), gid, encode(pending),
            Found.of(e.stack())));
        return;
      }
      if (!stop && successors == 0 && checkDeadlock) {
        fail(new Found(Verdict.DEADLOCK, null, "Deadlock reached.", gid, null, List.of()));
      }
    }

    @Override
    public boolean accept(Value[] t, ActionLabel action) {
      if (stop) {
        return false;
      }
      successors++;
      generated.increment();
      pending = t;
      int lvl = level + 1;
      ctx.level = lvl;
      boolean inModel = !hasConstraints || (model.satisfiesConstraints(current, t, ctx)
          && actionConstraints(t, lvl));
      if (inModel) {
        long fp = fingerprinter.of(t, ctx);
        int o = owner(fp, n);
        if (o == index) {
          if (admit(fp, currentId, t, null, 0, 0, lvl, ctx, queue, queued)) {
            fresh[currentIndex]++;
          }
          if (queue.length() >= BATCH_BYTES) {
            next.add(queue, queued[0]);
            queue.reset();
            queued[0] = 0;
          }
        } else {
          ship(o, fp, t);
        }
      } else {
        int inv;
        try {
          inv = model.firstViolatedInvariant(current, t, ctx);
        } catch (SpecError e) {
          String name = e.check() >= 0 ? invariants.get(e.check()) : "";
          fail(new Found(Verdict.INVARIANT_EVAL_ERROR, null, "Evaluating invariant " + name
              + " failed.\n" + e.getMessage(), currentId, encode(t), List.of()));
          inv = -1;
        }
        if (inv >= 0) {
          String name = invariants.get(inv);
          fail(new Found(Verdict.INVARIANT, name, "Invariant " + name + " is violated.",
              currentId, encode(t), List.of()));
        }
      }
      if (!actionProperties.isEmpty()) {
        ctx.level = lvl - 1;
        int ap;
        try {
          ap = model.firstViolatedActionProperty(current, t, ctx);
        } catch (SpecError e) {
          String name = e.check() >= 0 ? actionProperties.get(e.check()) : "";
          fail(new Found(Verdict.ACTION_PROPERTY_EVAL_ERROR, null, "Evaluating action property "
              + name + " failed.\n" + e.getMessage(), currentId, encode(t), List.of()));
          ap = -1;
        }
        if (ap >= 0) {
          String name = actionProperties.get(ap);
          fail(new Found(Verdict.ACTION_PROPERTY, name, "Action property " + name
              + " is violated.", currentId, encode(t), List.of()));
        }
      }
      ctx.level = level;
      pending = null;
      return !stop;
    }

    @Override
    public void generatedNotOffered(int count) {
      generated.add(count);
    }

    private boolean actionConstraints(Value[] t, int lvl) {
      ctx.level = lvl - 1;
      try {
        return model.satisfiesActionConstraints(current, t, ctx);
      } finally {
        ctx.level = lvl;
      }
    }

    private void ship(int d, long fp, Value[] t) {
      scratch.reset();
      if (!writeState(t, scratch)) {
        unshippable(currentId);
        return;
      }
      Bytes b = out[d];
      b.writeLong(fp);
      b.writeVarLong(currentId);
      b.writeVarLong(scratch.length());
      b.write(scratch.array(), 0, scratch.length());
      if (counts[d] == origins[d].length) {
        origins[d] = java.util.Arrays.copyOf(origins[d], counts[d] * 2);
      }
      origins[d][counts[d]++] = currentIndex;
      if (b.length() >= BATCH_BYTES) {
        try {
          send(d);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while sending states", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException(MemberNode.rootMessage(e), e);
        }
      }
    }

    private void send(int d) throws InterruptedException, ExecutionException {
      if (counts[d] == 0) {
        return;
      }
      while (inFlight[d].size() >= MAX_IN_FLIGHT) {
        settle(inFlight[d].poll());
      }
      byte[] batch = out[d].copy();
      bytesSent.addAndGet(batch.length);
      statesSent.addAndGet(counts[d]);
      Future<byte[]> reply = node.hazelcast().getExecutorService(Hz.EXECUTOR).submitToMember(
          new Tasks.Deliver(id, batch, counts[d], level + 1), member(d));
      inFlight[d].add(new InFlight(reply, java.util.Arrays.copyOf(origins[d], counts[d]), counts[d]));
      out[d].reset();
      counts[d] = 0;
    }

    private void settle(InFlight f) throws InterruptedException, ExecutionException {
      byte[] flags = f.reply().get();
      for (int i = 0; i < f.count(); i++) {
        if ((flags[i >>> 3] & (1 << (i & 7))) != 0) {
          fresh[f.origins()[i]]++;
        }
      }
    }
  }
}
