package io.synod.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.config.NamedEntry;
import io.synod.checker.config.Position;
import io.synod.checker.config.Substitution;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.eval.TraceSpec;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.ItfCodec;
import io.synod.checker.value.ItfTrace;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that an implementation trace is a behaviour its spec allows. The trace is split by the
 * mapping's partition field; for each part, the set of spec states consistent with the events so
 * far (the candidates, deduplicated by value) is advanced event by event with the spec's own
 * successor generation, restricted to the event's action and arguments, and kept only where the
 * successor agrees with every value the event logs. The first event that leaves no candidate
 * rejects the trace.
 *
 * <p>Reentrant: a validator holds only the parsed spec and the mapping; every call keeps its own
 * state, so one validator may check many traces, also from several threads.
 */
public final class TraceValidator {

  /**
   * @param unloggedSteps spec steps (of the whole next-state relation) allowed between two
   *     logged events, for implementations that do not log every step
   * @param shown how many candidate states a rejection shows and explains
   * @param libraryPath extra module folders
   */
  public record Options(int unloggedSteps, int shown, List<Path> libraryPath, int candidateBudget) {
    public static final Options DEFAULT = new Options(0, 3, List.of());

    /** With a budget of a million candidate states per event. */
    public Options(int unloggedSteps, int shown, List<Path> libraryPath) {
      this(unloggedSteps, shown, libraryPath, 1_000_000);
    }
  }

  /** The candidate set outgrew the budget at an event: the verdict is unknown. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient TraceEvent event;

    OverBudget(TraceEvent event) {
      super(null, null, false, false);
      this.event = event;
    }
  }

  /** What led to a state reached by an unlogged step (--unlogged). */
  private static final String[] UNLOGGED = {"unlogged step", null};

  private final TraceMapping mapping;
  private final TraceSpec.Source source;
  private final Options options;

  private TraceValidator(TraceMapping mapping, TraceSpec.Source source, Options options) {
    this.mapping = mapping;
    this.source = source;
    this.options = options;
  }

  /** Loads the mapping and parses its spec. */
  public static TraceValidator of(Path mappingFile, Options options) throws TraceInputException {
    TraceMapping m = TraceMapping.load(mappingFile);
    try {
      return new TraceValidator(m, TraceSpec.parse(m.spec(), options.libraryPath()), options);
    } catch (FrontendException e) {
      throw new TraceInputException(m.spec() + ": " + e.getMessage());
    }
  }

  public static TraceValidator of(Path mappingFile) throws TraceInputException {
    return of(mappingFile, Options.DEFAULT);
  }

  public TraceMapping mapping() {
    return mapping;
  }

  /** Reads (merging several files by their clocks) and validates a trace. */
  public TraceResult validate(List<Path> traceFiles) throws TraceInputException {
    return validateEvents(TraceReader.read(traceFiles));
  }

  /** Validates events already read (in order). */
  public TraceResult validateEvents(List<TraceEvent> events) throws TraceInputException {
    long start = System.nanoTime();
    for (TraceEvent e : events) {
      if (!mapping.events.containsKey(e.action())) {
        throw TraceInputException.at(e.file(), e.line(), "event " + e.action()
            + " is not in the mapping " + mapping.file() + " (map it to an action, or skip it)");
      }
    }
    Set<String> nodes = new TreeSet<>();
    for (TraceEvent e : events) {
      if (!e.node().isEmpty() && !mapping.ignoreNodes.contains(e.node())) {
        nodes.add(e.node());
      }
      collectNodes(e.json().get("msg"), nodes);
      JsonNode sent = e.json().get("sent");
      if (sent != null) {
        for (JsonNode m : sent) {
          collectNodes(m, nodes);
        }
      }
    }
    Map<String, List<TraceEvent>> parts = partition(events);
    int maxCandidates = 0;
    TraceResult.Rejection first = null;
    boolean ran = false;
    for (Map.Entry<String, List<TraceEvent>> part : parts.entrySet()) {
      if (part.getValue().stream().allMatch(e -> mapping.events.get(e.action()).skip())) {
        continue;
      }
      ran = true;
      Run run = new Run(part.getKey(), part.getValue(), nodes);
      TraceResult.Rejection r;
      try {
        r = run.go();
      } catch (OverBudget b) {
        String why = "more than " + options.candidateBudget() + " candidate spec states at event "
            + (b.event.index() + 1) + " (" + b.event.where() + ")" + (part.getKey().isEmpty() ? "" : ", part "
            + part.getKey()) + ": lower --unlogged or raise --max-candidates";
        return new TraceResult(events.size(), parts.size(), Math.max(maxCandidates, run.maxCandidates),
            System.nanoTime() - start, null, why);
      }
      maxCandidates = Math.max(maxCandidates, run.maxCandidates);
      if (r != null && (first == null || r.event().index() < first.event().index())) {
        first = r;
      }
    }
    if (!ran) {
      // nothing to replay, but the mapping must still fit the spec
      new Run("", List.of(), nodes).go();
    }
    return new TraceResult(events.size(), parts.size(), maxCandidates, System.nanoTime() - start, first, null);
  }

