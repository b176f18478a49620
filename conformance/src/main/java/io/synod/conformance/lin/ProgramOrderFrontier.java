package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequential consistency's frontier: only each process's own order counts, so the candidates
 * are the first not-yet-linearized operation of every process.
 */
final class ProgramOrderFrontier implements Frontier {
  private final int[][] byProcess;
  private final int[] pos;
  private final int[] processOf;
  private final int[] completedAt;
  private final boolean[] ok;

  ProgramOrderFrontier(Operation[] ops) {
    Map<Long, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < ops.length; i++) {
      groups.computeIfAbsent(ops[i].process(), k -> new ArrayList<>()).add(i);
    }
    byProcess = new int[groups.size()][];
    processOf = new int[ops.length];
    completedAt = new int[ops.length];
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
      ok[i] = ops[i].ok();
    }
    pos = new int[byProcess.length];
  }

  private int from(int p) {
    for (; p < byProcess.length; p++) {
      if (pos[p] < byProcess[p].length) {
        return byProcess[p][pos[p]];
      }
    }
    return -1;
  }

  @Override
  public int first() {
    return from(0);
  }

  @Override
  public int next(int op) {
    return from(processOf[op] + 1);
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
