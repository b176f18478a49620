package io.synod.sim.record;

import io.synod.sim.Fault;
import io.synod.sim.SimConfig;
import io.synod.sim.SimResult;
import io.synod.sim.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The machine-readable summary of a run ({@code summary.json}). It holds only what the seed
 * determines (no wall-clock time), so it is byte-identical across reruns.
 */
public final class SummaryWriter {
  private SummaryWriter() {}

  public static String json(SimResult r) {
    SimConfig c = r.config();
    Stats s = r.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protocol", r.protocol());
    m.put("seed", c.seed());
    m.put("nodes", (long) c.nodes());
    m.put("nodeNames", new ArrayList<>(r.nodeNames()));
    m.put("clients", (long) c.clients());
    m.put("ops", (long) c.ops());
    m.put("keys", (long) c.keys());
    List<Object> faults = new ArrayList<>();
    for (Fault f : c.faults()) {
      faults.add(f.cliName());
    }
    m.put("faults", faults);
    m.put("bugs", new ArrayList<Object>(new TreeSet<>(c.bugs())));
    Map<String, Object> ops = new LinkedHashMap<>();
    ops.put("invoked", s.invoked);
    ops.put("ok", s.ok);
    ops.put("fail", s.fail);
    ops.put("info", s.info);
    m.put("operations", ops);
    Map<String, Object> injected = new LinkedHashMap<>();
    for (Fault f : Fault.values()) {
      injected.put(f.cliName(), s.faults.getOrDefault(f, 0L));
    }
    m.put("faultsInjected", injected);
    m.put("leaderChanges", s.leaderChanges);
    Map<String, Object> msgs = new LinkedHashMap<>();
    msgs.put("sent", s.sent);
    msgs.put("delivered", s.delivered);
    msgs.put("dropped", s.dropped);
    msgs.put("duplicated", s.duplicated);
    m.put("messages", msgs);
    m.put("steps", s.steps);
    m.put("simulatedNanos", s.simulatedNanos);
    m.put("violations", new ArrayList<Object>(r.violations()));
    StringBuilder sb = new StringBuilder();
    Json.write(sb, m);
    return sb.append('\n').toString();
  }
}