  private void collectNodes(JsonNode msg, Set<String> nodes) {
    if (msg == null || !msg.isObject()) {
      return;
    }
    for (String f : mapping.nodeFields) {
      JsonNode v = msg.get(f);
      if (v != null && v.isTextual()) {
        nodes.add(v.asText());
      }
    }
  }

  /** The parts of the trace by the partition field; events without one belong to every part. */
  private Map<String, List<TraceEvent>> partition(List<TraceEvent> events) {
    Map<String, List<TraceEvent>> parts = new LinkedHashMap<>();
    if (mapping.partition.isEmpty()) {
      parts.put("", events);
      return parts;
    }
    for (TraceEvent e : events) {
      String k = partKey(e);
      if (k != null) {
        parts.computeIfAbsent(k, x -> new ArrayList<>());
      }
    }
    for (TraceEvent e : events) {
      String k = partKey(e);
      if (k == null) {
        parts.values().forEach(l -> l.add(e));
      } else {
        parts.get(k).add(e);
      }
    }
    return parts;
  }

  private String partKey(TraceEvent e) {
    for (String p : mapping.partition) {
      List<JsonNode> found = Paths.resolve(e.json(), p);
      if (!found.isEmpty() && found.get(0).isValueNode()) {
        return found.get(0).asText();
      }
    }
    return null;
  }

  /** A candidate spec state and how it was reached (for the matched prefix). */
  /**
   * A spec state consistent with the trace so far, with the state before it and what led to it
   * (the event's mapped step and its file:line; null for an initial or unlogged step).
   */
  private record Cand(Value[] state, Cand parent, String[] via) {}

  /** The validation of one part: all mutable state of a call lives here. */
  private final class Run {
    final String key;
    final List<TraceEvent> events;
    final Set<String> nodes;
    int maxCandidates;
    TraceSpec spec;
    TraceSpec.Session session;
    ItfCodec codec;
    StringTable strings;
    List<String> vars;
    final Map<String, Integer> slots = new HashMap<>();
    int msgSlot = -1;
    final Map<String, TraceSpec.Action> actions = new HashMap<>();
    /** The constants sized from this part (set while compiling). */
    Map<String, Value> constantValues = Map.of();

    Run(String key, List<TraceEvent> events, Set<String> nodes) {
      this.key = key;
      this.events = events;
      this.nodes = nodes;
    }

    TraceResult.Rejection go() throws TraceInputException {
      compile();
      List<Cand> cands = new ArrayList<>();
      try {
        Map<Long, Cand> init = new LinkedHashMap<>();
        session.initialStates(s -> init.putIfAbsent(fingerprint(s), new Cand(s, null, null)));
        cands.addAll(init.values());
      } catch (RuntimeException e) {
        throw new TraceInputException(mapping.spec() + ": evaluating the initial predicate " + mapping.init
            + " failed: " + e.getMessage());
      }
      maxCandidates = cands.size();
      for (TraceEvent e : events) {
        TraceMapping.EventRule rule = mapping.events.get(e.action());
        if (rule.skip()) {
          continue;
        }
        cands = unlogged(cands, e);
        Step step = step(e, rule);
        String[] via = {step.describe(), "event " + (e.index() + 1) + ", " + e.where()};
        Map<Long, Cand> next = new LinkedHashMap<>();
        for (Cand c : cands) {
          if (step.msgIn != null && !holds(c.state[msgSlot], step.msgIn)) {
            continue;
          }
          Value expectMsgs = step.expectedMessages(c.state);
          try {
            session.successors(c.state, step.action, step.args, t -> {
              if (mismatches(c.state, t, step, expectMsgs, false).isEmpty()) {
                next.putIfAbsent(fingerprint(t), new Cand(t, c, via));
                if (next.size() > options.candidateBudget()) {
                  throw new OverBudget(e);
                }
              }
            });
          } catch (TraceSpec.EvaluationFailure | io.synod.checker.value.EvalError x) {
            // no successor from this candidate; explained if the event is rejected
          }
          if (rule.stutter() && mismatches(c.state, c.state, step, expectMsgs, false).isEmpty()) {
            next.putIfAbsent(fingerprint(c.state), c);
          }
        }
        if (next.isEmpty()) {
          return reject(e, step, cands);
        }
        cands = new ArrayList<>(next.values());
        maxCandidates = Math.max(maxCandidates, cands.size());
      }
      return null;
    }

