package io.synod.checker.value;

/**
 * A function whose domain is a non-empty set of strings: a record {@code [a |-> 1, b |-> 2]}.
 * Fields are kept in canonical order (interning order of the names). It prints as a record when
 * every field name is an identifier, else as {@code ("a b" :> 1)}, as TLC does.
 *
 * <p>A record built by a constructor also remembers the order its fields were written in: TLC
 * normalises a record lazily (on comparison or fingerprinting), so {@code Print}, {@code PrintT}
 * and {@code ToString} of a fresh record show the written order; see {@link #writtenAt}.
 */
public final class RecordValue extends FcnValue {
  private final StringValue[] names;
  private final Value[] values;
  /** Canonical index of the k-th field as written, or null when written in canonical order. */
  private final int[] written;

  RecordValue(StringValue[] names, Value[] values) {
    this(names, values, null);
  }

  private RecordValue(StringValue[] names, Value[] values, int[] written) {
    super(hashPairs(names, values));
    this.names = names;
    this.values = values;
    this.written = written;
  }

  /**
   * The canonical layout of the records a constructor {@code [a |-> .., b |-> ..]} builds: its
   * field names in canonical order and where each written field goes. Computed once per
   * constructor, so building a record is filling an array instead of sorting its names.
   */
  public static final class Shape {
    private final StringValue[] names;
    private final int[] canonicalIndex;
    private final int[] written;

    private Shape(StringValue[] names, int[] canonicalIndex, int[] written) {
      this.names = names;
      this.canonicalIndex = canonicalIndex;
      this.written = written;
    }

    /**
     * The shape of records written with {@code writtenNames} in this order, or null when a name
     * repeats or there are none (those go through {@link Values#record}).
     */
    public static Shape of(StringValue[] writtenNames) {
      int n = writtenNames.length;
      if (n == 0) {
        return null;
      }
      StringValue[] sorted = writtenNames.clone();
      java.util.Arrays.sort(sorted, Value::compareTo);
      for (int i = 1; i < n; i++) {
        if (sorted[i - 1].compareTo(sorted[i]) == 0) {
          return null;
        }
      }
      int[] index = new int[n];
      boolean canonical = true;
      for (int k = 0; k < n; k++) {
        index[k] = java.util.Arrays.binarySearch(sorted, writtenNames[k], Value::compareTo);
        canonical &= index[k] == k;
      }
      return new Shape(sorted, index, canonical ? null : index);
    }

    /** Number of fields. */
    public int size() {
      return names.length;
    }

    /** Canonical position of the {@code k}-th field as written. */
    public int canonicalIndex(int k) {
      return canonicalIndex[k];
    }

    /**
     * The record with {@code canonicalValues} (indexed by canonical position, filled through
     * {@link #canonicalIndex}); the array belongs to the record afterwards.
     */
    public RecordValue build(Value[] canonicalValues) {
      return new RecordValue(names, canonicalValues, written);
    }
  }

  /**
   * This record remembering that its fields were written in the order of {@code writtenNames}
   * (a permutation of its names; anything else leaves the record as it is).
   */
  RecordValue writtenAs(StringValue[] writtenNames) {
    if (writtenNames.length != names.length) {
      return this;
    }
    int[] order = new int[names.length];
    boolean canonical = true;
    for (int k = 0; k < order.length; k++) {
      order[k] = indexOf(writtenNames[k]);
      if (order[k] < 0) {
        return this;
      }
      canonical &= order[k] == k;
    }
    return canonical ? this : new RecordValue(names, values, order);
  }

  /** The canonical index of the field written k-th (k itself unless written out of order). */
  public int writtenAt(int k) {
    return written == null ? k : written[k];
  }

  public StringValue nameAt(int i) {
    return names[i];
  }

  /** The field {@code r.name}, or {@code null} if absent. */
  public Value field(StringValue name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Value domainAt(int i) {
    return names[i];
  }

  @Override
  public Value valueAt(int i) {
    return values[i];
  }

  @Override
  public int indexOf(Value arg) {
    if (!(arg instanceof StringValue s)) {
      return -1;
    }
    if (names.length <= 8) {
      for (int i = 0; i < names.length; i++) {
        if (names[i] == s || names[i].equals(s)) {
          return i;
        }
      }
      return -1;
    }
    int lo = 0;
    int hi = names.length - 1;
    int tok = s.token();
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int t = names[mid].token();
      if (t < tok) {
        lo = mid + 1;
      } else if (t > tok) {
        hi = mid - 1;
      } else {
        return names[mid].equals(s) ? mid : -1;
      }
    }
    return -1;
  }

  @Override
  public SetValue domain() {
    return SetEnumValue.ofSorted(names.clone());
  }

  @Override
  public FcnValue withValues(Value[] values) {
    return new RecordValue(names, values, written);
  }

  @Override
  FcnValue withValueAt(int i, Value v) {
    Value[] a = values.clone();
    a[i] = v;
    return new RecordValue(names, a, written);
  }

  /** Whether TLC prints this function in record syntax. */
  public boolean printsAsRecord() {
    for (StringValue n : names) {
      if (!n.isIdentifier()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (!printsAsRecord()) {
      appendPairs(sb);
      return;
    }
    sb.append('[');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i].text()).append(" |-> ");
      values[i].appendTo(sb);
    }
    sb.append(']');
  }
}
