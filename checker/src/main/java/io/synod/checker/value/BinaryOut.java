package io.synod.checker.value;

import java.util.Arrays;

/**
 * A growable byte buffer with LEB128 variable-length integers, reused across writes (call
 * {@link #reset}) so that encoding allocates only when the buffer must grow. Not thread-safe:
 * one per writer thread.
 */
public final class BinaryOut {
  private byte[] buf;
  private int len;

  public BinaryOut(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Forgets the content, keeping the storage. */
  public void reset() {
    len = 0;
  }

  public int length() {
    return len;
  }

  /** The backing array; valid up to {@link #length()} until the next write. */
  public byte[] array() {
    return buf;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public void writeByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  /** An unsigned variable-length integer (7 bits a byte, low bits first). */
  public void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** A signed integer, zig-zag mapped so that small magnitudes take one byte. */
  public void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  public void writeBytes(byte[] b) {
    writeVarLong(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }
}
