package io.synod.checker.value;

/** Reads what {@link BinaryOut} wrote, from a byte array. */
public final class BinaryIn {
  private final byte[] buf;
  private int pos;
  private final int end;

  public BinaryIn(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  public boolean atEnd() {
    return pos >= end;
  }

  public int readByte() {
    if (pos >= end) {
      throw new IllegalStateException("truncated record: read past its end at byte " + pos);
    }
    return buf[pos++] & 0xFF;
  }

  public long readVarLong() {
    int p = pos;
    if (end - p >= 10) {
      // Fast path: a whole varint is certainly in range, so no check per byte.
      byte[] b = buf;
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[p++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          pos = p;
          return v;
        }
      }
      throw new IllegalStateException("malformed variable-length integer before byte " + p);
    }
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int x = readByte();
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalStateException("malformed variable-length integer before byte " + pos);
  }

  public long readSignedVarLong() {
    long z = readVarLong();
    return (z >>> 1) ^ -(z & 1);
  }

  /** A count of items that follow, each taking at least one byte. */
  public int readCount() {
    long n = readVarLong();
    if (n < 0 || n > end - pos) {
      throw new IllegalStateException("implausible count " + n + " at byte " + pos);
    }
    return (int) n;
  }

  public byte[] readBytes() {
    int n = readCount();
    if (n > end - pos) {
      throw new IllegalStateException("truncated record: " + n + " bytes wanted at byte " + pos);
    }
    byte[] b = new byte[n];
    System.arraycopy(buf, pos, b, 0, n);
    pos += n;
    return b;
  }
}
