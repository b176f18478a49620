package io.synod.checker.liveness;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The recorded behaviour graph in the checkpoints of one search. Each recorder's two buffers
 * (state records, expansion records) are logs of longs that only grow, and once a recorder's
 * last expansion is closed (its edge count written) nothing before the end ever changes. So
 * each buffer has one file in the checkpoint directory holding its longs from the start, and
 * a checkpoint appends only what was recorded since the previous one (whether it is on the
 * heap or in the search's spill files), forces it to disk and records the buffer's length and
 * the CRC-32 of its file up to that length in the checkpoint file. Later appends never touch
 * what an earlier checkpoint recorded, so a crash while checkpointing leaves the previous
 * checkpoint's prefix of every file whole. The initial states, a few longs, go into the
 * checkpoint file itself.
 *
 * <p>Recovery reads each file up to the recorded length back into the recorder (which spills
 * again as memory requires), checking the CRC, and keeps appending to the same files.
 */
public final class GraphCheckpoint implements AutoCloseable {
  private static final int BLOCK = 1 << 13;
  private final BehaviorGraph graph;
  private final String prefix;
  /** The directory of {@link #files}; null before the first checkpoint or recovery. */
  private Path dir;
  private final List<Durable> files = new ArrayList<>();

  /** One buffer's file: the longs written to it so far and their running checksum. */
  private static final class Durable {
    final Path path;
    final FileChannel channel;
    long persisted;
    final CRC32 crc = new CRC32();

    Durable(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }
  }

  /**
   * @param prefix the beginning of the files' names in the checkpoint directory (the rest names
   *     the recorder and the buffer)
   */
  public GraphCheckpoint(BehaviorGraph graph, String prefix) {
    this.graph = graph;
    this.prefix = prefix;
  }

  /** The files this graph writes to {@code dir} start with this prefix. */
  private String name(int recorder, boolean edges) {
    return prefix + (edges ? "graph-edges-w" : "graph-states-w") + recorder;
  }

  /**
   * Appends what was recorded since the last checkpoint to the files in {@code dir}, forces
   * them, and writes the lengths, checksums and initial states to {@code out}. Call only while
   * no recorder is written to. Returns the bytes appended to the files.
   */
  public long write(DataOutput out, Path dir) throws IOException {
    if (!dir.equals(this.dir)) {
      // a new directory starts its files afresh
      close();
      this.dir = dir;
    }
    List<BehaviorGraph.Recorder> recs = graph.recorders();
    out.writeBoolean(graph.edgeBits());
    out.writeInt(recs.size());
    long appended = 0;
    ByteBuffer io = ByteBuffer.allocate(BLOCK * 8);
    for (int i = 0; i < recs.size(); i++) {
      BehaviorGraph.Recorder r = recs.get(i);
      // the last expansion's edge count, so that everything recorded so far is final
      r.close();
      for (int k = 0; k < 2; k++) {
        BehaviorGraph.LongBuf b = k == 0 ? r.nodes() : r.edges();
        Durable d = durable(2 * i + k, name(i, k == 1), false);
        long size = b.size();
        if (size < d.persisted) {
          throw new IllegalStateException("the recorded graph shrank");
        }
        for (long p = d.persisted; p < size; ) {
          io.clear();
          int n = (int) Math.min(BLOCK, size - p);
          for (int j = 0; j < n; j++) {
            io.putLong(b.get(p + j));
          }
          io.flip();
          d.crc.update(io.array(), 0, n * 8);
          long at = p * 8;
          while (io.hasRemaining()) {
            at += d.channel.write(io, at);
          }
          p += n;
        }
        appended += (size - d.persisted) * 8;
        d.persisted = size;
        d.channel.force(true);
        out.writeLong(size);
        out.writeLong(d.crc.getValue());
      }
    }
    BehaviorGraph.LongBuf init = graph.initialBuffer();
    out.writeLong(init.size());
    for (long q = 0; q < init.size(); q++) {
      out.writeLong(init.get(q));
    }
    return appended;
  }

  /**
   * Restores the recording {@link #write} described, from the files in {@code dir}, into the
   * graph (whose recorders must be empty); recorders beyond the graph's are added (a check
   * resumed with fewer workers keeps the others' recordings).
   *
   * @throws IllegalStateException naming what does not match: a missing or short file, a
   *     checksum
   */
  public void read(DataInput in, Path dir) throws IOException {
    close();
    this.dir = dir;
    if (in.readBoolean() != graph.edgeBits()) {
      throw new IllegalStateException("its behaviour graph records other action predicates");
    }
    int n = in.readInt();
    if (n < 0 || n > 4096) {
      throw new IllegalStateException("implausible number of graph recorders " + n);
    }
    while (graph.recorders().size() < n) {
      graph.recorder();
    }
    ByteBuffer io = ByteBuffer.allocate(BLOCK * 8);
    for (int i = 0; i < n; i++) {
      BehaviorGraph.Recorder r = graph.recorders().get(i);
      for (int k = 0; k < 2; k++) {
        BehaviorGraph.LongBuf b = k == 0 ? r.nodes() : r.edges();
        long size = in.readLong();
        long crc = in.readLong();
        if (b.size() != 0 || size < 0 || size > (1L << 58)) {
          throw new IllegalStateException("implausible graph recording of " + size + " longs");
        }
        Durable d = durable(2 * i + k, name(i, k == 1), true);
        if (d.channel.size() < size * 8) {
          throw new IllegalStateException("its behaviour graph file " + d.path + " holds "
              + d.channel.size() + " bytes, fewer than the " + size * 8 + " it recorded");
        }
        for (long p = 0; p < size; ) {
          int len = (int) Math.min(BLOCK, size - p);
          io.clear();
          io.limit(len * 8);
          long at = p * 8;
          while (io.hasRemaining()) {
            int got = d.channel.read(io, at);
            if (got < 0) {
              throw new IllegalStateException("its behaviour graph file " + d.path + " ends early");
            }
            at += got;
          }
          d.crc.update(io.array(), 0, len * 8);
          for (int j = 0; j < len; j++) {
            b.add(io.getLong(j * 8));
          }
          p += len;
        }
        if (d.crc.getValue() != crc) {
          throw new IllegalStateException("its behaviour graph file " + d.path
              + " does not match the checksum the checkpoint recorded");
        }
        d.persisted = size;
      }
    }
    long m = in.readLong();
    if (m < 0 || m > (1L << 40)) {
      throw new IllegalStateException("implausible number of initial states " + m);
    }
    BehaviorGraph.LongBuf init = graph.initialBuffer();
    if (init.size() != 0) {
      throw new IllegalStateException("the graph already holds initial states");
    }
    for (long q = 0; q < m; q++) {
      init.add(in.readLong());
    }
  }

  private Durable durable(int slot, String name, boolean existing) throws IOException {
    while (files.size() <= slot) {
      files.add(null);
    }
    Durable d = files.get(slot);
    if (d == null) {
      Path p = dir.resolve(name);
      FileChannel ch;
      try {
        ch = existing
            ? FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)
            : FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (NoSuchFileException e) {
        throw new IllegalStateException("its behaviour graph file " + p + " is missing");
      }
      d = new Durable(p, ch);
      files.set(slot, d);
    }
    return d;
  }

  /** Whether {@code file} (a name in a checkpoint directory) is one of these graph files. */
  private static boolean isGraphFile(String prefix, String file) {
    return file.startsWith(prefix + "graph-");
  }

  /** Closes the files (they stay on disk with the checkpoint that refers to them). */
  @Override
  public void close() {
    for (Durable d : files) {
      if (d != null) {
        try {
          d.channel.close();
        } catch (IOException e) {
          // nothing was pending: every checkpoint forced what it wrote
        }
      }
    }
    files.clear();
    dir = null;
  }

  /** Deletes the graph files under {@code prefix} in {@code dir}. */
  public static void delete(Path dir, String prefix) throws IOException {
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(f -> isGraphFile(prefix, f.getFileName().toString())).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