    /** The candidates plus every state up to {@code unloggedSteps} spec steps from them. */
    List<Cand> unlogged(List<Cand> cands, TraceEvent before) {
      if (options.unloggedSteps() <= 0) {
        return cands;
      }
      Map<Long, Cand> all = new LinkedHashMap<>();
      for (Cand c : cands) {
        all.putIfAbsent(fingerprint(c.state), c);
      }
      List<Cand> frontier = cands;
      for (int i = 0; i < options.unloggedSteps(); i++) {
        List<Cand> added = new ArrayList<>();
        for (Cand c : frontier) {
          try {
            session.next(c.state, t -> {
              long fp = fingerprint(t);
              if (!all.containsKey(fp)) {
                Cand n = new Cand(t, c, UNLOGGED);
                all.put(fp, n);
                added.add(n);
                if (all.size() > options.candidateBudget()) {
                  throw new OverBudget(before);
                }
              }
            });
          } catch (TraceSpec.EvaluationFailure | io.synod.checker.value.EvalError x) {
            // a state the spec cannot step from: no unlogged successor
          }
        }
        frontier = added;
      }
      maxCandidates = Math.max(maxCandidates, all.size());
      return new ArrayList<>(all.values());
    }

    void compile() throws TraceInputException {
      ModelConfig.Builder b = ModelConfig.builder(mapping.file().toString())
          .init(new NamedEntry(mapping.init, Position.NONE));
      if (options.unloggedSteps() > 0) {
        // splitting the next-state relation costs per constant value (a Paxos ballot range):
        // only done when unlogged steps need it
        b.next(new NamedEntry(mapping.next, Position.NONE));
      }
      for (Map.Entry<String, String> s : mapping.substitutions.entrySet()) {
        b.substitution(new Substitution(s.getKey(), s.getValue(), Optional.empty(), Position.NONE));
      }
      try {
        spec = source.compile(b.build(), this::constants);
      } catch (FrontendException e) {
        throw new TraceInputException(mapping.file() + ": the spec does not fit the mapping: "
            + e.getMessage().replace("configuration file", "mapping"));
      } catch (IllegalStateException e) {
        throw new TraceInputException(mapping.file() + ": " + e.getMessage());
      }
      strings = spec.strings();
      codec = new ItfCodec(strings);
      session = spec.session();
      vars = spec.variables();
      for (int i = 0; i < vars.size(); i++) {
        slots.put(vars.get(i), i);
      }
      for (String v : mapping.variables.keySet()) {
        if (!slots.containsKey(v)) {
          throw new TraceInputException(mapping.file() + ": variables." + v
              + ": the spec has no variable " + v + " (it has " + String.join(", ", vars) + ")");
        }
      }
      if (mapping.messages != null) {
        Integer s = slots.get(mapping.messages.variable());
        if (s == null) {
          throw new TraceInputException(mapping.file() + ": messages.variable: the spec has no variable "
              + mapping.messages.variable());
        }
        msgSlot = s;
      }
    }

