package io.synod.checker.eval;

import io.synod.checker.value.Value;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps operator applications generated from one state ({@link Act.Memo}), kept while that
 * state is expanded: the liveness checker enumerates each fairness action {@code A} from every
 * state to decide {@code <<A>>_v} and {@code ENABLED <<A>>_v}, and A is usually made of the
 * very applications the next-state relation just evaluated there. One per worker context.
 */
final class CallMemo {
  /** The state the steps start from (compared by identity). */
  Value[] state;
  /** Set while an application records its steps: the ones it makes are part of them. */
  boolean recording;
  final Map<Key, List<Value[]>> steps = new HashMap<>();
  /** Set while the atoms' enumerations run (rather than the search's successor generation). */
  boolean forAtoms;
  /** The operators the atoms' enumerations applied so far: the ones worth keeping steps of. */
  final java.util.Set<OpDefn> wanted =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** Starts over for the expansion of {@code s}. */
  void reset(Value[] s) {
    state = s;
    recording = false;
    forAtoms = false;
    steps.clear();
  }

  record Key(OpDefn def, Value[] args) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.def == def && Arrays.equals(k.args, args);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(def) * 31 + Arrays.hashCode(args);
    }
  }
}
