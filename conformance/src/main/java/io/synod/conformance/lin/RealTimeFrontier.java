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
  /** Position of each entry in history order. */
  private final int[] rank;
  /** The first completion entry in the list, -1 if none, {@link #UNKNOWN} if to be found again. */
  private int firstReturn = UNKNOWN;
  private static final int UNKNOWN = -2;

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
    rank = new int[2 * n];
    int last = head;
    for (int r = 0; r < keys.length; r++) {
      int e = (int) keys[r];
      rank[e] = r;
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
    if (firstReturn == 2 * op + 1) {
      firstReturn = UNKNOWN;
    }
  }

  @Override
  public void unlift(int op) {
    relink(2 * op + 1);
    relink(2 * op);
    int e = 2 * op + 1;
    if (firstReturn == -1 || (firstReturn >= 0 && rank[e] < rank[firstReturn])) {
      firstReturn = e;
    }
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
    int e = firstReturn;
    if (e == UNKNOWN) {
      e = next[head];
      while (e >= 0 && (e & 1) == 0) {
        e = next[e];
      }
      firstReturn = e;
    }
    return e >= 0 && ok[e >> 1] ? e >> 1 : -1;
  }

  @Override
  public int upcoming(boolean[] mark, int[] out) {
    int count = 0;
    for (int e = next[head]; e >= 0 && count < out.length; e = next[e]) {
      int op = e >> 1;
      if ((e & 1) == 0) {
        if (mark[op]) {
          out[count++] = ~op;
        }
      } else if (ok[op]) {
        out[count++] = op;
      }
    }
    return count;
  }

  @Override
  public int reach(int depth) {
    int b = blocker();
    return b < 0 ? Integer.MAX_VALUE : completedAt[b];
  }
}
