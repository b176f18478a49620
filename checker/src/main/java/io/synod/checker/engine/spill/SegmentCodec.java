package io.synod.checker.engine.spill;

import io.synod.checker.value.BinaryIn;
import io.synod.checker.value.BinaryOut;
import io.synod.checker.value.Value;
import io.synod.checker.value.ValueCodec;

/** Encodes a run of queued states with their ids: count, then per state id, width, values. */
final class SegmentCodec {
  private SegmentCodec() {}

  /** Appends the first {@code n} states to {@code out}; false if a value cannot be written. */
  static boolean encode(ValueCodec codec, Value[][] states, long[] ids, int n, BinaryOut out) {
    out.writeVarLong(n);
    for (int i = 0; i < n; i++) {
      Value[] s = states[i];
      out.writeVarLong(ids[i]);
      out.writeVarLong(s.length);
      for (Value v : s) {
        if (!codec.write(v, out)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Decodes {@code n} states into {@code states} and {@code ids}. */
  static void decode(ValueCodec codec, BinaryIn in, int n, Value[][] states, long[] ids) {
    int count = in.readCount();
    if (count != n) {
      throw new IllegalStateException("spilled segment holds " + count + " states, expected " + n);
    }
    for (int i = 0; i < n; i++) {
      ids[i] = in.readVarLong();
      Value[] s = new Value[in.readCount()];
      for (int k = 0; k < s.length; k++) {
        s[k] = codec.read(in);
      }
      states[i] = s;
    }
  }
}
