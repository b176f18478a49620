package io.synod.sim;

import io.synod.sim.paxos.PaxosProtocol;
import io.synod.sim.raft.RaftProtocol;
import io.synod.sim.twophase.TwoPhaseProtocol;
import java.util.List;
import java.util.Optional;

/** The protocols the simulator can run, by command-line name. */
public final class Protocols {
  private Protocols() {}

  /** Names accepted by {@link #byName}. */
  public static List<String> names() {
    return List.of("raft", "paxos", "2pc");
  }

  public static Optional<Protocol<?>> byName(String name) {
    return switch (name) {
      case "raft" -> Optional.of(new RaftProtocol());
      case "paxos" -> Optional.of(new PaxosProtocol());
      case "2pc" -> Optional.of(new TwoPhaseProtocol());
      default -> Optional.empty();
    };
  }
}
