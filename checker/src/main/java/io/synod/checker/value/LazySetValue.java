package io.synod.checker.value;

import java.util.Iterator;

/**
 * Base of lazy set forms: caches the fingerprint and the explicit form once computed (both are
 * pure functions of the immutable operands, so a benign race only repeats work).
 */
public abstract class LazySetValue extends SetValue {
  private volatile SetEnumValue enumerated;
  private volatile long fp;
  private volatile boolean fpDone;

  @Override
  public final long fingerprint() {
    if (!fpDone) {
      fp = enumerated != null ? enumerated.fingerprint() : enumeratedFingerprint();
      fpDone = true;
    }
    return fp;
  }

  @Override
  public final SetEnumValue toSetEnum() {
    SetEnumValue e = enumerated;
    if (e == null) {
      if (!isEnumerable()) {
        throw enumerationError();
      }
      e = materialize();
      enumerated = e;
      enumerated(e);
    }
    return e;
  }

  /**
   * Called once the explicit form is known and published: a form may drop the operands it no
   * longer needs. A race may call it more than once, always with an equal set.
   */
  void enumerated(SetEnumValue e) {
  }

  /** The explicit form if it has been computed already, else null (never computes it). */
  public final SetEnumValue enumeratedIfKnown() {
    return enumerated;
  }

  /** Builds the explicit form; default collects {@link #iterator()} (already canonical). */
  SetEnumValue materialize() {
    Value[] a = new Value[intSize()];
    int i = 0;
    for (Iterator<Value> it = iterator(); it.hasNext(); ) {
      a[i++] = it.next();
    }
    return SetEnumValue.ofSorted(a);
  }
}
