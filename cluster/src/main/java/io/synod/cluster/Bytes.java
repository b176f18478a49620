package io.synod.cluster;

import java.util.Arrays;

/**
 * A growable byte buffer with the few encodings batches and queues use (fixed 8-byte longs for
 * fingerprints, variable-length longs for ids and lengths), and a cursor to read them back.
 */
final class Bytes {
  private byte[] buf;
  private int len;

  Bytes(int capacity) {
    this.buf = new byte[capacity];
  }

  int length() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  void reset() {
    len = 0;
  }

  byte[] copy() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  void writeLong(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
  }

  void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  void write(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  /** Reads what a {@link Bytes} wrote. */
  static final class Cursor {
    final byte[] buf;
    int pos;
    private final int end;

    Cursor(byte[] buf, int off, int len) {
      this.buf = buf;
      this.pos = off;
      this.end = off + len;
    }

    boolean atEnd() {
      return pos >= end;
    }

    long readLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[pos++] & 0xFF);
      }
      return v;
    }

    long readVarLong() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }
  }
}
