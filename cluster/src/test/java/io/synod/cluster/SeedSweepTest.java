package io.synod.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seed sweeps: results in any order give the sweep of one machine; a member lost mid-sweep
 * costs a rerun of its seed, never a failing seed; no member left ends the sweep with an error.
 */
class SeedSweepTest {
  private static final String VERSION = "sweep-test-version";

  /** Fails on multiples of 7 (and says so), after a short pause so that seeds overlap. */
  record Sevens(long pauseMillis) implements SeedRun {
    @Override
    public String run(long seed) {
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return seed % 7 == 0 ? "multiple of 7: " + seed : null;
    }
  }

  /** The sweep one seed after another: what every other way of running it must give. */
  private static List<String> sequential(long from, long to, int max) {
    List<String> seen = new ArrayList<>();
    SweepTally t = new SweepTally(from, to, max, (s, f) -> seen.add(s + "=" + f));
    for (long s = from; !t.finished(); s++) {
      t.add(s, new Sevens(0).run(s));
    }
    seen.add("last " + t.lastSeed() + " failing " + t.failingSeeds());
    return seen;
  }

  @Test
  void resultsInAnyOrderGiveTheSequentialSweep() {
    for (int max : new int[] {0, 1, 3, 100}) {
      List<String> expected = sequential(3, 50, max);
      for (int round = 0; round < 20; round++) {
        List<Long> order = new ArrayList<>();
        for (long s = 3; s <= 50; s++) {
          order.add(s);
        }
        Collections.shuffle(order, new Random(round));
        List<String> seen = new ArrayList<>();
        SweepTally t = new SweepTally(3, 50, max, (s, f) -> seen.add(s + "=" + f));
        for (long s : order) {
          if (t.needed(s)) {
            t.add(s, new Sevens(0).run(s));
            t.add(s, "a second run of the same seed is ignored");
          }
        }
        assertTrue(t.finished());
        seen.add("last " + t.lastSeed() + " failing " + t.failingSeeds());
        assertEquals(expected, seen, "max " + max + ", order " + order);
      }
    }
    assertEquals("last 21 failing [7, 14, 21]", sequential(3, 50, 3).get(19));
    assertEquals("last 50 failing [7, 14, 21, 28, 35, 42, 49]", sequential(3, 50, 0).get(48));
  }

  @Test
  void aSeedNotNeededIsOneAboveTheLastFailureThatCounts() {
    SweepTally t = new SweepTally(1, 100, 2, (s, f) -> {});
    t.add(14, "x");
    assertTrue(t.needed(20));
    t.add(7, "y");
    assertFalse(t.needed(20));
    assertFalse(t.needed(14));
    assertTrue(t.needed(13));
    assertFalse(t.finished());
  }

  private static List<MemberNode> members(int n) throws IOException {
    List<String> join = new ArrayList<>();
    for (int p : LocalCluster.freePorts(n)) {
      join.add("127.0.0.1:" + p);
    }
    List<MemberNode> nodes = new ArrayList<>();
    for (String a : join) {
      nodes.add(MemberNode.start("127.0.0.1", Integer.parseInt(a.substring(a.indexOf(':') + 1)), join,
          VERSION));
    }
    return nodes;
  }

  @Test
  void aMemberLostMidSweepCostsARerunNotAResult() throws Exception {
    List<MemberNode> nodes = members(3);
    try (ClusterClient c = ClusterClient.connect(
        nodes.stream().map(MemberNode::address).map(a -> a.replace("[", "").replace("]", "")).toList(),
        VERSION, 30_000, 3)) {
      List<String> seen = new ArrayList<>();
      List<String> notices = new ArrayList<>();
      SweepTally t = new SweepTally(1, 40, 0, (s, f) -> {
        seen.add(s + "=" + f);
        if (s == 6) {
          new Thread(() -> nodes.get(1).terminate()).start();
        }
      });
      new SeedSweep(c).withNotices(notices::add).run(new Sevens(60), 1, 40, t);
      seen.add("last " + t.lastSeed() + " failing " + t.failingSeeds());
      List<String> expected = sequential(1, 40, 0);
      assertEquals(expected, seen);
      assertFalse(nodes.get(1).running());
    } finally {
      for (MemberNode n : nodes) {
        if (n.running()) {
          n.terminate();
        }
      }
    }
  }

  @Test
  void noMemberLeftEndsTheSweepWithAnError() throws Exception {
    List<MemberNode> nodes = members(2);
    try (ClusterClient c = ClusterClient.connect(
        nodes.stream().map(MemberNode::address).map(a -> a.replace("[", "").replace("]", "")).toList(),
        VERSION, 30_000, 2)) {
      SweepTally t = new SweepTally(1, 1000, 0, (s, f) -> {
        if (s == 3) {
          new Thread(() -> nodes.forEach(MemberNode::terminate)).start();
        }
      });
      ClusterException e = assertThrows(ClusterException.class,
          () -> new SeedSweep(c).run(new Sevens(30), 1, 1000, t));
      assertTrue(e.getMessage().startsWith("every cluster member left before the sweep ended"),
          e.getMessage());
      assertFalse(t.finished());
    } finally {
      for (MemberNode n : nodes) {
        if (n.running()) {
          n.terminate();
        }
      }
    }
  }
}
