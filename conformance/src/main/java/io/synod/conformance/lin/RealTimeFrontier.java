package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;
import java.util.Arrays;

/**
 * Linearizability's frontier, after Wing and Gong and Lowe: the invocations and completions
 * in one doubly-linked list in history order. An operation may go next iff its invocation
 * comes before the first completion still in the list; linearizing an operation unlinks both
 * its entries, undoing relinks them (dancing links), each in O(1).
 *
 * <p>Entry 2i is the invocation of op i, 2i+1 its completion; indeterminate ops complete
 * after everything else.
 */
final class RealTimeFrontier implements Frontier {
  private final int[] next;
  private final int[] prev;
  private final int head;
  private final int[] completedAt;
  private final boolean[] ok;

  RealTimeFrontier(Operation[] ops) {
    int n = ops.length;
    head = 2 * n;
    next = new int[2 * n + 1];
    prev = new int[2 * n + 1];
    completedAt = new int[n];
    ok = new boolean[n];
    long[] keys = new long[2 * n];
    for (int i = 0; i < n; i++) {
      completedAt[i] = ops[i].completedAt();
      ok[i] = ops[i].ok();
      keys[2 * i] = ((long) ops[i].invokedAt() << 32) | (2L * i);
      keys[2 * i + 1] = ((long) completedAt[i] << 32) | (2L * i + 1);
    }
    Arrays.sort(keys);
    int last = head;
    for (long k : keys) {
      int e = (int) k;
      next[last] = e;
      prev[e] = last;
      last = e;
    }
    next[last] = -1;
  }

  private static int callOrNone(int e) {
    return e < 0 || (e & 1) == 1 ? -1 : e >> 1;
  }

  @Override
  public int first() {
    return callOrNone(next[head]);
  }

  @Override
  public int next(int op) {
    return callOrNone(next[2 * op]);
  }

  @Override
  public void lift(int op) {
    unlink(2 * op);
    unlink(2 * op + 1);
  }

  @Override
  public void unlift(int op) {
    relink(2 * op + 1);
    relink(2 * op);
  }

  private void unlink(int e) {
    int p = prev[e];
    int n = next[e];
    next[p] = n;
    if (n >= 0) {
      prev[n] = p;
    }
  }

  private void relink(int e) {
    int p = prev[e];
    int n = next[e];
    next[p] = e;
    if (n >= 0) {
      prev[n] = e;
    }
  }

  @Override
  public int blocker() {
    int e = next[head];
    while (e >= 0 && (e & 1) == 0) {
      e = next[e];
    }
    return e >= 0 && ok[e >> 1] ? e >> 1 : -1;
  }

  @Override
  public int reach(int depth) {
    int b = blocker();
    return b < 0 ? Integer.MAX_VALUE : completedAt[b];
  }
}
