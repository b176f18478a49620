package io.synod.sim.record;

import io.synod.sim.Protocol;
import io.synod.sim.SimConfig;
import io.synod.sim.SimResult;
import io.synod.sim.Simulation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.synod.sim.Stats;
import java.util.function.Consumer;

/**
 * Runs a simulation and records it in a directory: {@code trace.ndjson} (implementation
 * trace), {@code history.edn} (client history) and {@code summary.json}; optionally
 * {@code events.ndjson}, the trace in plain JSON.
 */
public final class RunRecorder {
  public static final String TRACE = "trace.ndjson";
  /** The trace in plain JSON (sim --events). */
  public static final String EVENTS = "events.ndjson";
  public static final String HISTORY = "history.edn";
  public static final String SUMMARY = "summary.json";

  private RunRecorder() {}

  public static <M> SimResult run(Protocol<M> protocol, SimConfig cfg, Path dir, Consumer<Stats> progress)
      throws IOException {
    return run(protocol, cfg, dir, progress, false);
  }

  /** With {@code events}, also {@code events.ndjson}: the trace in plain JSON, for trace specs. */
  public static <M> SimResult run(Protocol<M> protocol, SimConfig cfg, Path dir, Consumer<Stats> progress,
      boolean events) throws IOException {
    Files.createDirectories(dir);
    SimResult r;
    try (Writer trace = new BufferedWriter(
            Files.newBufferedWriter(dir.resolve(TRACE), StandardCharsets.UTF_8), 1 << 16);
        Writer ev = events ? new BufferedWriter(
            Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8), 1 << 16) : null) {
      Simulation<M> sim = new Simulation<>(protocol, cfg, trace).onProgress(progress);
      if (ev != null) {
        sim.events(ev);
      }
      r = sim.run();
    }
    try (Writer h = Files.newBufferedWriter(dir.resolve(HISTORY), StandardCharsets.UTF_8)) {
      HistoryWriter.write(r.history(), h);
    }
    Files.writeString(dir.resolve(SUMMARY), SummaryWriter.json(r), StandardCharsets.UTF_8);
    return r;
  }
}