    /** The constants sized from this part of the trace, in the spec's intern table. */
    Map<String, Value> constants(StringTable t) {
      for (String n : nodes) {
        t.modelValue(n);
      }
      for (String n : mapping.modelValues) {
        t.modelValue(n);
      }
      ItfCodec c = new ItfCodec(t);
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<String, TraceMapping.Constant> en : mapping.constants.entrySet()) {
        TraceMapping.Constant k = en.getValue();
        Value v;
        if (k instanceof TraceMapping.Constant.Nodes n) {
          List<Value> vs = new ArrayList<>();
          for (String node : nodes) {
            if (n.pattern().matcher(node).find()) {
              vs.add(t.modelValue(node));
            }
          }
          v = Values.set(vs);
        } else if (k instanceof TraceMapping.Constant.Model m) {
          v = t.modelValue(m.name());
        } else if (k instanceof TraceMapping.Constant.Int i) {
          v = IntValue.of(i.value());
        } else if (k instanceof TraceMapping.Constant.Str s) {
          v = t.string(s.value());
        } else if (k instanceof TraceMapping.Constant.Collect col) {
          Set<Value> vs = new LinkedHashSet<>();
          for (TraceEvent e : events) {
            for (String p : col.paths()) {
              for (JsonNode j : Paths.resolve(e.json(), p)) {
                vs.add(decode(c, j, e));
              }
            }
          }
          v = Values.set(new ArrayList<>(vs));
        } else {
          TraceMapping.Constant.Max mx = (TraceMapping.Constant.Max) k;
          long max = mx.atLeast();
          for (TraceEvent e : events) {
            for (String p : mx.paths()) {
              for (JsonNode j : Paths.resolve(e.json(), p)) {
                if (j.isIntegralNumber()) {
                  max = Math.max(max, j.asLong());
                }
              }
            }
          }
          v = IntValue.of(max == Long.MIN_VALUE ? 0 : max);
        }
        out.put(en.getKey(), v);
      }
      constantValues = out;
      return out;
    }

    /**
     * The values of the state variables (the acting node's entry of a per-node one) and of the
     * constants the conjunct's text names, e.g. {@code tmPrepared = {rm2}, RM = {rm1, rm2}}.
     */
    String where(String text, Value[] s, Value node) {
      Set<String> names = new LinkedHashSet<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(text);
      while (m.find()) {
        names.add(m.group());
      }
      List<String> parts = new ArrayList<>();
      for (String n : names) {
        Integer slot = slots.get(n);
        if (slot != null && slot != msgSlot) {
          Value e = mapping.variables.get(n) == TraceMapping.Scope.PER_NODE ? entry(s[slot], node) : null;
          parts.add(e != null ? n + "[" + node + "] = " + clip(flat(e)) : n + " = " + clip(flat(s[slot])));
        } else if (constantValues.containsKey(n)) {
          parts.add(n + " = " + clip(flat(constantValues.get(n))));
        }
      }
      return parts.isEmpty() ? "" : "; where " + String.join(", ", parts);
    }

    Value decode(ItfCodec c, JsonNode j, TraceEvent e) {
      try {
        return c.decode(j);
      } catch (ItfCodec.ItfException x) {
        throw new IllegalStateException(e.where() + ": " + x.getMessage());
      }
    }

    /** An event turned into spec terms. */
    final class Step {
      TraceSpec.Action action;
      Value[] args;
      Value node;
      /** Per logged and mapped variable: slot and value (the acting node's entry for per-node ones). */
      final List<Object[]> logged = new ArrayList<>();
      Value msgIn;
      TraceMapping.MsgEffect effect;
      final List<Value> sent = new ArrayList<>();

      String describe() {
        StringBuilder sb = new StringBuilder(action.name());
        if (args.length > 0) {
          sb.append('(');
          for (int i = 0; i < args.length; i++) {
            sb.append(i > 0 ? ", " : "").append(io.synod.checker.value.Pretty.flatAsWritten(args[i]));
          }
          sb.append(')');
        }
        return sb.toString();
      }

