package io.synod.checker.engine.spill;

import io.synod.checker.value.BinaryIn;
import io.synod.checker.value.BinaryOut;
import io.synod.checker.value.Value;
import io.synod.checker.value.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Queued states in a stream (a checkpoint): batches of up to {@link Segment#CAPACITY} states in
 * the spill encoding, each as its state count and byte length, then a count of 0.
 */
public final class StateBatches {
  private StateBatches() {}

  /** Collects states and writes them a batch at a time; {@link #finish} ends the stream. */
  public static final class Writer implements StateVisitor {
    private final ValueCodec codec;
    private final DataOutput out;
    private final BinaryOut buf = new BinaryOut(1 << 16);
    private final Value[][] states = new Value[Segment.CAPACITY][];
    private final long[] ids = new long[Segment.CAPACITY];
    private int n;
    private long count;

    public Writer(ValueCodec codec, DataOutput out) {
      this.codec = codec;
      this.out = out;
    }

    /**
     * @throws SpillException when a state holds a value with no encoding
     * @throws UncheckedIOException when writing fails
     */
    @Override
    public void visit(Value[] state, long id) {
      states[n] = state;
      ids[n++] = id;
      if (n == states.length) {
        flush();
      }
    }

    private void flush() {
      if (n == 0) {
        return;
      }
      buf.reset();
      if (!SegmentCodec.encode(codec, states, ids, n, buf)) {
        throw new SpillException("a queued state holds a value with no disk form (such as Nat,"
            + " Seq(S) or a large SUBSET S)");
      }
      try {
        out.writeInt(n);
        out.writeInt(buf.length());
        out.write(buf.array(), 0, buf.length());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      count += n;
      java.util.Arrays.fill(states, 0, n, null);
      n = 0;
    }

    /** Writes what is left and the end of the stream; returns the number of states written. */
    public long finish() throws IOException {
      try {
        flush();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      out.writeInt(0);
      return count;
    }
  }

  /**
   * Reads a stream written by {@link Writer} (with a codec preloaded as the writer's was) and
   * hands each state to {@code sink}; returns the number of states.
   *
   * @throws IllegalStateException when the stream is malformed
   */
  public static long read(ValueCodec codec, DataInput in, StateVisitor sink) throws IOException {
    long total = 0;
    Value[][] states = new Value[Segment.CAPACITY][];
    long[] ids = new long[Segment.CAPACITY];
    while (true) {
      int n = in.readInt();
      if (n == 0) {
        return total;
      }
      int len = in.readInt();
      if (n < 0 || n > Segment.CAPACITY || len < 0 || len > (1 << 30)) {
        throw new IllegalStateException("implausible batch of " + n + " states in " + len + " bytes");
      }
      byte[] b = new byte[len];
      in.readFully(b);
      SegmentCodec.decode(codec, new BinaryIn(b, 0, len), n, states, ids);
      for (int i = 0; i < n; i++) {
        sink.visit(states[i], ids[i]);
        states[i] = null;
      }
      total += n;
    }
  }
}
