package io.synod.sim.raft;

import java.util.List;

/** Raft's four RPC messages (requests and responses), as in the Raft paper, Figure 2. */
public sealed interface RaftMsg {
  long term();

  /** RequestVote request. */
  record VoteRequest(long term, long lastLogIndex, long lastLogTerm) implements RaftMsg {}

  /** RequestVote response. */
  record VoteResponse(long term, boolean granted) implements RaftMsg {}

  /** AppendEntries request; an empty entry list is a heartbeat. */
  record AppendRequest(long term, long prevLogIndex, long prevLogTerm, List<Entry> entries, long commitIndex)
      implements RaftMsg {}

  /**
   * AppendEntries response. On success {@code matchIndex} is the last index known to match
   * the leader; on failure it is the follower's last index, a hint for backing up.
   */
  record AppendResponse(long term, boolean success, long matchIndex) implements RaftMsg {}
}
