package io.synod.sim.raft;

import io.synod.sim.DiskRecord;
import java.util.List;

/**
 * Records of a Raft node's disk journal. Replayed in order they rebuild what Raft must keep
 * across crashes: currentTerm, votedFor and the log.
 */
public sealed interface RaftDisk extends DiskRecord {
  /** currentTerm and votedFor (-1 for none) as of this record. */
  record TermVote(long term, int votedFor) implements RaftDisk {}

  /** The log from {@code fromIndex} on is replaced by {@code entries}. */
  record LogSuffix(long fromIndex, List<Entry> entries) implements RaftDisk {}
}
