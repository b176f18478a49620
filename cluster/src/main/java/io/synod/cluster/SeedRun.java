package io.synod.cluster;

import java.io.Serializable;

/**
 * One seed of a sweep, run where a {@link SeedSweep} sends it (the class must be on every
 * member's class path, as it is in {@code synod.jar}): returns null when the seed passed, or a
 * one-line reason why it failed. Must depend on the seed and its own fields only, so that a
 * seed gives the same answer on any machine and when it is run again.
 */
public interface SeedRun extends Serializable {
  String run(long seed);
}
