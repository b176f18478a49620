package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JvmTimesTest {
  private static volatile int[] sink;

  @Test
  void timesAreCumulativeAndNeverNegative() {
    JvmTimes t = new JvmTimes();
    long jit = t.compileMillis();
    long gc = t.gcMillis();
    assertTrue(jit >= 0 && gc >= 0, jit + " " + gc);
    // garbage and a collection: the collectors' time may only grow
    for (int i = 0; i < 2_000; i++) {
      sink = new int[1_000];
    }
    System.gc();
    assertTrue(t.gcMillis() >= gc, "GC time went backwards");
    assertTrue(t.compileMillis() >= jit, "JIT time went backwards");
  }
}
