package io.synod.cluster;

/** A growable list of longs in chunks (no boxing, no copying of what was added). */
final class LongList {
  private static final int CHUNK_BITS = 16;
  private long[][] chunks = new long[16][];
  private long size;

  synchronized void add(long v) {
    int c = (int) (size >>> CHUNK_BITS);
    if (c == chunks.length) {
      chunks = java.util.Arrays.copyOf(chunks, c * 2);
    }
    if (chunks[c] == null) {
      chunks[c] = new long[1 << CHUNK_BITS];
    }
    chunks[c][(int) (size & ((1 << CHUNK_BITS) - 1))] = v;
    size++;
  }

  synchronized long size() {
    return size;
  }

  synchronized void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
    for (long i = 0; i < size; i++) {
      out.writeLong(chunks[(int) (i >>> CHUNK_BITS)][(int) (i & ((1 << CHUNK_BITS) - 1))]);
    }
  }
}
