package io.synod.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The states of one BFS level a member owns, encoded (state id, then the state's portable
 * encoding with its length): a few tens of bytes a state instead of the objects of a decoded
 * state, so that a member's queue takes little of its heap. Filled by several threads (the
 * member's own expansion and deliveries from other members), read after the level barrier.
 */
final class Frontier {
  private final List<byte[]> chunks = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();
  private long size;
  private long bytes;

  synchronized void add(Bytes b, int n) {
    if (n == 0) {
      return;
    }
    chunks.add(b.copy());
    counts.add(n);
    size += n;
    bytes += b.length();
  }

  synchronized long size() {
    return size;
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized int chunkCount() {
    return chunks.size();
  }

  synchronized byte[] chunk(int i) {
    return chunks.get(i);
  }

  synchronized int count(int i) {
    return counts.get(i);
  }

  /** Drops a chunk once expanded (its states live on only in their successors). */
  synchronized void release(int i) {
    chunks.set(i, null);
  }
}
