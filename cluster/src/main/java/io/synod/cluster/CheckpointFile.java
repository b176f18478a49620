package io.synod.cluster;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One member's part of a cluster checkpoint, written at a level barrier: the fingerprints of
 * every state it owns (its seen-set), its parent table of the current epoch, and its queue for
 * the next level (state id, fingerprint, encoded state). Fixed-size sections first, so that a
 * parent entry can be read in place when a trace is walked back into an earlier epoch.
 */
final class CheckpointFile {
  private static final long MAGIC = 0x53594E4F44434B31L; // "SYNODCK1"
  private static final int HEADER = 5 * 8;

  private CheckpointFile() {}

  /** Writes a member's part; the file appears complete or not at all. */
  static void write(Path file, LongList baseFps, ParentTable parents, Frontier queue)
      throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      long nParents = parents.size();
      out.writeLong(MAGIC);
      out.writeLong(baseFps.size() + nParents);
      out.writeLong(nParents);
      out.writeLong(queue.size());
      out.writeLong(queue.bytes());
      baseFps.writeTo(out);
      parents.writeFingerprintsTo(out);
      parents.writeTo(out);
      for (int i = 0; i < queue.chunkCount(); i++) {
        out.write(queue.chunk(i));
      }
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** What a member resuming from a checkpoint takes from one part. */
  interface Reader {
    void seen(long fp);

    void queued(byte[] chunk, int off, int len, long fp);
  }

  /** Reads the seen fingerprints and the queued states of a part. */
  static void read(Path file, Reader r) throws IOException {
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readLong() != MAGIC) {
        throw new IOException(file + " is not a synod cluster checkpoint");
      }
      long nSeen = in.readLong();
      long nParents = in.readLong();
      long nQueued = in.readLong();
      long queueBytes = in.readLong();
      for (long i = 0; i < nSeen; i++) {
        r.seen(in.readLong());
      }
      in.skipNBytes(nParents * 16);
      byte[] q = in.readNBytes((int) queueBytes);
      Bytes.Cursor c = new Bytes.Cursor(q, 0, q.length);
      for (long i = 0; i < nQueued; i++) {
        int start = c.pos;
        c.readVarLong();
        long fp = c.readLong();
        int len = (int) c.readVarLong();
        c.pos += len;
        r.queued(q, start, c.pos - start, fp);
      }
    }
  }

  /** {fingerprint, parent id} of entry {@code index} of the part's parent table. */
  static long[] parent(Path file, long index) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(8);
      long nSeen = f.readLong();
      long nParents = f.readLong();
      if (index >= nParents) {
        throw new IOException("state " + index + " is not in " + file);
      }
      f.seek(HEADER + nSeen * 8 + index * 16);
      return new long[] {f.readLong(), f.readLong()};
    }
  }
}
