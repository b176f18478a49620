package io.synod.sim;

import java.util.List;

/**
 * What a run produced.
 *
 * @param protocol protocol name
 * @param config the configuration run
 * @param stats counters
 * @param history the client history, in order
 * @param violations invariant violations seen by the protocol's monitor (empty if none)
 * @param nodeNames names of the nodes
 */
public record SimResult(
    String protocol,
    SimConfig config,
    Stats stats,
    List<HistoryEvent> history,
    List<String> violations,
    List<String> nodeNames) {}
