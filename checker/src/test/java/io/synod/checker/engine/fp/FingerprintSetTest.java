package io.synod.checker.engine.fp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {

  @Test
  void addReportsNewnessIncludingZero() {
    FingerprintSet s = new FingerprintSet(4);
    assertTrue(s.add(0));
    assertFalse(s.add(0));
    assertTrue(s.add(-1));
    assertTrue(s.add(Long.MIN_VALUE));
    assertFalse(s.add(-1));
    assertTrue(s.contains(0));
    assertFalse(s.contains(42));
    assertEquals(3, s.size());
  }

  @Test
  void collidingSlotsProbeOn() {
    FingerprintSet s = new FingerprintSet(4);
    // multiples of 2^60 all hash to few slots in a 16-slot table
    for (long k = 1; k <= 12; k++) {
      assertTrue(s.add(k << 60));
    }
    for (long k = 1; k <= 12; k++) {
      assertTrue(s.contains(k << 60));
      assertFalse(s.add(k << 60));
    }
    assertEquals(12, s.size());
  }

  @Test
  void growsFromTheSmallestTable() {
    FingerprintSet s = new FingerprintSet(4);
    for (long k = 2; k < 10_000; k++) {
      assertTrue(s.add(k * 0x9E3779B97F4A7C15L));
    }
    for (long k = 2; k < 10_000; k++) {
      assertFalse(s.add(k * 0x9E3779B97F4A7C15L));
      assertTrue(s.contains(k * 0x9E3779B97F4A7C15L));
    }
    assertEquals(9_998, s.size());
    assertTrue(s.capacity() >= 9_998 * 5 / 4, "grew to " + s.capacity());
    assertTrue(s.capacity() <= 4 * 9_998, "grew to " + s.capacity());
    assertTrue(s.add(1));
    assertFalse(s.add(1));
    assertTrue(s.contains(1));
  }

  @Test
  void staysWithinSixteenBytesPerFingerprintOnceGrown() {
    FingerprintSet s = new FingerprintSet(16);
    long seed = 0x5EED;
    for (int n = 1; n <= 3_000_000; n++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      assertTrue(s.add(seed ^ (seed >>> 29)));
      if (n >= 100_000 && n % 10_000 == 0) {
        assertTrue(s.bytes() <= 16L * n, n + " fingerprints in " + s.bytes() + " bytes");
      }
    }
    assertEquals(3_000_000, s.size());
    assertTrue(s.bytes() >= 10L * 3_000_000, "load above 80%: " + s.bytes());
  }

  @Test
  void minimumGapOfStoredFingerprints() {
    FingerprintSet s = new FingerprintSet(6);
    assertEquals(-1, s.minimumGap());
    s.add(100);
    s.add(-50);
    s.add(0);
    s.add(130);
    assertEquals(30, s.minimumGap());
  }

  @Test
  void sizing() {
    assertTrue(FingerprintSet.forExpected(1000).capacity() >= 1250);
    assertEquals(0, FingerprintSet.forExpected(1000).capacity() % 8);
    assertEquals(1 << 17, FingerprintSet.forMemory(1L << 20).capacity());
  }

  @Property(tries = 15)
  void concurrentAddersCountEachDistinctFingerprintOnce(@ForAll @IntRange(min = 2, max = 4) int threads,
      @ForAll long seed) throws InterruptedException {
    int perThread = 20_000;
    long[][] inputs = new long[threads][perThread];
    Set<Long> distinct = new HashSet<>();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int t = 0; t < threads; t++) {
      for (int k = 0; k < perThread; k++) {
        // a small universe so that threads overlap heavily; 0 included
        long v = rnd.nextInt(30_000) * 0x9E3779B97F4A7C15L;
        inputs[t][k] = v;
        distinct.add(v);
      }
    }
    // start tiny so that the table grows many times while the workers add
    FingerprintSet set = new FingerprintSet(4);
    AtomicLong news = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] ws = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      long[] mine = inputs[t];
      ws[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long n = 0;
        for (long v : mine) {
          if (set.add(v)) {
            n++;
          }
        }
        news.addAndGet(n);
      });
      ws[t].start();
    }
    start.countDown();
    for (Thread w : ws) {
      w.join();
    }
    assertTrue(set.capacity() >= distinct.size());
    assertEquals(distinct.size(), news.get());
    assertEquals(distinct.size(), set.size());
    for (long v : distinct) {
      assertTrue(set.contains(v));
    }
  }
}
