package io.synod.cluster;

/**
 * The fingerprint and parent of every state a member admitted, by local index: the member's part
 * of the cluster's parent log, from which a counterexample is walked back owner by owner. A
 * state's cluster-wide id holds the member's index in its low 8 bits (so a cluster has at most
 * 256 members), the epoch (how many times the check resumed from a checkpoint on fewer members)
 * in the next 8, and the local index above: the table of an earlier epoch is read back from the
 * checkpoint the check resumed from.
 */
final class ParentTable {
  static final long NO_PARENT = -1;
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private final int member;
  private final int epoch;
  private long[][] fps = new long[16][];
  private long[][] parents = new long[16][];
  private long size;

  ParentTable(int member, int epoch) {
    this.member = member;
    this.epoch = epoch;
  }

  static int memberOf(long id) {
    return (int) (id & 0xFF);
  }

  static int epochOf(long id) {
    return (int) ((id >>> 8) & 0xFF);
  }

  static long indexOf(long id) {
    return id >>> 16;
  }

  synchronized long size() {
    return size;
  }

  /** Writes every entry, fingerprint then parent, in index order. */
  synchronized void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
    for (long i = 0; i < size; i++) {
      int c = (int) (i >>> CHUNK_BITS);
      int off = (int) (i & (CHUNK - 1));
      out.writeLong(fps[c][off]);
      out.writeLong(parents[c][off]);
    }
  }

  /** Writes the fingerprints only. */
  synchronized void writeFingerprintsTo(java.io.DataOutputStream out) throws java.io.IOException {
    for (long i = 0; i < size; i++) {
      out.writeLong(fps[(int) (i >>> CHUNK_BITS)][(int) (i & (CHUNK - 1))]);
    }
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
    return (size++ << 16) | ((long) epoch << 8) | member;
  }

  /** {fingerprint, parent id} of the state with id {@code id}. */
  synchronized long[] entry(long id) {
    long i = indexOf(id);
    if (memberOf(id) != member || epochOf(id) != epoch || i >= size) {
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
