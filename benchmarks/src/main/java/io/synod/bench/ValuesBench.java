package io.synod.bench;

import io.synod.checker.value.FcnValue;
import io.synod.checker.value.Fingerprints;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.ModelValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Value-layer costs on the model checker's hot path: fingerprinting a typical state, building a
 * successor by EXCEPT and fingerprinting it, and normalising sets.
 *
 * <p>The "typical state" is a small Raft-like model: per-node records holding a term, a role
 * string and a log of (term, command) records, a set of in-flight messages, and two counters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ValuesBench {
  private final Fingerprints fp = Fingerprints.family(0);
  private Value[] state;
  private ModelValue[] nodes;
  private StringValue term;
  private Value[] shuffledInts;
  private Value[] shuffledRecords;
  private SetValue evens;
  private SetValue odds;
  private int tick;

  @Setup
  public void setUp() {
    StringTable t = new StringTable();
    term = t.string("term");
    StringValue role = t.string("role");
    StringValue log = t.string("log");
    StringValue cmd = t.string("cmd");
    nodes = new ModelValue[] {t.modelValue("n1"), t.modelValue("n2"), t.modelValue("n3")};
    Value[] perNode = new Value[3];
    for (int i = 0; i < 3; i++) {
      Value entry = Values.record(new StringValue[] {term, cmd}, new Value[] {IntValue.of(1), t.string("put")});
      perNode[i] = Values.record(new StringValue[] {term, role, log},
          new Value[] {IntValue.of(i + 1), t.string(i == 0 ? "leader" : "follower"), Values.tuple(entry, entry)});
    }
    Value servers = Values.fcn(nodes, perNode);
    List<Value> msgs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      msgs.add(Values.record(new StringValue[] {t.string("from"), t.string("to"), term},
          new Value[] {nodes[i % 3], nodes[(i + 1) % 3], IntValue.of(i)}));
    }
    state = new Value[] {servers, Values.set(msgs), IntValue.of(3), TupleValue.EMPTY};

    Random rnd = new Random(42);
    List<Value> ints = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      ints.add(IntValue.of(rnd.nextInt(1000)));
    }
    shuffledInts = ints.toArray(new Value[0]);
    List<Value> recs = new ArrayList<>(msgs);
    Collections.shuffle(recs, rnd);
    shuffledRecords = recs.toArray(new Value[0]);
    List<Value> e = new ArrayList<>();
    List<Value> o = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      (i % 2 == 0 ? e : o).add(IntValue.of(i));
    }
    evens = Values.set(e);
    odds = Values.set(o);
  }

  /** Fingerprint of a state whose values are already built (cached value fingerprints). */
  @Benchmark
  public long stateFingerprint() {
    return fp.ofState(state);
  }

  /** A successor: EXCEPT on one node's term (rebuilding two records and a function), then its fingerprint. */
  @Benchmark
  public long successorExceptAndFingerprint() {
    FcnValue servers = (FcnValue) state[0];
    ModelValue n = nodes[tick++ % 3];
    FcnValue node = (FcnValue) servers.apply(n);
    Value bumped = node.except(term, IntValue.of(tick & 1023));
    Value[] next = state.clone();
    next[0] = servers.except(n, bumped);
    return fp.ofState(next);
  }

  /** Normalising 32 random integers into a set (sort + de-duplicate + hash). */
  @Benchmark
  public Object setOf32Ints() {
    return Values.set(shuffledInts);
  }

  /** Normalising 6 records (canonical order compares field by field). */
  @Benchmark
  public Object setOf6Records() {
    return Values.set(shuffledRecords);
  }

  /** Union of two 32-element sets (linear merge). */
  @Benchmark
  public Object unionOf32And32() {
    return Values.union(evens, odds);
  }
}
