package io.synod.sim.raft;

import java.util.List;

/**
 * Records of a Raft node's disk journal. Replayed in order they rebuild what Raft must keep
 * across crashes: currentTerm, votedFor and the log.
 */
public final class RaftDisk {
  private RaftDisk() {}

  /** currentTerm and votedFor (-1 for none) as of this record. */
  public record TermVote(long term, int votedFor) {}

  /** The log from {@code fromIndex} on is replaced by {@code entries}. */
  public record LogSuffix(long fromIndex, List<Entry> entries) {}
}
