package io.synod.sim.raft;

import java.util.List;

/** What a Raft node keeps across crashes: currentTerm, votedFor (-1 for none) and the log. */
public record RaftDisk(long currentTerm, int votedFor, List<Entry> log) {}
