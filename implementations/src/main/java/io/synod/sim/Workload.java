package io.synod.sim;

import java.util.SplittableRandom;

/** Generates the operations clients invoke and learns from their answers. */
public interface Workload {
  /** The next operation of {@code client}, with the run-unique id {@code id}. */
  Op next(long id, int client, SplittableRandom random);

  /** Called with every OK answer, e.g. so that a cas can expect a value the client saw. */
  default void observe(int client, Op op, Result result) {}
}