      /** The message variable the successor must have, or null when messages are not mapped. */
      Value expectedMessages(Value[] s) {
        if (msgSlot < 0) {
          return null;
        }
        Value cur = s[msgSlot];
        if (!mapping.messages.bag()) {
          if (!(cur instanceof SetValue set)) {
            return null;
          }
          SetValue r = set;
          if (msgIn != null && effect == TraceMapping.MsgEffect.CONSUME) {
            r = Values.diff(r, Values.set(msgIn));
          }
          if (!sent.isEmpty()) {
            r = Values.union(r, Values.set(sent));
          }
          return r;
        }
        if (!(cur instanceof FcnValue bag)) {
          return null;
        }
        Map<Value, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < bag.size(); i++) {
          counts.put(bag.domainAt(i), ((IntValue) bag.valueAt(i)).value());
        }
        if (msgIn != null && effect == TraceMapping.MsgEffect.CONSUME) {
          counts.merge(msgIn, -1L, Long::sum);
        }
        if (msgIn != null && effect == TraceMapping.MsgEffect.DUPLICATE) {
          counts.merge(msgIn, 1L, Long::sum);
        }
        for (Value m : sent) {
          counts.merge(m, 1L, Long::sum);
        }
        List<Value> d = new ArrayList<>();
        List<Value> v = new ArrayList<>();
        counts.forEach((m, n) -> {
          if (n > 0) {
            d.add(m);
            v.add(IntValue.of(n));
          }
        });
        return Values.fcn(d.toArray(new Value[0]), v.toArray(new Value[0]));
      }
    }

    Step step(TraceEvent e, TraceMapping.EventRule rule) throws TraceInputException {
      Step st = new Step();
      TraceSpec.Action a = actions.get(rule.name());
      if (a == null) {
        try {
          a = spec.action(rule.action(), rule.args().size());
        } catch (FrontendException x) {
          throw new TraceInputException(mapping.file() + ": events." + rule.name() + ": " + x.getMessage());
        }
        actions.put(rule.name(), a);
      }
      st.action = a;
      st.node = strings.isModelValue(e.node()) ? strings.modelValue(e.node()) : null;
      JsonNode vs = e.json().get("vars");
      if (vs != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = vs.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> en = it.next();
          TraceMapping.Scope scope = mapping.variables.get(en.getKey());
          if (scope == null) {
            continue;
          }
          st.logged.add(new Object[] {slots.get(en.getKey()), scope, en.getKey(), valueOf(en.getValue(), e)});
        }
      }
      if (msgSlot >= 0) {
        JsonNode m = e.json().get("msg");
        if (m != null) {
          st.msgIn = message(m, e, false);
          st.effect = rule.msg() != null ? rule.msg()
              : mapping.messages.consume() ? TraceMapping.MsgEffect.CONSUME : TraceMapping.MsgEffect.KEEP;
        }
        JsonNode sent = e.json().get("sent");
        if (sent != null) {
          for (JsonNode s : sent) {
            Value v = message(s, e, false);
            if (v != null) {
              st.sent.add(v);
            }
          }
        }
      }
      st.args = new Value[rule.args().size()];
      for (int i = 0; i < st.args.length; i++) {
        String p = rule.args().get(i);
        List<JsonNode> found = Paths.resolve(e.json(), p);
        if (found.isEmpty()) {
          throw TraceInputException.at(e.file(), e.line(), e.action() + " has no field " + p
              + " (argument " + (i + 1) + " of " + rule.action() + " in the mapping)");
        }
        // the received message is decoded once, as the spec writes it
        st.args[i] = p.equals("msg") && st.msgIn != null ? st.msgIn : message(found.get(0), e, true);
      }
      return st;
    }

    Value valueOf(JsonNode j, TraceEvent e) throws TraceInputException {
      try {
        return codec.decode(j);
      } catch (ItfCodec.ItfException x) {
        throw TraceInputException.at(e.file(), e.line(), "not an ITF value: " + x.getMessage());
      }
    }

    /**
     * A message of the trace as the spec writes it: only the fields its type keeps, or null when
     * its type is not in the spec. With {@code any}, a non-message value is decoded as it is.
     */
    Value message(JsonNode m, TraceEvent e, boolean any) throws TraceInputException {
      if (mapping.messages == null || !m.isObject() || m.has("#set") || m.has("#tup") || m.has("#map")) {
        return valueOf(m, e);
      }
      JsonNode type = m.get(mapping.messages.typeField());
      if (type == null) {
        return any ? valueOf(m, e) : null;
      }
      if (!mapping.messages.types().containsKey(type.asText())) {
        return any ? valueOf(m, e) : null;
      }
      List<String> keep = mapping.messages.types().get(type.asText());
      if (keep == null) {
        return valueOf(m, e);
      }
      ObjectNode o = ((ObjectNode) m).objectNode();
      for (String f : keep) {
        JsonNode v = m.get(f);
        if (v == null) {
          throw TraceInputException.at(e.file(), e.line(), "message " + m + " has no field " + f
              + " (messages.types." + type.asText() + " in the mapping)");
        }
        o.set(f, v);
      }
      return valueOf(o, e);
    }

    boolean holds(Value bagOrSet, Value m) {
      if (bagOrSet instanceof FcnValue f && mapping.messages.bag()) {
        return f.indexOf(m) >= 0;
      }
      if (bagOrSet instanceof SetValue s) {
        return s.contains(m);
      }
      return false;
    }

    /** What about step s -> t contradicts the event (empty when nothing). */
    List<TraceResult.Mismatch> mismatches(Value[] s, Value[] t, Step st, Value expectMsgs, boolean all) {
      List<TraceResult.Mismatch> out = new ArrayList<>();
      boolean[] seen = new boolean[vars.size()];
      for (Object[] l : st.logged) {
        int slot = (Integer) l[0];
        seen[slot] = true;
        String name = (String) l[2];
        Value want = (Value) l[3];
        if (l[1] == TraceMapping.Scope.PER_NODE) {
          Value got = entry(t[slot], st.node);
          if (got == null || !got.equals(want)) {
            out.add(valueMismatch(name, st.node, want, got, name + "[" + st.node + "]: the log says "
                + clip(flat(want)) + ", the spec " + (got == null ? "has no entry for " + st.node : clip(flat(got)))));
            if (!all) {
              return out;
            }
          }
          if (mapping.unlistedUnchanged && !othersUnchanged(s[slot], t[slot], st.node)) {
            out.add(valueMismatch(name, null, null, null, name
                + ": the spec changes the entry of another node than " + st.node));
            if (!all) {
              return out;
            }
          }
        } else if (!t[slot].equals(want)) {
          out.add(valueMismatch(name, null, want, t[slot], name + ": the log says " + clip(flat(want))
              + ", the spec " + clip(flat(t[slot]))));
          if (!all) {
            return out;
          }
        }
      }
      if (mapping.unlistedUnchanged) {
        for (Map.Entry<String, TraceMapping.Scope> v : mapping.variables.entrySet()) {
          int slot = slots.get(v.getKey());
          if (!seen[slot] && !t[slot].equals(s[slot])) {
            boolean atNode = v.getValue() == TraceMapping.Scope.PER_NODE && st.node != null
                && !java.util.Objects.equals(entry(s[slot], st.node), entry(t[slot], st.node));
            out.add(atNode
                ? valueMismatch(v.getKey(), st.node, entry(s[slot], st.node), entry(t[slot], st.node),
                    v.getKey() + "[" + st.node + "]: the log says unchanged (" + flat(entry(s[slot], st.node))
                    + "), the spec " + flat(entry(t[slot], st.node)))
                : valueMismatch(v.getKey(), null, s[slot], t[slot],
                    v.getKey() + ": the log says unchanged, the spec changes it"));
            if (!all) {
              return out;
            }
          }
        }
      }
      if (expectMsgs != null && !t[msgSlot].equals(expectMsgs)) {
        out.add(valueMismatch(mapping.messages.variable(), null, expectMsgs, t[msgSlot],
            mapping.messages.variable() + ": " + messageDiff(t[msgSlot], expectMsgs)));
      }
      return out;
    }

    /** A logged value the spec disagrees with, at {@code node}'s entry of the variable when not null. */
    TraceResult.Mismatch valueMismatch(String variable, Value node, Value logged, Value spec, String text) {
      return new TraceResult.Mismatch(TraceResult.Kind.VALUE, variable, text, variable,
          node == null ? null : JsonNodeFactory.instance.arrayNode().add(codec.encode(node)), itf(logged), itf(spec), null);
    }

    JsonNode itf(Value v) {
      return v == null ? null : codec.encode(v);
    }

    String messageDiff(Value got, Value want) {
      List<String> extra = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      Map<Value, Long> g = counts(got);
      Map<Value, Long> w = counts(want);
      for (Map.Entry<Value, Long> en : g.entrySet()) {
        long d = en.getValue() - w.getOrDefault(en.getKey(), 0L);
        if (d > 0) {
          extra.add(clip(flat(en.getKey())) + (d > 1 ? " (x" + d + ")" : ""));
        }
      }
      for (Map.Entry<Value, Long> en : w.entrySet()) {
        long d = en.getValue() - g.getOrDefault(en.getKey(), 0L);
        if (d > 0) {
          missing.add(clip(flat(en.getKey())) + (d > 1 ? " (x" + d + ")" : ""));
        }
      }
      StringBuilder sb = new StringBuilder();
      if (!missing.isEmpty()) {
        sb.append("the log sends ").append(String.join(", ", missing)).append(", which the spec does not");
      }
      if (!extra.isEmpty()) {
        sb.append(sb.length() > 0 ? "; " : "").append("the spec sends ").append(String.join(", ", extra))
            .append(", which the log does not");
      }
      return sb.toString();
    }

    Map<Value, Long> counts(Value v) {
      Map<Value, Long> out = new LinkedHashMap<>();
      if (v instanceof FcnValue f && mapping.messages.bag()) {
        for (int i = 0; i < f.size(); i++) {
          out.put(f.domainAt(i), f.valueAt(i) instanceof IntValue n ? n.value() : 1L);
        }
      } else if (v instanceof SetValue s) {
        for (Iterator<Value> it = s.iterator(); it.hasNext();) {
          out.put(it.next(), 1L);
        }
      }
      return out;
    }

    Value entry(Value f, Value node) {
      if (node == null || !(f instanceof FcnValue fn)) {
        return null;
      }
      int i = fn.indexOf(node);
      return i < 0 ? null : fn.valueAt(i);
    }

    boolean othersUnchanged(Value s, Value t, Value node) {
      if (!(s instanceof FcnValue a) || !(t instanceof FcnValue b) || a.size() != b.size()) {
        return s.equals(t);
      }
      for (int i = 0; i < a.size(); i++) {
        if (!a.domainAt(i).equals(b.domainAt(i))
            || !a.domainAt(i).equals(node) && !a.valueAt(i).equals(b.valueAt(i))) {
          return false;
        }
      }
      return true;
    }

    TraceResult.Rejection reject(TraceEvent e, Step st, List<Cand> cands) {
      // the nearest candidates: those whose step comes closest to the event (fewest logged
      // values contradicted, then a false conjunct, then a message not there), among the first
      // few hundred
      List<Object[]> ranked = new ArrayList<>();
      for (Cand c : cands.subList(0, Math.min(cands.size(), 200))) {
        List<TraceResult.Mismatch> why = explain(c, st);
        ranked.add(new Object[] {c, why, distance(why)});
      }
      ranked.sort(java.util.Comparator.comparingInt(x -> (Integer) x[2]));
      List<TraceResult.Candidate> nearest = new ArrayList<>();
      for (Object[] x : ranked.subList(0, Math.min(ranked.size(), Math.max(1, options.shown())))) {
        @SuppressWarnings("unchecked")
        List<TraceResult.Mismatch> why = (List<TraceResult.Mismatch>) x[1];
        Value[] state = ((Cand) x[0]).state;
        ObjectNode whole = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < vars.size(); i++) {
          whole.set(vars.get(i), codec.encode(state[i]));
        }
        nearest.add(new TraceResult.Candidate(show(state, st.node), why, whole));
      }
      Cand c = (Cand) ranked.get(0)[0];
      List<Value[]> states = new ArrayList<>();
      List<String[]> vias = new ArrayList<>();
      for (Cand x = c; x != null; x = x.parent) {
        states.add(0, x.state);
        vias.add(0, x.via);
      }
      List<Value[]> shown = new ArrayList<>();
      ranked.subList(0, nearest.size()).forEach(x -> shown.add(((Cand) x[0]).state));
      String itf = prefixItf(codec, vars, states, vias, shown, "trace prefix matched before "
          + e.where() + " (" + e.action() + ")" + (key.isEmpty() ? "" : ", part " + key));
      return new TraceResult.Rejection(e, key, st.describe(), cands.size(), nearest, itf, states.size());
    }

    int distance(List<TraceResult.Mismatch> why) {
      int d = 0;
      for (TraceResult.Mismatch m : why) {
        d += switch (m.kind()) {
          case VALUE -> 1;
          case CONJUNCT, ERROR -> 1000;
          case MESSAGE -> 2000;
        };
      }
      return d;
    }

    List<TraceResult.Mismatch> explain(Cand c, Step st) {
      if (st.msgIn != null && !holds(c.state[msgSlot], st.msgIn)) {
        String v = mapping.messages.variable();
        return List.of(new TraceResult.Mismatch(TraceResult.Kind.MESSAGE, v, "the message it receives, "
            + flat(st.msgIn) + ", is not in " + v + " (never sent, or already received or lost)", v, null,
            itf(st.msgIn), null, null));
      }
      Value expect = st.expectedMessages(c.state);
      List<Value[]> succ = new ArrayList<>();
      String error = null;
      try {
        session.successors(c.state, st.action, st.args, succ::add);
      } catch (TraceSpec.EvaluationFailure | io.synod.checker.value.EvalError x) {
        error = x.getMessage();
      }
      if (succ.isEmpty()) {
        TraceSpec.Conjunct conj = session.failingConjunct(c.state, st.action, st.args);
        List<TraceResult.Mismatch> out = new ArrayList<>();
        if (conj != null) {
          out.add(new TraceResult.Mismatch(TraceResult.Kind.CONJUNCT, conj.text(), st.describe()
              + " is not enabled: " + conj.text() + " is false (" + conj.where() + ")"
              + where(conj.text(), c.state, st.node), null, null, null, null, conj.where()));
        }
        if (error != null) {
          out.add(new TraceResult.Mismatch(TraceResult.Kind.ERROR, error, "evaluating " + st.describe()
              + " failed: " + error));
        }
        if (out.isEmpty()) {
          out.add(new TraceResult.Mismatch(TraceResult.Kind.CONJUNCT, st.action.name(), st.describe()
              + " has no successor"));
        }
        return out;
      }
      List<TraceResult.Mismatch> best = null;
      for (Value[] t : succ) {
        List<TraceResult.Mismatch> m = mismatches(c.state, t, st, expect, true);
        if (best == null || m.size() < best.size()) {
          best = m;
        }
      }
      return best;
    }

    String show(Value[] s, Value node) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < vars.size(); i++) {
        String v = vars.get(i);
        sb.append(sb.length() > 0 ? "\n" : "");
        if (i == msgSlot && flat(s[i]).length() > 240) {
          sb.append(v).append(": ").append(counts(s[i]).values().stream().mapToLong(Long::longValue).sum())
              .append(" messages");
        } else if (mapping.variables.get(v) == TraceMapping.Scope.PER_NODE && entry(s[i], node) != null) {
          sb.append(v).append('[').append(node).append("] = ").append(clip(flat(entry(s[i], node))));
        } else {
          sb.append(v).append(" = ").append(clip(flat(s[i])));
        }
      }
      return sb.toString();
    }
  }

  /**
   * The matched prefix as an ITF trace: {@code states} with, after the first, the action that led
   * to each and its log location ({@code vias}: name, location or null) in {@code #meta}.
   */
  static String prefixItf(ItfCodec codec, List<String> vars, List<Value[]> states, List<String[]> vias,
      List<Value[]> alsoShown, String description) {
    ObjectNode doc = codec.encodeTrace(new ItfTrace(vars, states, null), description);
    // ITF writes a model value as it writes a string: name them (as check --itf does), over
    // the prefix and the nearest candidates, for viewers to print values as the text does
    List<Value> seen = new ArrayList<>();
    states.forEach(x -> seen.addAll(List.of(x)));
    alsoShown.forEach(x -> seen.addAll(List.of(x)));
    ArrayNode mv = ((ObjectNode) doc.get("#meta")).putArray("model-values");
    io.synod.checker.report.ItfReport.modelValues(seen).forEach(mv::add);
    for (int i = 1; i < states.size(); i++) {
      ObjectNode meta = (ObjectNode) doc.get("states").get(i).get("#meta");
      String[] via = vias.get(i);
      if (via[0] != null) {
        meta.put("action", via[0]);
      }
      if (via[1] != null) {
        meta.put("location", via[1]);
      }
    }
    return doc.toPrettyString();
  }

  static String flat(Value v) {
    return v == null ? "(none)" : io.synod.checker.value.Pretty.flatAsWritten(v);
  }

  static String clip(String s) {
    return s.length() <= 240 ? s : s.substring(0, 237) + "...";
  }

  /** A fingerprint of a whole state (equal states, equal fingerprints). */
  static long fingerprint(Value[] s) {
    long h = 0x9E3779B97F4A7C15L;
    for (Value v : s) {
      h = (h ^ v.fingerprint()) * 0x100000001B3L + 0x632BE59BD9B4E019L;
      h ^= h >>> 29;
    }
    return h;
  }
}
