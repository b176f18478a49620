package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.spill.SpillContext;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries of the parent log read back the same from the heap and from disk. */
class ParentLogTest {
  @TempDir
  Path meta;

  private static void fillAndCheck(SpillContext spill, int chunkBits, int n) {
    ParentLog log = new ParentLog(3, chunkBits, spill);
    long[] fps = new long[n];
    long[] parents = new long[n];
    long[] ids = new long[n];
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      fps[i] = rnd.nextLong();
      parents[i] = i == 0 ? ParentLog.NO_PARENT : ids[rnd.nextInt(i)];
      ids[i] = log.append(fps[i], parents[i]);
      assertEquals(3, ParentLog.workerOf(ids[i]));
      assertEquals(i, ParentLog.indexOf(ids[i]));
    }
    assertEquals(n, log.size());
    for (int i = n - 1; i >= 0; i--) {
      assertEquals(fps[i], log.fingerprint(ids[i]), "fingerprint " + i);
      assertEquals(parents[i], log.parent(ids[i]), "parent " + i);
    }
  }

  @Test
  void spilledChunksReadBackExactly() {
    try (SpillContext spill = SpillContext.create(SpillMode.ALWAYS, 0, meta)) {
      fillAndCheck(spill, 3, 1000);
      assertTrue(spill.bytesSpilled() >= 16 * 992, "full chunks go to disk: " + spill.bytesSpilled());
    }
  }

  @Test
  void inMemoryLogIsUnchanged() {
    try (SpillContext spill = SpillContext.create(SpillMode.NEVER, 0, meta)) {
      fillAndCheck(spill, 3, 1000);
      assertEquals(0, spill.bytesSpilled());
    }
  }
}
