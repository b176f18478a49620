package io.synod.checker.value;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * 64-bit fingerprints of values and states for one fingerprint family ({@code -fp N}).
 *
 * <p>A state is an array of values by variable slot. Its fingerprint seeds a running hash with
 * the family's seed, extends it by each slot's cached structural {@link Value#fingerprint()}
 * and finalises it with the family's second seed. Values cache their structural fingerprint
 * once (it does not depend on the family), so fingerprinting a state costs one mix per slot.
 * Families {@code 0..}{@value #FAMILIES}{@code -1} (TLC's {@code -fp} range) draw their seeds
 * from SplitMix64 of the index; changing the family re-randomises the state-level mixing, which
 * is what TLC users use {@code -fp} for. Value-level collisions (two distinct values with equal
 * structural fingerprints) do not depend on the family; with a 64-bit avalanche mix per element
 * their probability is of the same order as a random 64-bit collision.
 *
 * <p>Instances are immutable and cheap; there is no global state.
 */
public final class Fingerprints {
  /** Number of selectable families, indices {@code 0..130} as TLC's {@code -fp}. */
  public static final int FAMILIES = 131;

  private final int index;
  private final long seed;
  private final long seed2;

  private Fingerprints(int index) {
    this.index = index;
    long s = 0x243f6a8885a308d3L + index * 0x9e3779b97f4a7c15L;
    this.seed = Hashing.fmix(s);
    this.seed2 = Hashing.fmix(s + 0x9e3779b97f4a7c15L);
  }

  /** The family with the given index; {@link IllegalArgumentException} outside {@code 0..130}. */
  public static Fingerprints family(int index) {
    if (index < 0 || index >= FAMILIES) {
      throw new IllegalArgumentException("fingerprint family index must be in 0.." + (FAMILIES - 1)
          + ", got " + index);
    }
    return new Fingerprints(index);
  }

  public int index() {
    return index;
  }

  /** Fingerprint of one value (e.g. a VIEW) in this family. */
  public long of(Value v) {
    return Hashing.fmix(Hashing.mix(seed, v.fingerprint()) ^ seed2);
  }

  /** Fingerprint of a state given as its values by variable slot. */
  public long ofState(Value[] slots) {
    long h = seed ^ slots.length;
    for (Value v : slots) {
      h = Hashing.mix(h, v.fingerprint());
    }
    return Hashing.fmix(h ^ seed2);
  }

  /**
   * TLC's "calculated (optimistic)" probability that two distinct states shared a fingerprint:
   * {@code distinct * (generated - distinct) / 2^64}; each of the {@code generated - distinct}
   * duplicate hits could have been a new state colliding with one of {@code distinct} prints.
   */
  public static double optimisticCollisionProbability(long distinct, long generated) {
    return (double) distinct * (double) (generated - distinct) / 0x1p64;
  }

  /**
   * Whether TLC adds its second estimate, "based on the actual fingerprints", to the success
   * report: only when the optimistic one is not negligible (the fixtures print it at 3.0E-9
   * and omit it at 3.8E-11).
   */
  public static boolean reportsActualEstimate(double optimistic) {
    return optimistic >= 1e-10;
  }

  /**
   * The second estimate from the smallest gap between two stored fingerprints (see
   * {@code FingerprintSet#minimumGap}): if fingerprints were that close everywhere, the chance
   * that a new state's print hits a stored one is about {@code 1 / gap}. The fixtures normalise
   * this number away, so only its presence has to match TLC.
   */
  public static double actualCollisionProbability(long minimumGap) {
    if (minimumGap == 0) {
      return 1.0;
    }
    double gap = minimumGap < 0 ? minimumGap + 0x1p64 : minimumGap;
    return 1.0 / gap;
  }

  /** Formats a probability as TLC does: two significant digits, {@code 3.9E-18}, {@code 0.0}. */
  public static String formatProbability(double p) {
    if (p == 0) {
      return "0.0";
    }
    return Double.toString(new BigDecimal(p).round(new MathContext(2)).doubleValue());
  }
}
