package io.synod.cluster;

/**
 * The fingerprint and parent of every state a member admitted, by local index: the member's part
 * of the cluster's parent log, from which a counterexample is walked back owner by owner. A
 * state's cluster-wide id is its local index shifted left by 8 bits with the member's index in
 * the low 8 (so a cluster has at most 256 members).
 */
final class ParentTable {
  static final long NO_PARENT = -1;
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private final int member;
  private long[][] fps = new long[16][];
  private long[][] parents = new long[16][];
  private long size;

  ParentTable(int member) {
    this.member = member;
  }

  static int memberOf(long id) {
    return (int) (id & 0xFF);
  }

  synchronized long append(long fp, long parent) {
    int c = (int) (size >>> CHUNK_BITS);
    int off = (int) (size & (CHUNK - 1));
    if (off == 0) {
      if (c == fps.length) {
        fps = java.util.Arrays.copyOf(fps, c * 2);
        parents = java.util.Arrays.copyOf(parents, c * 2);
      }
      fps[c] = new long[CHUNK];
      parents[c] = new long[CHUNK];
    }
    fps[c][off] = fp;
    parents[c][off] = parent;
    return (size++ << 8) | member;
  }

  /** {fingerprint, parent id} of the state with id {@code id}. */
  synchronized long[] entry(long id) {
    long i = id >>> 8;
    if (memberOf(id) != member || i >= size) {
      throw new IllegalStateException("state id " + id + " is not one of member " + member + "'s");
    }
    int c = (int) (i >>> CHUNK_BITS);
    int off = (int) (i & (CHUNK - 1));
    return new long[] {fps[c][off], parents[c][off]};
  }

  synchronized long bytes() {
    long chunks = (size + CHUNK - 1) >>> CHUNK_BITS;
    return chunks * CHUNK * 16L;
  }
}
