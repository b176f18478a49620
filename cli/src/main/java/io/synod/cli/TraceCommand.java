package io.synod.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.conformance.trace.TraceInputException;
import io.synod.conformance.trace.TraceJson;
import io.synod.conformance.trace.TraceReport;
import io.synod.conformance.trace.TraceResult;
import io.synod.conformance.trace.TraceSpecValidator;
import io.synod.conformance.trace.TraceValidator;
import io.synod.viewer.ViewPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synod trace}: implementation traces against specs. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {"Check implementation traces against TLA+ specifications."},
    subcommands = {TraceCommand.Validate.class})
public final class TraceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** {@code synod trace validate}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Replay an implementation trace (NDJSON, as synod sim --out writes it)",
        "against a spec: is it a behaviour the spec allows? Each event is mapped",
        "to a spec action by a YAML mapping (README, 'synod trace validate'); the",
        "spec states consistent with the trace so far are advanced event by event",
        "with the checker's own successor generation. On rejection: the first",
        "event no spec step explains (file:line), the spec states possible just",
        "before it, and for the nearest ones the false conjunct of the action or",
        "the logged value that did not match.",
        "With --trace-spec instead of a mapping: a trace spec as written for TLC",
        "(it EXTENDS the spec, reads the log with ndJsonDeserialize(IOEnv.JSON) and",
        "matches one log line per step) is run with the --trace file in its",
        "environment by a line-by-line search: only the states of the current log",
        "line are kept; the trace is accepted as soon as one behaviour has made one",
        "step per log record (or the spec ends the search with TLCSet(\"exit\", TRUE)),",
        "else the POSTCONDITION, if any, decides; rejected at the log line no state",
        "of the previous line can match (README, 'trace specs').",
        "Exit codes: 0 accepted, 1 rejected, 2 usage error or malformed",
        "trace/mapping, 3 unknown (more candidate states than --max-candidates)."
      })
  public static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--mapping", paramLabel = "M.yaml",
        description = "The mapping (default: trace.yaml beside --spec).")
    Path mapping;

    @Option(names = "--spec", paramLabel = "S.tla",
        description = "Find the mapping as trace.yaml in this spec's folder (when --mapping is not given).")
    Path specFile;

    @Option(names = "--trace-spec", paramLabel = "T.tla",
        description = "A trace spec as written for TLC, instead of a mapping: it reads the --trace file through IOEnv.")
    Path traceSpec;

    @Option(names = "--config", paramLabel = "T.cfg",
        description = "With --trace-spec: the trace spec's model (default: T.cfg beside T.tla).")
    Path config;

    @Option(names = "--env", paramLabel = "NAME", defaultValue = "JSON",
        description = "With --trace-spec: the IOEnv variable that names the log (default JSON).")
    String env;

    @Option(names = "--global-seen",
        description = "With --trace-spec: also skip states whose VIEW was seen at an earlier log line, as TLC's"
            + " seen-set does (reproduces TLC's verdict for specs whose VIEW drops the line).")
    boolean globalSeen;

    @Option(names = "--trace", required = true, arity = "1..*", paramLabel = "T.ndjson",
        description = "Trace file(s); several (one per node) are merged by their Lamport or vector clocks.")
    List<Path> traces = new ArrayList<>();

    @Option(names = "--unlogged", paramLabel = "N", defaultValue = "0",
        description = "Spec steps allowed between two logged events (default 0: every step is logged).")
    int unlogged;

    @Option(names = "--show", paramLabel = "N", defaultValue = "3",
        description = "Candidate states shown and explained on rejection (default 3).")
    int show;

    @Option(names = "--max-candidates", paramLabel = "N", defaultValue = "1000000",
        description = "Give up (exit 3, unknown) when more candidate spec states than this are possible at an"
            + " event (default 1000000; only unlogged steps make many).")
    int maxCandidates;

    @Option(names = "--itf", paramLabel = "FILE",
        description = "On rejection, write the matched prefix as an ITF trace (for the trace viewer).")
    Path itf;

    @Option(names = "--json", paramLabel = "FILE",
        description = "Write the verdict as JSON (the rejected event, the nearest candidate states with the logged and"
            + " the spec's values, the matched prefix as ITF), the report synod view shows.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE",
        description = "Write the verdict as one self-contained page of synod view.")
    Path html;

    @Option(names = "-lib", paramLabel = "DIR", description = "Extra folder searched for modules (repeatable).")
    List<Path> lib = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (traceSpec != null) {
        return traceSpec(out, err);
      }
      if (config != null || globalSeen) {
        err.println("synod trace validate: --config and --global-seen go with --trace-spec");
        return ExitCodes.USAGE;
      }
      Path m = mapping;
      if (m == null) {
        if (specFile == null) {
          err.println("synod trace validate: give --mapping M.yaml (or --spec S.tla with trace.yaml beside it)");
          return ExitCodes.USAGE;
        }
        Path dir = specFile.toAbsolutePath().getParent();
        m = dir.resolve("trace.yaml");
      }
      if (show < 0 || unlogged < 0 || maxCandidates < 1) {
        err.println("synod trace validate: --show and --unlogged take a number >= 0, --max-candidates >= 1");
        return ExitCodes.USAGE;
      }
      if (!outputsWritable(err)) {
        return ExitCodes.USAGE;
      }
      TraceResult r;
      TraceValidator v;
      try {
        v = TraceValidator.of(m, new TraceValidator.Options(unlogged, show, lib, maxCandidates));
        r = v.validate(traces);
      } catch (TraceInputException e) {
        err.println("synod trace validate: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      return report(r, shown(v.mapping().spec()), m, out, err);
    }

    /** {@code --trace-spec}: the trace spec run on the log by the line-by-line search. */
    private int traceSpec(PrintWriter out, PrintWriter err) {
      if (mapping != null || specFile != null || unlogged != 0) {
        err.println("synod trace validate: --trace-spec replaces --mapping/--spec; unlogged steps are the trace"
            + " spec's to write (--unlogged does not apply)");
        return ExitCodes.USAGE;
      }
      if (traces.size() != 1) {
        err.println("synod trace validate: --trace-spec reads one log (give one --trace file; a trace spec merges"
            + " per-node logs itself, e.g. with VectorClocks' CausalOrder)");
        return ExitCodes.USAGE;
      }
      if (show < 0 || maxCandidates < 1) {
        err.println("synod trace validate: --show takes a number >= 0, --max-candidates >= 1");
        return ExitCodes.USAGE;
      }
      if (!outputsWritable(err)) {
        return ExitCodes.USAGE;
      }
      TraceSpecValidator v;
      TraceResult r;
      try {
        v = TraceSpecValidator.of(traceSpec, config, new TraceSpecValidator.Options(env, show, lib, maxCandidates,
            globalSeen, out::println));
        r = v.validate(traces.get(0));
      } catch (TraceInputException e) {
        err.println("synod trace validate: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      return report(r, shown(traceSpec), v.config(), out, err);
    }

    /** Whether the files of --itf, --json and --html can be written (else says why). */
    private boolean outputsWritable(PrintWriter err) {
      try {
        OutputFiles.checkWritable("--itf", itf);
        OutputFiles.checkWritable("--json", json);
        OutputFiles.checkWritable("--html", html);
        return true;
      } catch (UserError e) {
        err.println("synod trace validate: " + e.getMessage());
        return false;
      }
    }

    /** Prints the verdict, writes --json/--html/--itf, and returns the exit code. */
    private int report(TraceResult r, Path specShown, Path mappingOrConfig, PrintWriter out, PrintWriter err) {
      out.println(TraceReport.text(r));
      if (json != null || html != null) {
        ObjectNode report = TraceJson.report(r, specShown, mappingOrConfig, traces);
        try {
          if (json != null) {
            Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report),
                StandardCharsets.UTF_8);
            out.println("report written to " + json + " (JSON)");
          }
          if (html != null) {
            ViewCommand.write(html, ViewPage.html(ViewData.trace(report, traces.get(0).getFileName().toString())));
            out.println("page written to " + html + " (synod view)");
          }
        } catch (IOException | UserError e) {
          err.println("synod trace validate: " + (e instanceof IOException io ? "cannot write " + json + ": "
              + OutputFiles.reason(io) : e.getMessage()));
          return ExitCodes.USAGE;
        }
      }
      if (r.rejected() && itf != null) {
        try {
          Files.writeString(itf, r.rejection().prefixItf(), StandardCharsets.UTF_8);
          out.println("matched prefix written to " + itf + " (ITF)");
        } catch (IOException e) {
          err.println("synod trace validate: cannot write " + itf + ": " + e.getMessage());
          return ExitCodes.USAGE;
        }
      }
      out.flush();
      return ExitCodes.of(r.accepted() ? ExitCodes.Answer.YES
          : r.rejected() ? ExitCodes.Answer.NO : ExitCodes.Answer.UNKNOWN);
    }

    /** The spec as the user would name it: relative to the working folder when it is below it. */
    private static Path shown(Path spec) {
      Path here = Path.of("").toAbsolutePath();
      Path abs = spec.toAbsolutePath().normalize();
      return abs.startsWith(here) ? here.relativize(abs) : spec;
    }
  }
}
