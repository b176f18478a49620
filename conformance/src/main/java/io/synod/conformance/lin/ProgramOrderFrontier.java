package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequential consistency's frontier: only each process's own order counts, so the candidates
 * are the first not-yet-linearized operation of every process. They are tried in order of
 * invocation, so that the search tries real-time order first: most histories that are
 * sequentially consistent are so because they are linearizable, and this finds that order
 * without wandering.
 */
final class ProgramOrderFrontier implements Frontier {
  private final int[][] byProcess;
  private final int[] pos;
  private final int[] processOf;
  private final int[] completedAt;
  private final int[] invokedAt;
  private final boolean[] ok;

  ProgramOrderFrontier(Operation[] ops) {
    Map<Long, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < ops.length; i++) {
      groups.computeIfAbsent(ops[i].process(), k -> new ArrayList<>()).add(i);
    }
    byProcess = new int[groups.size()][];
    processOf = new int[ops.length];
    completedAt = new int[ops.length];
    invokedAt = new int[ops.length];
    ok = new boolean[ops.length];
    int p = 0;
    for (List<Integer> g : groups.values()) {
      byProcess[p] = g.stream().mapToInt(Integer::intValue).toArray();
      for (int i : byProcess[p]) {
        processOf[i] = p;
      }
      p++;
    }
    for (int i = 0; i < ops.length; i++) {
      completedAt[i] = ops[i].completedAt();
      // Indeterminate ops are tried after all completed ones: whether and when a crashed
      // op took effect is the guess most likely to be wrong.
      invokedAt[i] = ops[i].ok() ? ops[i].invokedAt() : (1 << 30) + ops[i].invokedAt();
      ok[i] = ops[i].ok();
    }
    pos = new int[byProcess.length];
  }

  /** The head with the smallest try-order key above {@code after}, or -1. */
  private int headAfter(int after) {
    int best = -1;
    for (int p = 0; p < byProcess.length; p++) {
      if (pos[p] < byProcess[p].length) {
        int op = byProcess[p][pos[p]];
        if (invokedAt[op] > after && (best < 0 || invokedAt[op] < invokedAt[best])) {
          best = op;
        }
      }
    }
    return best;
  }

  @Override
  public int first() {
    return headAfter(Integer.MIN_VALUE);
  }

  @Override
  public int next(int op) {
    return headAfter(invokedAt[op]);
  }

  @Override
  public void lift(int op) {
    pos[processOf[op]]++;
  }

  @Override
  public void unlift(int op) {
    pos[processOf[op]]--;
  }

  @Override
  public int blocker() {
    int best = -1;
    for (int p = 0; p < byProcess.length; p++) {
      if (pos[p] < byProcess[p].length) {
        int op = byProcess[p][pos[p]];
        if (ok[op] && (best < 0 || completedAt[op] < completedAt[best])) {
          best = op;
        }
      }
    }
    return best;
  }

  @Override
  public int reach(int depth) {
    return depth;
  }
}
