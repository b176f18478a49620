package io.synod.checker.engine;

import io.synod.checker.value.Value;

/**
 * Receives the explored state graph ({@code -dump dot}): every admitted initial state and every
 * step between states in the model. Called from worker threads; implementations synchronise.
 */
public interface StateGraphListener {
  /** An initial state admitted to the seen-set, with its fingerprint. */
  void initialState(long fp, Value[] state);

  /** A step from a state to a successor in the model; {@code isNew} when t was first seen here. */
  void step(long fromFp, long toFp, Value[] to, ActionLabel action, boolean isNew);
}
