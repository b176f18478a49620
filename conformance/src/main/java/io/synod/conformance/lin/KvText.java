package io.synod.conformance.lin;

/**
 * The string held by one key of the kv model, as the search sees it: the pieces appended so
 * far, newest last, sharing the older pieces with the state it was appended to. Appending
 * costs the length of the piece, not of the string, and a polynomial hash kept along makes
 * hashing constant-time and most comparisons a matter of two numbers; equal hashes are
 * confirmed piece by piece, so equality is exact.
 */
final class KvText {
  private static final long BASE = 0x100000001B3L;

  /** The text before {@link #piece}, or null. */
  private final KvText before;
  private final String piece;
  final int length;
  /** Sum of char(i) * BASE^(length - 1 - i), modulo 2^64. */
  private final long hash;
  /**
   * {@link String#hashCode} of the text: a read compares it with the hash its string caches,
   * instead of hashing a string as long as the whole text every time it is tried.
   */
  private final int stringHash;

  private KvText(KvText before, String piece, int length, long hash, int stringHash) {
    this.before = before;
    this.piece = piece;
    this.length = length;
    this.hash = hash;
    this.stringHash = stringHash;
  }

  static KvText of(String s) {
    return new KvText(null, s, s.length(), hash(0, s), s.hashCode());
  }

  KvText append(String s) {
    if (s.isEmpty()) {
      return this;
    }
    int h = stringHash;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return new KvText(this, s, length + s.length(), hash(hash, s), h);
  }

  private static long hash(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = h * BASE + s.charAt(i);
    }
    return h;
  }

  /** Whether this text is exactly {@code s}. */
  boolean is(String s) {
    return s.length() == length && s.hashCode() == stringHash && matches(s, Integer.MAX_VALUE);
  }

  /**
   * Whether {@code s} begins with this text, judged by at most {@code pieces} of the newest
   * pieces (true when those match and older ones were not looked at).
   */
  boolean mayPrefix(String s, int pieces) {
    return length <= s.length() && matches(s, pieces);
  }

  /** The newest {@code pieces} pieces (all if fewer) stand at their places in {@code s}. */
  private boolean matches(String s, int pieces) {
    int end = length;
    for (KvText t = this; t != null && pieces-- > 0; t = t.before) {
      int start = end - t.piece.length();
      if (!s.regionMatches(start, t.piece, 0, t.piece.length())) {
        return false;
      }
      end = start;
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof KvText t) || t.length != length || t.hash != hash) {
      return false;
    }
    // Compared from the end, piece against piece, without building either string; two chains
    // that meet at the same piece at the same offset share the rest.
    KvText x = this;
    KvText y = t;
    int i = x.piece.length();
    int j = y.piece.length();
    while (x != null && y != null) {
      if (x == y && i == j) {
        return true;
      }
      int k = Math.min(i, j);
      if (!x.piece.regionMatches(i - k, y.piece, j - k, k)) {
        return false;
      }
      i -= k;
      j -= k;
      if (i == 0 && (x = x.before) != null) {
        i = x.piece.length();
      }
      if (j == 0 && (y = y.before) != null) {
        j = y.piece.length();
      }
    }
    // the lengths are equal, so both ran out together
    return true;
  }

  @Override
  public int hashCode() {
    return (int) (hash ^ (hash >>> 32));
  }

  @Override
  public String toString() {
    if (before == null) {
      return piece;
    }
    char[] out = new char[length];
    int end = length;
    for (KvText t = this; t != null; t = t.before) {
      end -= t.piece.length();
      t.piece.getChars(0, t.piece.length(), out, end);
    }
    return new String(out);
  }
}
