package io.synod.checker.value;

/**
 * The 64-bit structural hash every value caches. Equal values get equal hashes because the hash
 * is computed over the canonical form (sets in canonical order, every function as the sequence of
 * its (domain element, value) pairs, whatever class represents it). The mixing is a
 * multiply-xorshift finaliser (bijective on 64 bits) applied after each element, so two
 * distinct sequences of equal length collide only if two pseudo-random 64-bit states coincide.
 */
public final class Hashing {
  private Hashing() {}

  static final long TAG_BOOL = 0x6a09e667f3bcc908L;
  static final long TAG_INT = 0xbb67ae8584caa73bL;
  static final long TAG_STRING = 0x3c6ef372fe94f82bL;
  static final long TAG_MODEL = 0xa54ff53a5f1d36f1L;
  static final long TAG_SET = 0x510e527fade682d1L;
  static final long TAG_FCN = 0x9b05688c2b3e6c1fL;
  static final long TAG_BIGINT = 0x1f83d9abfb41bd6bL;

  private static final long K = 0x9e3779b97f4a7c15L;

  /** Bijective 64-bit finaliser (the SplitMix64 / MurmurHash3 style avalanche). */
  public static long fmix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Extends the running hash {@code h} by the element hash {@code x}; order sensitive. */
  public static long mix(long h, long x) {
    return fmix(h * K ^ x);
  }

  static long ofLong(long tag, long v) {
    return fmix(tag ^ fmix(v));
  }

  static long ofChars(long tag, CharSequence s) {
    long h = tag ^ s.length();
    int n = s.length();
    int i = 0;
    for (; i + 3 < n; i += 4) {
      long chunk = ((long) s.charAt(i)) | ((long) s.charAt(i + 1) << 16)
          | ((long) s.charAt(i + 2) << 32) | ((long) s.charAt(i + 3) << 48);
      h = mix(h, chunk);
    }
    long tail = 0;
    for (int sh = 0; i < n; i++, sh += 16) {
      tail |= ((long) s.charAt(i)) << sh;
    }
    return mix(h, tail ^ 0x5bd1e995L);
  }
}
