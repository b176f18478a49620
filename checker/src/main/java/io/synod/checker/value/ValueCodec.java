package io.synod.checker.value;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of the values a state can hold, for queues that spill to disk. Decoding
 * gives a value that is equal to the original, has its fingerprint and prints the same (records
 * keep the order their fields were written in).
 *
 * <p>Strings and model values are written as small ids of this codec's own table and decoded to
 * the very instances that were encoded, so their interning order (and hence the canonical order)
 * is unchanged. One codec serves one check; it is thread-safe.
 *
 * <p>Supported: booleans, integers (also beyond {@code long}), strings, model values, tuples,
 * records, other finite functions, explicit sets, intervals, and lazy sets that TLC would print
 * enumerated (written as their explicit form). Other lazy sets ({@code Nat}, {@code Seq(S)},
 * large {@code SUBSET S} and the like) are not: {@link #write} then returns false and the
 * caller keeps such a state in memory.
 */
public final class ValueCodec {
  private static final int FALSE = 0;
  private static final int TRUE = 1;
  private static final int INT = 2;
  private static final int BIG = 3;
  private static final int STRING = 4;
  private static final int MODEL = 5;
  private static final int TUPLE = 6;
  private static final int RECORD = 7;
  private static final int RECORD_WRITTEN = 8;
  private static final int FN = 9;
  private static final int SET = 10;
  private static final int INTERVAL = 11;
  /** Tags from here on are the integers 0..(255 - SMALL_INT) in one byte. */
  private static final int SMALL_INT = 64;

  private final ConcurrentHashMap<Value, Integer> ids = new ConcurrentHashMap<>();
  private volatile Value[] byId = new Value[64];
  private int count;

  /**
   * Appends {@code v} to {@code out}; false (with {@code out} possibly holding a partial
   * encoding the caller must discard) if {@code v} holds a value this codec does not write.
   */
  public boolean write(Value v, BinaryOut out) {
    if (v instanceof IntValue i) {
      long x = i.value();
      if (x >= 0 && x <= 255 - SMALL_INT) {
        out.writeByte(SMALL_INT + (int) x);
      } else {
        out.writeByte(INT);
        out.writeSignedVarLong(x);
      }
      return true;
    }
    if (v instanceof BoolValue b) {
      out.writeByte(b.value() ? TRUE : FALSE);
      return true;
    }
    if (v instanceof StringValue || v instanceof ModelValue) {
      out.writeByte(v instanceof StringValue ? STRING : MODEL);
      out.writeVarLong(idOf(v));
      return true;
    }
    if (v instanceof TupleValue t) {
      out.writeByte(TUPLE);
      return writeAll(t, false, out);
    }
    if (v instanceof RecordValue r) {
      return writeRecord(r, out);
    }
    if (v instanceof FnValue f) {
      out.writeByte(FN);
      return writeAll(f, true, out);
    }
    if (v instanceof IntervalValue iv) {
      out.writeByte(INTERVAL);
      out.writeSignedVarLong(iv.lo());
      out.writeSignedVarLong(iv.hi());
      return true;
    }
    if (v instanceof SetValue s) {
      return writeSet(s, out);
    }
    if (v instanceof BigIntValue b) {
      out.writeByte(BIG);
      out.writeBytes(b.big().toByteArray());
      return true;
    }
    return false;
  }

  private boolean writeAll(FcnValue f, boolean withDomain, BinaryOut out) {
    int n = f.size();
    out.writeVarLong(n);
    for (int i = 0; i < n; i++) {
      if (withDomain && !write(f.domainAt(i), out)) {
        return false;
      }
      if (!write(f.valueAt(i), out)) {
        return false;
      }
    }
    return true;
  }

  private boolean writeRecord(RecordValue r, BinaryOut out) {
    int n = r.size();
    boolean canonical = true;
    for (int k = 0; k < n && canonical; k++) {
      canonical = r.writtenAt(k) == k;
    }
    out.writeByte(canonical ? RECORD : RECORD_WRITTEN);
    out.writeVarLong(n);
    for (int i = 0; i < n; i++) {
      out.writeVarLong(idOf(r.nameAt(i)));
      if (!write(r.valueAt(i), out)) {
        return false;
      }
    }
    if (!canonical) {
      for (int k = 0; k < n; k++) {
        out.writeVarLong(r.writtenAt(k));
      }
    }
    return true;
  }

  private boolean writeSet(SetValue s, BinaryOut out) {
    // A lazy set is written as its elements only where that changes nothing visible: TLC prints
    // a small finite lazy set enumerated, as an explicit set prints.
    if (!(s instanceof SetEnumValue) && !(s.isEnumerable() && Values.smallEnough(s))) {
      return false;
    }
    SetEnumValue e = s.toSetEnum();
    int n = (int) e.size();
    out.writeByte(SET);
    out.writeVarLong(n);
    for (int i = 0; i < n; i++) {
      if (!write(e.get(i), out)) {
        return false;
      }
    }
    return true;
  }

  private int idOf(Value v) {
    Integer id = ids.get(v);
    return id != null ? id : register(v);
  }

  private synchronized int register(Value v) {
    Integer id = ids.get(v);
    if (id != null) {
      return id;
    }
    int i = count++;
    Value[] a = byId;
    if (i == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[i] = v;
    byId = a;
    // Published after the table entry: whoever sees the id can look it up.
    ids.put(v, i);
    return i;
  }

  private Value byId(long id) {
    Value[] a = byId;
    if (id < 0 || id >= a.length || a[(int) id] == null) {
      throw new IllegalStateException("unknown string id " + id + " in encoded value");
    }
    return a[(int) id];
  }

  /** Reads one value written by {@link #write} of this codec. */
  public Value read(BinaryIn in) {
    int tag = in.readByte();
    if (tag >= SMALL_INT) {
      return IntValue.of(tag - SMALL_INT);
    }
    switch (tag) {
      case FALSE:
        return BoolValue.FALSE;
      case TRUE:
        return BoolValue.TRUE;
      case INT:
        return IntValue.of(in.readSignedVarLong());
      case BIG:
        return IntValue.of(new BigInteger(in.readBytes()));
      case STRING:
      case MODEL:
        return byId(in.readVarLong());
      case TUPLE: {
        Value[] elems = readArray(in, in.readCount());
        return TupleValue.wrap(elems);
      }
      case RECORD:
      case RECORD_WRITTEN:
        return readRecord(in, tag == RECORD_WRITTEN);
      case FN: {
        int n = in.readCount();
        Value[] dom = new Value[n];
        Value[] vals = new Value[n];
        for (int i = 0; i < n; i++) {
          dom[i] = read(in);
          vals[i] = read(in);
        }
        return new FnValue(dom, vals);
      }
      case SET:
        return SetEnumValue.ofSorted(readArray(in, in.readCount()));
      case INTERVAL: {
        long lo = in.readSignedVarLong();
        return new IntervalValue(lo, in.readSignedVarLong());
      }
      default:
        throw new IllegalStateException("unknown value tag " + tag + " in encoded value");
    }
  }

  private Value[] readArray(BinaryIn in, int n) {
    Value[] a = new Value[n];
    for (int i = 0; i < n; i++) {
      a[i] = read(in);
    }
    return a;
  }

  private Value readRecord(BinaryIn in, boolean written) {
    int n = in.readCount();
    StringValue[] names = new StringValue[n];
    Value[] vals = new Value[n];
    for (int i = 0; i < n; i++) {
      names[i] = (StringValue) byId(in.readVarLong());
      vals[i] = read(in);
    }
    RecordValue r = new RecordValue(names, vals);
    if (!written) {
      return r;
    }
    StringValue[] order = new StringValue[n];
    for (int k = 0; k < n; k++) {
      order[k] = names[(int) in.readVarLong()];
    }
    return r.writtenAs(order);
  }

  /**
   * Gives {@code values} (strings and model values) the ids 0, 1, ... in order, before anything
   * is written: a codec preloaded with the same list reads what this one writes, in another
   * process (checkpoints). Call on a fresh codec only.
   */
  public void preload(java.util.List<? extends Value> values) {
    if (count != 0) {
      throw new IllegalStateException("preload a fresh codec only");
    }
    for (Value v : values) {
      register(v);
    }
  }

  /** How many strings and model values have ids. */
  public synchronized int tableSize() {
    return count;
  }
}
