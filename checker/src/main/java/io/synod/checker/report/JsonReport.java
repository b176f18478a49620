package io.synod.checker.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.ItfCodec;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.StringTable;

/**
 * The machine-readable summary of a check: verdict, exit code, violated name, counts, timing,
 * and the trace (each state's variables both as ITF values and as TLC prints them).
 */
public final class JsonReport {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonReport() {}

  public static ObjectNode encode(String spec, String config, int workers, CheckResult r) {
    ObjectNode o = F.objectNode();
    o.put("tool", "synod check");
    o.put("spec", spec);
    o.put("config", config);
    o.put("workers", workers);
    o.put("verdict", r.verdict().label());
    o.put("exitCode", r.exitCode());
    CheckResult.Failure f = r.firstFailure();
    o.put("violated", f == null ? null : f.name());
    o.put("message", f == null ? null : f.message());
    SearchStats s = r.stats();
    o.put("statesGenerated", s.generated());
    o.put("distinctStates", s.distinct());
    o.put("statesLeftOnQueue", s.queue());
    o.put("depth", s.depth());
    o.put("elapsedMillis", r.elapsedMillis());
    o.put("distinctStatesPerSecond",
        r.elapsedMillis() == 0 ? 0 : s.distinct() * 1000 / Math.max(1, r.elapsedMillis()));
    o.put("collisionProbability", r.collisionProbability());
    ObjectNode memory = o.putObject("memory");
    memory.put("seenSetBytes", r.memory().seenSetBytes());
    memory.put("seenSetBytesPerState", s.distinct() == 0 ? 0
        : Math.round(10.0 * r.memory().seenSetBytes() / s.distinct()) / 10.0);
    memory.put("bytesSpilled", r.memory().bytesSpilled());
    if (r.memory().livenessBytes() > 0) {
      memory.put("livenessBytes", r.memory().livenessBytes());
      memory.put("livenessBytesPerState", s.distinct() == 0 ? 0
          : Math.round(10.0 * r.memory().livenessBytes() / s.distinct()) / 10.0);
    }
    ArrayNode levels = o.putArray("levels");
    for (CheckResult.Level l : r.levels()) {
      levels.addObject().put("depth", l.depth()).put("expanded", l.expanded())
          .put("millis", l.millis()).put("jitMillis", l.jitMillis()).put("gcMillis", l.gcMillis());
    }
    if (f != null) {
      ItfCodec codec = new ItfCodec(new StringTable());
      ArrayNode trace = o.putArray("trace");
      for (TraceStep st : f.trace()) {
        ObjectNode so = trace.addObject();
        so.put("action", st.action().nameWithArgs());
        if (st.action().span() != null) {
          so.put("location", st.action().span().describe());
        }
        ObjectNode vars = so.putObject("values");
        ObjectNode text = so.putObject("printed");
        for (TraceStep.Binding b : st.printed()) {
          if (b.value() == null) {
            // a variable an incomplete successor left unassigned
            vars.putNull(b.name());
            text.put(b.name(), "null");
            continue;
          }
          vars.set(b.name(), codec.encode(b.value()));
          text.put(b.name(), Pretty.ppr(b.value()));
        }
      }
      // a liveness counterexample is a lasso: the last state goes back to backTo (0-based), or
      // stutters forever in itself
      CheckResult.Loop l = f.loop();
      if (l == null) {
        o.putNull("loop");
      } else {
        o.putObject("loop").put("backTo", l.stuttering() ? f.trace().size() - 1 : l.backTo())
            .put("stuttering", l.stuttering());
      }
      java.util.List<io.synod.checker.value.Value> shown = new java.util.ArrayList<>();
      f.trace().forEach(st -> st.printed().forEach(b -> shown.add(b.value())));
      ArrayNode mv = o.putArray("modelValues");
      ItfReport.modelValues(shown).forEach(mv::add);
      ArrayNode stack = o.putArray("stack");
      for (Span sp : f.stack()) {
        stack.add(sp.describe());
      }
    } else {
      o.putNull("trace");
    }
    return o;
  }
}
