package io.synod.conformance.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.checker.config.ConfigException;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.config.NamedEntry;
import io.synod.checker.engine.ActionLabel;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.NamedCheck;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchControl;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.eval.TraceSpec;
import io.synod.checker.value.ItfCodec;
import io.synod.checker.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a log with a <em>trace spec</em>: a TLA+ module written for TLC that reads the log
 * itself ({@code ndJsonDeserialize(IOEnv.JSON)}) and whose next-state relation matches one log
 * line per step. The log file is handed to the spec through its environment variable, and the
 * spec is run by a search made for trace validation rather than by the model checker's:
 *
 * <ul>
 *   <li>level {@code k} of the search holds the states after {@code k - 1} steps, so expanding it
 *       matches log line {@code k}; {@code TLCGet("level")} is {@code k} there, as in TLC's
 *       breadth-first search;
 *   <li>only the current level (the frontier) is kept, its states deduplicated by the config's
 *       VIEW (else by value); there is no seen-set over all levels, so memory is bounded by the
 *       widest frontier and the one behaviour leading to each of its states;
 *   <li>CONSTRAINT and ACTION_CONSTRAINT restrict the steps, INVARIANTs are checked on every
 *       state kept, ASSUMEs before the search; PROPERTY and POSTCONDITION, which trace specs use
 *       to make TLC's exhaustive search tell whether the end of the log was reached, are not
 *       needed for that (see {@link #validate} for the rule).
 * </ul>
 *
 * <p>Reentrant: a validator holds only the parsed spec; each call keeps its own state.
 */
public final class TraceSpecValidator {

  /**
   * @param environmentName the environment variable the spec reads the log's name from
   *     ({@code IOEnv.JSON} by default)
   * @param shown how many candidate states a rejection shows and explains
   * @param libraryPath extra module folders
   * @param maxFrontier give up (unknown) when a level holds more states than this
   * @param globalSeen keep TLC's seen-set over all levels as well (fingerprints only): a state
   *     whose VIEW was seen at an earlier line is not explored again, as TLC does. Only specs
   *     whose states do not tell log lines apart behave differently with it
   * @param print receives the spec's Print output
   * @param environment variables {@code IOEnv} reports besides the process's (and the log's)
   * @param consumed the spec's state predicate that says the log is consumed, for specs whose
   *     steps are not one per record (unlogged steps), or null for the rule of {@link #validate}
   * @param maxDepth with {@code consumed}: give up (unknown) past this many steps (0: three per
   *     record, plus ten)
   */
  public record Options(String environmentName, int shown, List<Path> libraryPath, int maxFrontier,
      boolean globalSeen, Output print, Map<String, String> environment, String consumed, int maxDepth) {
    public static final Options DEFAULT = new Options("JSON", 3, List.of(), 1_000_000, false, Output.NONE);

    /** Without extra environment variables, ending by the records. */
    public Options(String environmentName, int shown, List<Path> libraryPath, int maxFrontier, boolean globalSeen,
        Output print) {
      this(environmentName, shown, libraryPath, maxFrontier, globalSeen, print, Map.of(), null, 0);
    }

    /** These options with one more environment variable. */
    public Options withEnvironment(String name, String value) {
      Map<String, String> env = new java.util.TreeMap<>(environment);
      env.put(name, value);
      return new Options(environmentName, shown, libraryPath, maxFrontier, globalSeen, print, env, consumed, maxDepth);
    }

    /** These options with the log consumed once a kept state satisfies the spec's {@code predicate}. */
    public Options consumedWhen(String predicate, int maxDepth) {
      return new Options(environmentName, shown, libraryPath, maxFrontier, globalSeen, print, environment, predicate,
          maxDepth);
    }
  }

  private final Path specFile;
  private final Path configFile;
  private final TraceSpec.Source source;
  private final ModelConfig config;
  private final Options options;

  private TraceSpecValidator(Path specFile, Path configFile, TraceSpec.Source source, ModelConfig config,
      Options options) {
    this.specFile = specFile;
    this.configFile = configFile;
    this.source = source;
    this.config = config;
    this.options = options;
  }

  /**
   * Parses the trace spec and reads its config ({@code T.cfg} beside {@code T.tla} when
   * {@code configFile} is null).
   */
  public static TraceSpecValidator of(Path specFile, Path configFile, Options options) throws TraceInputException {
    Path cfg = configFile;
    if (cfg == null) {
      String n = specFile.getFileName().toString();
      cfg = specFile.resolveSibling((n.endsWith(".tla") ? n.substring(0, n.length() - 4) : n) + ".cfg");
    }
    if (!Files.isRegularFile(specFile)) {
      throw new TraceInputException(specFile + ": no such file");
    }
    if (!Files.isRegularFile(cfg)) {
      throw new TraceInputException(cfg + ": no such file (give the trace spec's model with --config)");
    }
    ModelConfig config;
    try {
      config = ConfigReader.readFile(cfg);
    } catch (ConfigException e) {
      var d = e.first();
      throw new TraceInputException(d.file() + ":" + d.position().line() + ":" + d.position().column() + ": "
          + d.message());
    }
    try {
      return new TraceSpecValidator(specFile, cfg, TraceSpec.parse(specFile, options.libraryPath()), config, options);
    } catch (FrontendException e) {
      throw new TraceInputException(specFile + ": " + e.getMessage());
    }
  }

  public Path spec() {
    return specFile;
  }

  public Path config() {
    return configFile;
  }

  /** The next-state relation as the config names it, for reports. */
  String nextName() {
    return config.next().map(NamedEntry::name)
        .orElse(config.specification().map(NamedEntry::name).orElse("the next-state relation"));
  }

  /**
   * Validates {@code trace}. The log the spec reads is the one it opens with
   * {@code ndJsonDeserialize}/{@code JsonDeserialize} (the {@code trace} file, handed to it as
   * {@code IOEnv}; when the config points the spec at another file, that one). The log is
   * consumed, and the trace accepted, as soon as one behaviour has made one step per record of
   * the log (a state at level {@code records + 1}, the level at which TLC's
   * {@code TLCGet("level")}-indexed specs and {@code l}-counter specs have matched every line),
   * or when the spec itself ends the search with {@code TLCSet("exit", TRUE)}. When every
   * behaviour stops earlier and the config has a POSTCONDITION, the POSTCONDITION decides (with
   * {@code TLCGet("stats").diameter} the deepest level reached, as TLC would compute it): specs
   * that match fewer steps than records say so there. Otherwise the trace is rejected at the
   * record after the deepest level.
   *
   * <p>With {@link Options#consumed}, for specs that take steps no record logs (a line counter
   * that stays put), the log is consumed when a kept state satisfies that predicate of the spec
   * instead; the search then ends there, when every behaviour stops (rejected at the record of
   * the deepest level, as far as levels and records match), or past {@link Options#maxDepth}
   * steps (unknown).
   */
  public TraceResult validate(Path trace) throws TraceInputException {
    try {
      return new Run(trace).go();
    } catch (TraceInputExceptionUnchecked e) {
      throw e.cause;
    }
  }

  /** The log as records with their line in the file. */
  record Log(String file, List<JsonNode> records, List<Integer> lines) {
    static Log read(Path p, String shown) throws TraceInputException {
      String text;
      try {
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new TraceInputException(p + ": cannot read: " + e.getMessage());
      }
      List<JsonNode> records = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      ObjectMapper mapper = new ObjectMapper();
      if (text.stripLeading().startsWith("[")) {
        // a JSON array (JsonDeserialize): one record per element, at the line it starts on
        try (JsonParser jp = new JsonFactory(mapper).createParser(text)) {
          jp.nextToken();
          while (jp.nextToken() != JsonToken.END_ARRAY && jp.currentToken() != null) {
            int line = jp.currentTokenLocation().getLineNr();
            records.add(jp.readValueAsTree());
            lines.add(line);
          }
        } catch (IOException e) {
          throw new TraceInputException(shown + ": not a JSON array: " + e.getMessage());
        }
        return new Log(shown, records, lines);
      }
      String[] ls = text.split("\n", -1);
      for (int i = 0; i < ls.length; i++) {
        if (ls[i].isBlank()) {
          continue;
        }
        try {
          records.add(mapper.readTree(ls[i]));
        } catch (IOException e) {
          throw TraceInputException.at(shown, i + 1, "not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        lines.add(i + 1);
      }
      return new Log(shown, records, lines);
    }
  }

  /** Unknown: a level outgrew the budget. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super(null, null, false, false);
    }
  }

  /**
   * A state kept at a level, with the one it was reached from and the action's name (null for an
   * initial state): the behaviour that leads to it, for the matched prefix.
   */
  private record Node(Value[] state, Node parent, String action) {}

  /** One validation: all mutable state of a call lives here. */
  private final class Run implements SearchControl {
    final Path trace;
    final Set<String> reads = new LinkedHashSet<>();
    SpecModel model;
    EvalContext ec;
    Log log;
    Path logPath;
    /** The log resolved from what the spec read (null until it read something, or at the end). */
    boolean logSettled;
    String note;
    long generated;
    long distinct;
    int depth;
    int widest;
    boolean exit;
    /** Set once a state past the last record is kept. */
    Node done;
    /** A state that violates an invariant, with its name. */
    Node violating;
    String violated;
    final Set<Long> seen = new HashSet<>();
    Map<Long, Node> next;
    /** The spec's predicate for the end of the log (--consumed), or null. */
    java.util.function.BiPredicate<Value[], EvalContext> consumed;

    Run(Path trace) {
      this.trace = trace;
    }

    TraceResult go() throws TraceInputException {
      long start = System.nanoTime();
      if (!Files.isRegularFile(trace)) {
        throw new TraceInputException(trace + ": no such file");
      }
      Map<String, String> env = new HashMap<>(System.getenv());
      env.putAll(options.environment());
      env.put(options.environmentName(), trace.toAbsolutePath().normalize().toString());
      try {
        model = TraceSpec.bind(source, configFile, options.print(), env, reads::add);
      } catch (FrontendException e) {
        throw new TraceInputException(configFile + ": " + e.getMessage());
      }
      ec = new EvalContext(0, options.print());
      ec.search = this;
      ec.behaviour = List::of;
      if (options.consumed() != null) {
        try {
          consumed = TraceSpec.statePredicate(model, options.consumed());
        } catch (FrontendException e) {
          throw new TraceInputException(specFile + ": --consumed: " + e.getMessage());
        }
      }
      ec.level = 0;
      NamedCheck a;
      try {
        a = model.firstFalseAssumption(ec);
      } catch (RuntimeException e) {
        throw new TraceInputException(specFile + ": evaluating the ASSUMEs failed: " + e.getMessage());
      }
      if (a != null) {
        settleLog(true);
        throw new TraceInputException(specFile + ": the assumption " + (a.name() == null ? "" : a.name() + " ")
            + "at " + a.location() + " is false for the log " + log.file());
      }
      try {
        return search(start);
      } catch (OverBudget b) {
        settleLog(true);
        return new TraceResult(log.records().size(), 1, widest, System.nanoTime() - start, null,
            "more than " + options.maxFrontier() + " spec states at log line " + depth + " ("
            + where(depth) + "): raise --max-candidates", note);
      }
    }

    TraceResult search(long start) throws TraceInputException {
      next = new LinkedHashMap<>();
      try {
        model.initialStates(ec, s -> {
          offer(null, s, null, 1);
          return done == null && violating == null;
        });
      } catch (OverBudget | TraceInputExceptionUnchecked e) {
        throw e;
      } catch (RuntimeException e) {
        throw new TraceInputException(specFile + ": evaluating the initial predicate failed: " + e.getMessage());
      }
      List<Node> frontier = new ArrayList<>(next.values());
      depth = frontier.isEmpty() ? 0 : 1;
      widest = frontier.size();
      int level = 1;
      while (done == null && violating == null && !exit && !frontier.isEmpty()) {
        next = new LinkedHashMap<>();
        int lvl = level;
        for (Node n : frontier) {
          ec.level = lvl;
          // TLCExt!Trace: the behaviour to the state being expanded, from the kept parents
          ec.behaviour = () -> path(n);
          try {
            model.successors(n.state(), ec, (t, a) -> {
              offer(n, t, a, lvl + 1);
              ec.level = lvl;
              return done == null && violating == null;
            });
          } catch (OverBudget | TraceInputExceptionUnchecked e) {
            throw e;
          } catch (RuntimeException e) {
            // this state cannot take the step; explained (with the error) if no other can
          }
          if (done != null || violating != null || exit) {
            break;
          }
        }
        if (next.isEmpty()) {
          break;
        }
        frontier = new ArrayList<>(next.values());
        widest = Math.max(widest, frontier.size());
        level++;
        depth = level;
        if (consumed != null && done == null && level - 1 > maxDepth()) {
          settleLog(true);
          return new TraceResult(log.records().size(), 1, widest, System.nanoTime() - start, null,
              "no state satisfies " + options.consumed() + " after " + (level - 1) + " steps (" + frontier.size()
              + " states kept): raise --max-depth", note);
        }
      }
      settleLog(true);
      long nanos = System.nanoTime() - start;
      int records = log.records().size();
      if (violating != null) {
        Node v = violating;
        String text = "the state after it violates the invariant " + violated;
        return rejected(depthOf(v) - 1, List.of(v.parent() == null ? v : v.parent()), nanos,
            c -> List.of(new TraceResult.Mismatch(TraceResult.Kind.CONJUNCT, violated, text)), v);
      }
      if (done != null || exit) {
        return new TraceResult(records, 1, widest, nanos, null, null, note);
      }
      if (!config.postconditions().isEmpty() && !frontier.isEmpty()) {
        ec.level = 0;
        try {
          NamedCheck p = model.firstFalsePostcondition(ec);
          if (p == null) {
            note = "every behaviour ended at level " + depth + " of " + (records + 1)
                + "; the POSTCONDITION accepts";
            return new TraceResult(records, 1, widest, nanos, null, null, note);
          }
        } catch (RuntimeException e) {
          throw new TraceInputException(specFile + ": evaluating the POSTCONDITION failed: " + e.getMessage());
        }
      }
      if (frontier.isEmpty()) {
        throw new TraceInputException(specFile + ": the spec has no initial state");
      }
      return rejected(depth, frontier, nanos, this::explain, null);
    }

    /** The steps allowed with --consumed before the verdict is unknown. */
    int maxDepth() {
      if (options.maxDepth() > 0) {
        return options.maxDepth();
      }
      settleLog(true);
      return 3 * log.records().size() + 10;
    }

    List<Value[]> path(Node n) {
      List<Value[]> out = new ArrayList<>();
      for (Node x = n; x != null; x = x.parent()) {
        out.add(0, x.state());
      }
      return out;
    }

    int depthOf(Node n) {
      int d = 0;
      for (Node x = n; x != null; x = x.parent()) {
        d++;
      }
      return d;
    }

    void offer(Node from, Value[] t, ActionLabel action, int lvl) {
      generated++;
      ec.level = lvl;
      if (model.hasConstraints()) {
        boolean in = from == null ? model.satisfiesConstraints(t, ec) : model.satisfiesConstraints(from.state(), t, ec);
        if (in && from != null) {
          // a step is evaluated in its first state (TLCGet("level") is that state's)
          ec.level = lvl - 1;
          in = model.satisfiesActionConstraints(from.state(), t, ec);
          ec.level = lvl;
        }
        if (!in) {
          return;
        }
      }
      long fp = fingerprint(t);
      if (options.globalSeen() && !seen.add(fp)) {
        return;
      }
      if (next.containsKey(fp)) {
        return;
      }
      Node n = new Node(t, from, action == null || action == ActionLabel.INITIAL ? null : action.name());
      next.put(fp, n);
      distinct++;
      if (next.size() > options.maxFrontier()) {
        depth = lvl - 1;
        throw new OverBudget();
      }
      // after a step, only the invariants that read a changed variable (the state before passed them)
      int inv = from == null ? model.firstViolatedInvariant(t, ec) : model.firstViolatedInvariant(from.state(), t, ec);
      if (inv >= 0) {
        violating = n;
        violated = model.invariants().get(inv);
        return;
      }
      settleLog(false);
      if (consumed != null) {
        if (consumed.test(t, ec)) {
          done = n;
        }
      } else if (logSettled && lvl == log.records().size() + 1) {
        done = n;
      }
    }

    long fingerprint(Value[] t) {
      if (model.hasView()) {
        Value v = model.view(t, ec);
        return (model.hasSymmetry() ? model.symmetryCanonical(new Value[] {v}, ec)[0] : v).fingerprint();
      }
      return TraceValidator.fingerprint(model.hasSymmetry() ? model.symmetryCanonical(t, ec) : t);
    }

    /**
     * Settles which file is the log once the spec has read one: the trace file when the spec read
     * it, else the single file it read (a config that points the spec at another log). With
     * {@code end}, falls back to the trace file.
     */
    void settleLog(boolean end) throws TraceInputExceptionUnchecked {
      if (logSettled || reads.isEmpty() && !end) {
        return;
      }
      Path given = trace.toAbsolutePath().normalize();
      Path chosen = given;
      if (!reads.isEmpty()) {
        boolean readGiven = reads.stream().anyMatch(r -> Path.of(r).toAbsolutePath().normalize().equals(given));
        if (!readGiven && reads.size() == 1) {
          chosen = Path.of(reads.iterator().next()).toAbsolutePath().normalize();
          note = "the spec read " + chosen + ", not the --trace file (its config names another log)";
        }
      }
      logPath = chosen;
      try {
        log = Log.read(chosen, chosen.equals(given) ? trace.toString() : chosen.toString());
      } catch (TraceInputException e) {
        throw new TraceInputExceptionUnchecked(e);
      }
      logSettled = true;
    }

    /** Per step of the spec, the record of the file it matches (0-based); computed on rejection. */
    int[] order;

    /**
     * The record of the file that step {@code k} matches: record k, unless the spec keeps the log
     * in a definition that reorders the file's records (VectorClocks' CausalOrder): then the
     * record at position k there.
     */
    int record(int k) {
      if (order == null) {
        int n = log.records().size();
        order = new int[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        if (!log.file().isEmpty() && reorders()) {
          return order[k - 1];
        }
      }
      return order[k - 1];
    }

    /**
     * Finds a definition of the spec holding the log's records in another order (CausalOrder)
     * or a part of them (SelectSeq), the longest such; fills {@link #order}.
     */
    boolean reorders() {
      int n = order.length;
      Value[] file;
      try {
        file = TraceSpec.readLog(model, logPath.toString());
      } catch (RuntimeException e) {
        return false;
      }
      if (file.length != n) {
        return false;
      }
      ec.level = 0;
      int[] best = null;
      for (Value[] seq : TraceSpec.logSequences(model, ec, n).values()) {
        if (seq.length == 0 || java.util.Arrays.equals(seq, file) || best != null && best.length >= seq.length) {
          continue;
        }
        int[] o = placed(seq, file);
        if (o != null) {
          best = o;
        }
      }
      if (best == null) {
        return false;
      }
      int[] o = java.util.Arrays.copyOf(best, n);
      for (int i = best.length; i < n; i++) {
        o[i] = i;
      }
      order = o;
      return true;
    }

    /** For each element of {@code seq}, a distinct position of the file holding it, or null. */
    int[] placed(Value[] seq, Value[] file) {
      int[] o = new int[seq.length];
      boolean[] used = new boolean[file.length];
      for (int i = 0; i < seq.length; i++) {
        int at = -1;
        for (int j = 0; j < file.length && at < 0; j++) {
          if (!used[j] && seq[i].equals(file[j])) {
            at = j;
          }
        }
        if (at < 0) {
          return null;
        }
        used[at] = true;
        o[i] = at;
      }
      return o;
    }

    String where(int line) {
      return line >= 1 && line <= log.records().size()
          ? log.file() + ":" + log.lines().get(record(line)) : log.file();
    }

    TraceEvent event(int k) {
      List<JsonNode> rs = log.records();
      JsonNode j = k >= 1 && k <= rs.size() ? rs.get(record(k)) : null;
      ObjectNode o;
      if (j instanceof ObjectNode on) {
        o = on;
      } else {
        o = JsonNodeFactory.instance.objectNode();
        if (j != null) {
          o.set("record", j);
        }
      }
      String text = j == null ? "(end of the log)" : j.toString();
      int line = j == null ? 0 : log.lines().get(record(k));
      return new TraceEvent(log.file(), line, k - 1, o, text, "");
    }

    /** Why a state of the last level reached takes no step that the config keeps. */
    List<TraceResult.Mismatch> explain(Node c) {
      int lvl = depthOf(c);
      int[] counts = new int[2];
      String[] error = {null};
      ec.level = lvl;
      try {
        model.successors(c.state(), ec, (t, a) -> {
          counts[0]++;
          ec.level = lvl + 1;
          boolean in = model.satisfiesConstraints(c.state(), t, ec);
          ec.level = lvl;
          if (in && !model.satisfiesActionConstraints(c.state(), t, ec)) {
            in = false;
          }
          if (!in) {
            counts[1]++;
          }
          return true;
        });
      } catch (RuntimeException e) {
        error[0] = e.getMessage();
      }
      String step = nextName();
      List<TraceResult.Mismatch> out = new ArrayList<>();
      if (counts[0] > 0) {
        List<String> names = new ArrayList<>();
        config.constraints().forEach(e -> names.add("CONSTRAINT " + e.name()));
        config.actionConstraints().forEach(e -> names.add("ACTION_CONSTRAINT " + e.name()));
        String which = names.isEmpty() ? "the config's constraints" : String.join(" or ", names);
        out.add(new TraceResult.Mismatch(TraceResult.Kind.CONJUNCT, which, step + " has " + counts[0]
            + (counts[0] == 1 ? " successor" : " successors") + (counts[1] == counts[0]
                ? ", all excluded by " + which
                : options.globalSeen() ? ", all seen at an earlier line (--global-seen)" : "")));
        return out;
      }
      ec.level = lvl;
      TraceSpec.Conjunct conj = TraceSpec.failingConjunct(model, ec, c.state());
      if (conj != null) {
        out.add(new TraceResult.Mismatch(TraceResult.Kind.CONJUNCT, conj.text(), step + " is not enabled: "
            + conj.text() + " is false (" + conj.where() + ")", null, null, null, null, conj.where()));
      }
      if (error[0] != null) {
        out.add(new TraceResult.Mismatch(TraceResult.Kind.ERROR, error[0], "evaluating " + step + " failed: "
            + error[0]));
      }
      if (out.isEmpty()) {
        out.add(new TraceResult.Mismatch(TraceResult.Kind.CONJUNCT, step, step + " has no successor"));
      }
      return out;
    }

    /** How close a candidate came: successors only the constraints refused first, then the deepest conjunct. */
    int rank(List<TraceResult.Mismatch> why) {
      TraceResult.Mismatch m = why.get(0);
      if (m.kind() == TraceResult.Kind.CONJUNCT && m.conjunctAt() == null) {
        return 0;
      }
      return 1;
    }

    TraceResult rejected(int line, List<Node> cands, long nanos,
        java.util.function.Function<Node, List<TraceResult.Mismatch>> why, Node violatingState)
        throws TraceInputExceptionUnchecked {
      List<Object[]> ranked = new ArrayList<>();
      for (Node c : cands.subList(0, Math.min(cands.size(), 200))) {
        List<TraceResult.Mismatch> w = why.apply(c);
        int depthScore = 0;
        if (violatingState == null && w.get(0).conjunctAt() != null) {
          ec.level = depthOf(c);
          TraceSpec.Conjunct conj = TraceSpec.failingConjunct(model, ec, c.state());
          depthScore = conj == null ? 0 : -conj.depth();
        }
        ranked.add(new Object[] {c, w, rank(w) * 1_000_000 + depthScore});
      }
      ranked.sort(java.util.Comparator.comparingInt(x -> (Integer) x[2]));
      List<String> vars = model.variables();
      ItfCodec codec = new ItfCodec(TraceSpec.strings(model));
      List<TraceResult.Candidate> nearest = new ArrayList<>();
      for (Object[] x : ranked.subList(0, Math.min(ranked.size(), Math.max(1, options.shown())))) {
        @SuppressWarnings("unchecked")
        List<TraceResult.Mismatch> w = (List<TraceResult.Mismatch>) x[1];
        Value[] s = violatingState != null ? violatingState.state() : ((Node) x[0]).state();
        ObjectNode whole = JsonNodeFactory.instance.objectNode();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < vars.size(); i++) {
          whole.set(vars.get(i), codec.encode(s[i]));
          text.append(i > 0 ? "\n" : "").append(vars.get(i)).append(" = ")
              .append(TraceValidator.clip(TraceValidator.flat(s[i])));
        }
        nearest.add(new TraceResult.Candidate(text.toString(), w, whole));
      }
      Node best = violatingState != null ? violatingState : (Node) ranked.get(0)[0];
      List<Value[]> states = new ArrayList<>();
      List<String[]> vias = new ArrayList<>();
      for (Node x = best; x != null; x = x.parent()) {
        states.add(0, x.state());
        int k = depthOf(x) - 1;
        vias.add(0, new String[] {x.action(), k >= 1 ? "log line " + k + ", " + where(k) : null});
      }
      List<Value[]> shownStates = new ArrayList<>();
      ranked.subList(0, nearest.size()).forEach(x -> shownStates.add(((Node) x[0]).state()));
      String itf = TraceValidator.prefixItf(codec, vars, states, vias, shownStates,
          "trace prefix matched before " + where(line) + " (log line " + line + ")");
      TraceEvent e = event(line);
      String step = nextName() + " (NEXT of " + configFile.getFileName() + ")";
      TraceResult.Rejection r = new TraceResult.Rejection(e, "", step, cands.size(), nearest, itf, states.size());
      return new TraceResult(log.records().size(), 1, widest, nanos, r, null, note);
    }

    // ----------------------------------------------------------------- SearchControl

    @Override
    public SearchStats stats() {
      return new SearchStats(generated, distinct, 0, depth);
    }

    @Override
    public void exit() {
      exit = true;
    }

    @Override
    public String mode() {
      return "bfs";
    }

    @Override
    public int workers() {
      return 1;
    }

    @Override
    public boolean checkDeadlock() {
      return false;
    }

    @Override
    public long seed() {
      return 0;
    }

    @Override
    public int fingerprint() {
      return 0;
    }
  }

  /** Carries a log that cannot be read out of the search's callbacks. */
  private static final class TraceInputExceptionUnchecked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient TraceInputException cause;

    TraceInputExceptionUnchecked(TraceInputException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }
  }
}
