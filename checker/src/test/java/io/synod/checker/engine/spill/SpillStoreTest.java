package io.synod.checker.engine.spill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.SpillMode;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory governor's decisions, the queue's order across segments, and spill-file errors. */
class SpillStoreTest {
  @TempDir
  Path meta;

  @Test
  void theQueueBudgetDecidesInAutoMode() {
    MemoryGovernor g = new MemoryGovernor(SpillMode.AUTO, 1000);
    assertFalse(g.spillQueue(600));
    g.queued(600);
    assertTrue(g.spillQueue(600));
    g.queued(-600);
    assertFalse(g.spillQueue(600));
    assertTrue(new MemoryGovernor(SpillMode.ALWAYS, 1000).spillQueue(1));
    assertFalse(new MemoryGovernor(SpillMode.NEVER, 1).spillQueue(1 << 30));
    assertTrue(new MemoryGovernor(SpillMode.ALWAYS, 0).spillLog());
    assertFalse(new MemoryGovernor(SpillMode.NEVER, 0).spillLog());
  }

  /** Feeds {@code n} states through one buffer per worker and claims them back in order. */
  private static List<Long> roundTrip(SpillContext ctx, int workers, int n, boolean unwritable) {
    List<NextLevelBuffer> buffers = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      buffers.add(new NextLevelBuffer(w, ctx));
    }
    for (int i = 0; i < n; i++) {
      Value extra = unwritable && i % 5000 == 0 ? Values.seqSet(Values.BOOLEAN) : IntValue.of(i);
      buffers.get(i * workers / n).add(new Value[] {TupleValue.of(IntValue.of(i), extra)}, 10L * i);
    }
    List<Segment> segments = new ArrayList<>();
    List<SpillFile> files = new ArrayList<>();
    for (NextLevelBuffer b : buffers) {
      b.takeInto(segments, files);
      assertEquals(0, b.size());
    }
    List<Long> ids = new ArrayList<>();
    try (LevelQueue q = new LevelQueue(segments, files, ctx)) {
      assertEquals(n, q.size());
      LevelQueue.Claim c = new LevelQueue.Claim();
      while (q.claim(c)) {
        Value[][] states = c.segment.states();
        long[] segIds = c.segment.ids();
        for (int i = c.from; i < c.to; i++) {
          TupleValue t = (TupleValue) states[i][0];
          assertEquals(segIds[i], 10 * ((IntValue) t.get(1)).value());
          ids.add(segIds[i]);
        }
        c.segment.expanded(c.to - c.from);
      }
    }
    return ids;
  }

  @Test
  void statesComeBackInTheOrderTheyWereQueued() {
    int n = 3 * Segment.CAPACITY + 77;
    long[] expected = new long[n];
    for (int i = 0; i < n; i++) {
      expected[i] = 10L * i;
    }
    for (SpillMode mode : SpillMode.values()) {
      for (int workers = 1; workers <= 3; workers++) {
        try (SpillContext ctx = SpillContext.create(mode, 0, meta)) {
          List<Long> ids = roundTrip(ctx, workers, n, mode == SpillMode.AUTO);
          assertArrayEquals(expected, ids.stream().mapToLong(Long::longValue).toArray(),
              mode + " with " + workers + " workers");
          if (mode != SpillMode.AUTO) { // AUTO depends on the heap of the test JVM
            assertEquals(mode == SpillMode.ALWAYS, ctx.bytesSpilled() > 0, mode.toString());
          }
        }
      }
    }
  }

  @Test
  void inAutoModeTheTempDirIsUsedOnlyWhenAFileIsNeeded() {
    SpillContext ctx = SpillContext.create(SpillMode.AUTO, 0, null);
    assertEquals(null, ctx.directory());
    ctx.newFile("q").append(new byte[] {1}, 1);
    Path d = ctx.directory();
    assertTrue(Files.isDirectory(d));
    assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), d.getParent().toAbsolutePath());
    ctx.close();
    assertFalse(Files.exists(d));
    assertThrows(SpillException.class, () -> ctx.newFile("late"));
    try (SpillContext chosen = SpillContext.create(SpillMode.AUTO, 0, meta)) {
      assertTrue(Files.isDirectory(chosen.directory()), "an explicit meta dir is made at once");
    }
  }

  @Test
  void ioErrorsNameTheFile() throws Exception {
    try (SpillDirectory d = SpillDirectory.create(meta)) {
      SpillFile f = d.newFile("q");
      f.append(new byte[] {1, 2, 3}, 3);
      ByteBuffer past = ByteBuffer.allocate(8);
      SpillException e = assertThrows(SpillException.class, () -> f.read(0, past));
      assertTrue(e.getMessage().contains(d.path().resolve("q").toString()), e.getMessage());
      f.close();
      SpillException w = assertThrows(SpillException.class, () -> f.append(new byte[] {1}, 1));
      assertTrue(w.getMessage().startsWith("cannot write " + d.path().resolve("q")), w.getMessage());
      assertTrue(Files.isDirectory(d.path()));
      d.close();
      assertFalse(Files.exists(d.path()));
      assertThrows(SpillException.class, () -> d.newFile("later"));
    }
  }
}
