package io.synod.bench;

import io.synod.sim.Protocol;
import io.synod.sim.Protocols;
import io.synod.sim.SimConfig;
import io.synod.sim.SimResult;
import io.synod.sim.Simulation;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end throughput of {@code synod sim}: simulated messages and client operations per
 * wall-clock second, per protocol, with every fault on and invariant monitors running.
 * Usage: {@code SimBench [--runs R] [--ops N] [--nodes N] [--trace] [protocol...]}.
 */
public final class SimBench {
  private SimBench() {}

  /** Discards the trace, so that encoding is measured but not the disk. */
  private static final class NullWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public Writer append(CharSequence csq) {
      chars += csq.length();
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  public static void main(String[] args) {
    int runs = 10;
    int ops = 1000;
    int nodes = 5;
    boolean trace = false;
    List<String> protocols = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--ops" -> ops = Integer.parseInt(args[++i]);
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--trace" -> trace = true;
        default -> protocols.add(args[i]);
      }
    }
    if (protocols.isEmpty()) {
      protocols.addAll(Protocols.names());
    }
    System.out.printf("synod sim benchmark: %d runs x %d ops, %d nodes, all faults, trace %s%n", runs, ops, nodes,
        trace ? "encoded (discarded)" : "off");
    System.out.printf("%-6s %12s %12s %12s %10s %10s%n", "proto", "messages/s", "steps/s", "ops/s", "sim-x", "wall s");
    for (String name : protocols) {
      Protocol<?> p = Protocols.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown protocol " + name));
      // Warm-up runs let the JIT compile the hot paths before measuring.
      for (int w = 0; w < 3; w++) {
        run(p, 1000 + w, nodes, ops, trace);
      }
      long delivered = 0;
      long steps = 0;
      long done = 0;
      long simNanos = 0;
      long t0 = System.nanoTime();
      for (int r = 0; r < runs; r++) {
        SimResult res = run(p, r + 1, nodes, ops, trace);
        delivered += res.stats().delivered;
        steps += res.stats().steps;
        done += res.stats().ok + res.stats().fail + res.stats().info;
        simNanos += res.stats().simulatedNanos;
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "%-6s %12.0f %12.0f %12.0f %10.1f %10.2f%n", name, delivered / wall, steps / wall,
          done / wall, simNanos / 1e9 / wall, wall);
    }
  }

  private static SimResult run(Protocol<?> p, long seed, int nodes, int ops, boolean trace) {
    SimConfig cfg = SimConfig.of(seed, Math.max(nodes, p.minNodes()), 4, ops);
    return new Simulation<>(p, cfg, trace ? new NullWriter() : null).run();
  }
}
