package io.synod.checker.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph several search workers record: each state's edges, whoever admitted which state. */
class BehaviorGraphTest {

  @Test
  void statesAndEdgesRecordedByDifferentWorkersMeetInOneGraph() {
    BehaviorGraph g = new BehaviorGraph(true);
    BehaviorGraph.Recorder w0 = g.recorder();
    BehaviorGraph.Recorder w1 = g.recorder();
    g.initialState(10);
    w0.node(10, 1);
    w0.expansion(10, 0);
    w0.edge(20, 5);
    w0.edge(30, 6);
    // worker 1 admitted 20, worker 0 admitted 30; worker 1 expands 30, worker 0 expands 20
    w1.node(20, 2);
    w0.node(30, 3);
    w1.expansion(30, 9);
    w1.edge(10, 7);
    w0.expansion(20, 8);
    w0.edge(20, 0);
    g.freeze();
    assertEquals(3, g.size());
    assertArrayEquals(new int[] {g.index(10)}, g.initialStates());
    assertEquals(List.of(20L, 30L), targets(g, 10));
    assertEquals(List.of(20L), targets(g, 20));
    assertEquals(List.of(10L), targets(g, 30));
    int s30 = g.index(30);
    assertEquals(3, g.stateBits(s30));
    assertEquals(9, g.stutterBits(s30));
    assertEquals(7, g.actionBits(g.edgeStart(s30)));
    assertEquals(-1, g.index(40));
  }

  @Test
  void manyStatesSpanSeveralChunks() {
    BehaviorGraph g = new BehaviorGraph(false);
    BehaviorGraph.Recorder r = g.recorder();
    int n = 100_000;
    g.initialState(1);
    for (int i = 1; i <= n; i++) {
      r.node(i, i & 7);
    }
    for (int i = 1; i <= n; i++) {
      r.expansion(i, 0);
      r.edge(i % n + 1, 0);
    }
    g.freeze();
    assertEquals(n, g.size());
    for (int i = 1; i <= n; i += 997) {
      int s = g.index(i);
      assertEquals(i & 7, g.stateBits(s));
      assertEquals(List.of((long) (i % n + 1)), targets(g, i));
    }
  }

  private static List<Long> targets(BehaviorGraph g, long fp) {
    int s = g.index(fp);
    List<Long> out = new ArrayList<>();
    for (int e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
      out.add(g.fingerprint(g.target(e)));
    }
    return out;
  }
}
