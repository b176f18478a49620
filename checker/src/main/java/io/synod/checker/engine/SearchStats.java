package io.synod.checker.engine;

/**
 * Counts of a search, as TLC reports them and as {@code TLCGet("stats")} exposes them.
 *
 * @param generated states generated (initial states plus every successor, duplicates included)
 * @param distinct states admitted to the seen-set
 * @param queue states left on the queue
 * @param depth the BFS depth reached (initial states at 1)
 */
public record SearchStats(long generated, long distinct, long queue, int depth) {}
