package io.synod.checker.eval;

import io.synod.checker.config.ModelConfig;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.Verdict;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A specification compiled for trace validation: the checker's own initial-state and successor
 * generation, plus single actions of the spec applied to arguments (an implementation event
 * names the action and its parameters). Immutable and shared; each thread evaluates through its
 * own {@link Session}.
 */
public final class TraceSpec {
  private final CompiledSpec spec;

  private TraceSpec(CompiledSpec spec) {
    this.spec = spec;
  }

  /** An evaluation error of the spec (a failed Assert, a function applied outside its domain...). */
  public static final class EvaluationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** A parsed specification, compiled once per set of constants with {@link #compile}. */
  public static final class Source {
    private final EvalFrontend.Parsed parsed;

    Source(EvalFrontend.Parsed parsed) {
      this.parsed = parsed;
    }

    /**
     * Compiles the spec for {@code config}, with the constants {@code constants} computes in the
     * check's intern table (they take precedence over the configuration's).
     *
     * @throws FrontendException for configuration and constant-evaluation errors
     */
    public TraceSpec compile(ModelConfig config, Function<StringTable, Map<String, Value>> constants)
        throws FrontendException {
      try {
        return new TraceSpec(CompiledSpec.compile(parsed.resolved, config, line -> { }, constants));
      } catch (SpecException e) {
        String msg = e.span() == null ? e.getMessage() : e.getMessage() + "\n" + e.span().describe();
        throw new FrontendException(msg,
            e.kind() == SpecException.Kind.CONFIG ? Verdict.CONFIG_ERROR : Verdict.PARSE_ERROR);
      } catch (EvalException e) {
        throw new FrontendException(e.getMessage(), Verdict.EVAL_ERROR);
      }
    }
  }

  /**
   * A trace spec (one that reads its log itself, as users write them for TLC) bound to
   * {@code configFile}, for trace validation's line-by-line search.
   *
   * @param print receives the spec's Print/PrintT output
   * @param environment what {@code IOEnv} reports
   * @param reads told each file {@code ndJsonDeserialize}/{@code JsonDeserialize} read
   * @throws FrontendException for configuration errors (exit 151) and constants that cannot be
   *     evaluated (75), with the message {@code synod check} prints
   */
  public static SpecModel bind(Source source, Path configFile, Output print, Map<String, String> environment,
      Consumer<String> reads) throws FrontendException {
    EvalHost host = new EvalHost() {
      @Override
      public void print(String text) {
        print.println(text);
      }

      @Override
      public Map<String, String> environment() {
        return environment;
      }

      @Override
      public void reading(String file) {
        reads.accept(file);
      }
    };
    return source.parsed.bind(configFile, host);
  }

  /**
   * The state predicate {@code name} of the root module of a model bound by {@link #bind}, as a
   * test on states ({@code ec.level} is the state's level when it is called).
   *
   * @throws FrontendException when it is not defined, takes arguments or is not a state predicate
   */
  public static java.util.function.BiPredicate<Value[], EvalContext> statePredicate(SpecModel model, String name)
      throws FrontendException {
    CompiledSpec spec = ((EvalModel) model).compiled();
    CompiledSpec.Expression x;
    try {
      x = spec.definition(name);
    } catch (SpecException e) {
      throw new FrontendException("the spec does not define a state predicate " + name + " (" + e.getMessage() + ")",
          Verdict.CONFIG_ERROR);
    }
    if (x.level() > 1) {
      throw new FrontendException(name + " is not a state predicate (it has primes or temporal operators)",
          Verdict.CONFIG_ERROR);
    }
    EvalModel m = (EvalModel) model;
    return (state, ec) -> {
      try {
        return spec.holds(x, m.context(ec), state, null);
      } catch (EvalException e) {
        throw new EvaluationFailure(e.getMessage());
      }
    };
  }

  /** The intern table of a model bound by {@link #bind}: values of its states are built with it. */
  public static StringTable strings(SpecModel model) {
    return ((EvalModel) model).compiled().strings();
  }

  /**
   * Generates the successors of {@code state} under the next-state relation of a model bound by
   * {@link #bind} with a probe, and returns the conjunct at which the path that got furthest
   * stopped, or null when there are successors or no conjunct was reached. {@code ec.level} must
   * be the state's level.
   */
  public static Conjunct failingConjunct(SpecModel model, EvalContext ec, Value[] state) {
    return probed(((EvalModel) model).context(ec), any -> model.successors(state, ec, (t, a) -> {
      any[0] = true;
      return true;
    }));
  }

  /**
   * Runs {@code generate} (which sets {@code any[0]} on a successor) with a probe on
   * {@code ctx}: the conjunct at which the path that got furthest stopped, or null when there
   * was a successor or no conjunct was reached.
   */
  private static Conjunct probed(Ctx ctx, Consumer<boolean[]> generate) {
    ConjunctProbe probe = new ConjunctProbe();
    ctx.probe = probe;
    boolean[] any = {false};
    try {
      generate.accept(any);
    } catch (RuntimeException e) {
      // the conjunct reached last is where evaluation failed; reported below
    } finally {
      ctx.probe = null;
    }
    if (any[0] || probe.bestSpan == null || probe.bestSpan == Span.NONE) {
      return null;
    }
    Span s = probe.bestSpan;
    return new Conjunct(s.position(), s.describe(), sourceText(s), probe.best);
  }

  /**
   * The log file {@code file} as {@code ndJsonDeserialize} reads it (one value per non-blank
   * line), in the intern table of a model bound by {@link #bind}.
   */
  public static Value[] readLog(SpecModel model, String file) {
    return JsonNatives.readLines(strings(model), file).toArray();
  }

