package io.synod.sim;

/**
 * What a protocol node can be stepped with: a message from a peer, a clock tick or a client
 * request. Nodes never read clocks or random sources of their own: time arrives as ticks.
 *
 * @param <M> the protocol's message type
 */
public sealed interface Input<M> {
  /** A message {@code msg} from node {@code from}. */
  record Receive<M>(int from, M msg) implements Input<M> {}

  /** One tick of the node's logical clock (the simulator sends one every tick interval). */
  record Tick<M>() implements Input<M> {}

  /**
   * The node was just rebuilt from its durable state after a crash; it may only record its
   * {@code Restart} trace event here.
   */
  record Restart<M>() implements Input<M> {}

  /** A client's request, answered later through {@link Ready#reply}. */
  record Request<M>(int client, Op op) implements Input<M> {}
}
