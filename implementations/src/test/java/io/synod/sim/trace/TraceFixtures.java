package io.synod.sim.trace;

import io.synod.conformance.trace.TraceResult;
import io.synod.conformance.trace.TraceValidator;
import io.synod.sim.Protocols;
import io.synod.sim.SimConfig;
import io.synod.sim.record.RunRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Runs the simulator into a folder and validates its trace against the spec mapping of the repo. */
final class TraceFixtures {
  private TraceFixtures() {}

  /** The repository's {@code specs/} folder (tests run in the module's folder). */
  static Path specs() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("specs"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("specs/ not found above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("specs");
  }

  static Path run(Path dir, String protocol, SimConfig cfg) throws IOException {
    Files.createDirectories(dir);
    RunRecorder.run(Protocols.byName(protocol).orElseThrow(), cfg, dir, s -> { });
    return dir.resolve(RunRecorder.TRACE);
  }

  static Path run(Path dir, String protocol, long seed, int nodes, int ops, String... bugs) throws IOException {
    return run(dir, protocol, SimConfig.of(seed, nodes, 4, ops).withBugs(Set.of(bugs)));
  }

  static TraceResult validate(TraceValidator v, Path trace) throws Exception {
    return v.validate(List.of(trace));
  }

  /** The 1-based line numbers of the events with this action. */
  static List<Integer> lines(Path trace, String action) throws IOException {
    List<String> all = Files.readAllLines(trace);
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith("{\"action\":\"" + action + "\"")) {
        out.add(i + 1);
      }
    }
    return out;
  }
}