  /**
   * The values of the constant definitions without parameters, of the modules in the root
   * module's folder, that are sequences of at most {@code length} elements: where a trace spec
   * keeps its log (perhaps reordered by CausalOrder, or filtered). Definitions that fail to
   * evaluate are skipped.
   */
  public static Map<String, Value[]> logSequences(SpecModel model, EvalContext ec, int length) {
    CompiledSpec spec = ((EvalModel) model).compiled();
    Map<String, Value[]> out = new java.util.LinkedHashMap<>();
    Ctx ctx = ((EvalModel) model).context(ec);
    for (Map.Entry<String, String> d : spec.zeroArityDefinitionFiles().entrySet()) {
      Path f = Path.of(d.getValue()).toAbsolutePath().getParent();
      if (spec.specFolder == null || !spec.specFolder.equals(f)) {
        continue;
      }
      try {
        CompiledSpec.Expression x = spec.definition(d.getKey());
        if (x.level() != 0) {
          continue;
        }
        Value v = spec.evaluate(x, ctx, null, null);
        if (v instanceof io.synod.checker.value.TupleValue t && t.size() <= length) {
          out.put(d.getKey(), t.toArray());
        }
      } catch (RuntimeException e) {
        // not a value (an operator of the library, a failing expression): not the log
      }
    }
    return out;
  }

  /**
   * Parses {@code specFile} and the modules it uses.
   *
   * @throws FrontendException for parse and semantic errors (the details, as {@code synod check}
   *     prints them, are in the message)
   */
  public static Source parse(Path specFile, List<Path> libraryPath) throws FrontendException {
    List<String> lines = new ArrayList<>();
    Output collect = line -> {
      if (!line.startsWith("Parsing file") && !line.startsWith("Semantic processing")
          && !line.startsWith("Linting of module")) {
        lines.add(line);
      }
    };
    try {
      return new Source((EvalFrontend.Parsed) new EvalFrontend().parse(specFile, libraryPath, collect));
    } catch (FrontendException e) {
      throw new FrontendException(String.join("\n", lines).strip() + "\n" + e.getMessage(), e.verdict());
    }
  }

  public List<String> variables() {
    return spec.variables();
  }

  /** The intern table values of this spec must be built with. */
  public StringTable strings() {
    return spec.strings();
  }

  /** The operator {@code name} of the root module applied to {@code arity} arguments. */
  public Action action(String name, int arity) throws FrontendException {
    try {
      int[] size = new int[1];
      Act act = spec.applied(name, arity, size);
      return new Action(name, act, size[0]);
    } catch (SpecException e) {
      String msg = e.span() == null ? e.getMessage() : e.getMessage() + "\n" + e.span().describe();
      throw new FrontendException(msg, Verdict.PARSE_ERROR);
    }
  }

  /** A new evaluation context, for one thread at a time. */
  public Session session() {
    return new Session(spec.newContext(0, spec.host()));
  }

  /** A compiled application of a spec operator to value parameters. */
  public static final class Action {
    final String name;
    final Act act;
    final int frameSize;

    Action(String name, Act act, int frameSize) {
      this.name = name;
      this.act = act;
      this.frameSize = frameSize;
    }

    public String name() {
      return name;
    }
  }

  /** Why an action had no successor: the conjunct where the closest path stopped. */
  public record Conjunct(String position, String where, String text, int depth) {}

  /** One thread's evaluation context. */
  public final class Session {
    private final Ctx ctx;

    Session(Ctx ctx) {
      this.ctx = ctx;
    }

    /** Every initial state of the spec. */
    public void initialStates(Consumer<Value[]> sink) {
      try {
        spec.initialStates(ctx, (s, a) -> sink.accept(s));
      } catch (EvalException e) {
        throw new EvaluationFailure(e.getMessage());
      } catch (CompiledSpec.InitialStateFailure e) {
        throw e.cause;
      }
    }

    /** Every successor of {@code state} under the whole next-state relation. */
    public void next(Value[] state, Consumer<Value[]> sink) {
      try {
        spec.successors(ctx, state, (s, a) -> sink.accept(s));
      } catch (EvalException e) {
        throw new EvaluationFailure(e.getMessage());
      }
    }

    /** Every successor of {@code state} under {@code action} applied to {@code args}. */
    public void successors(Value[] state, Action action, Value[] args, Consumer<Value[]> sink) {
      ActionInfo info = new ActionInfo(0, action.name, List.of(args), Span.NONE);
      try {
        spec.run(ctx, state, action.act, action.frameSize, args, info, (s, a) -> sink.accept(s));
      } catch (EvalException e) {
        throw new EvaluationFailure(e.getMessage());
      }
    }

    /**
     * Runs the action again with a probe and returns the conjunct at which the path that got
     * furthest stopped, or null when it has successors or no conjunct was reached.
     */
    public Conjunct failingConjunct(Value[] state, Action action, Value[] args) {
      return probed(ctx, any -> successors(state, action, args, s -> any[0] = true));
    }
  }

  /** The text of a span, on one line (whitespace runs collapsed), or "" if the file is unreadable. */
  static String sourceText(Span s) {
    try {
      List<String> lines = Files.readAllLines(Path.of(s.file()));
      StringBuilder sb = new StringBuilder();
      for (int l = s.beginLine(); l <= s.endLine() && l <= lines.size(); l++) {
        String line = lines.get(l - 1);
        int from = l == s.beginLine() ? Math.min(line.length(), Math.max(0, s.beginCol() - 1)) : 0;
        int to = l == s.endLine() ? Math.min(line.length(), s.endCol()) : line.length();
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(line, from, Math.max(from, to));
      }
      return sb.toString().replaceAll("\\s+", " ").strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
