package io.synod.cli;

import io.synod.cli.gate.CheckerRunner;
import io.synod.cli.gate.Gate;
import io.synod.cli.gate.GateManifest;
import io.synod.cli.gate.GateResult;
import io.synod.cli.gate.JunitReport;
import io.synod.cli.gate.ManifestException;
import io.synod.cli.gate.ManifestReader;
import io.synod.cli.gate.ModelRunner;
import io.synod.cli.gate.TableReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synod gate}: checks every model of a manifest against its expected outcome. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    header = "Model-check every model of a gate manifest and compare with the expected outcomes.",
    description = {
      "Model-check every model of a gate manifest (ci/gate.yaml) and compare",
      "each outcome with the expected one: success, or the named invariant or",
      "property violated, or a deadlock; optionally the distinct-state count;",
      "always the time budget. Prints a table; optionally writes JUnit XML.",
      "Exit codes: 0 every model as expected; 1 some model deviated (including",
      "a broken variant that passed, or a run over its budget); 2 usage error",
      "or malformed manifest (an empty 'models' list included); 153 the --junit",
      "file cannot be written (checked before any model runs)."
    })
final class GateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MANIFEST", description = "The gate manifest (YAML).")
  Path manifest;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Also write the results as JUnit XML to FILE (for CI test reports).")
  Path junit;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "1",
      description = "Run up to N models at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = "--only",
      paramLabel = "NAME",
      split = ",",
      description = "Run only the named models (comma-separated or repeated).")
  List<String> only;

  @Option(
      names = "--html",
      paramLabel = "DIR",
      description = "Write the counterexample of every model that has one as DIR/NAME.html"
          + " (synod view's page) and name it in the JUnit XML.")
  Path htmlDir;

  private final ModelRunner runner;

  GateCommand() {
    this(new CheckerRunner());
  }

  GateCommand(ModelRunner runner) {
    this.runner = runner;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (parallel < 1) {
      throw new UserError("--parallel must be at least 1, got " + parallel, ExitCodes.USAGE);
    }
    OutputFiles.checkWritable("--junit", junit, true);
    GateManifest m;
    try {
      m = ManifestReader.read(manifest);
    } catch (ManifestException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    }
    var entries = m.entries();
    if (only != null) {
      for (String name : only) {
        if (entries.stream().noneMatch(e -> e.name().equals(name))) {
          throw new UserError("--only: no model named '" + name + "' in " + manifest, ExitCodes.USAGE);
        }
      }
      entries = entries.stream().filter(e -> only.contains(e.name())).toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("synod gate: " + entries.size() + " models from " + manifest);
    out.flush();
    Map<String, Path> views = new ConcurrentHashMap<>();
    ModelRunner r0 = runner;
    if (htmlDir != null && runner instanceof CheckerRunner) {
      OutputFiles.checkWritable("--html", htmlDir.resolve("x.html"), true);
      r0 = new CheckerRunner((entry, itf) -> {
        Path page = htmlDir.resolve(entry.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".html");
        try {
          ViewCommand.write(page, io.synod.viewer.ViewPage.html(ViewData.counterexample(itf,
              entry.name() + ": " + entry.spec().getFileName() + " with " + entry.config().getFileName(), null)));
          views.put(entry.name(), page);
        } catch (UserError e) { // the model's verdict stands; only its page is missing
          PrintWriter err = spec.commandLine().getErr();
          synchronized (err) {
            err.println("synod gate: " + e.getMessage());
            err.flush();
          }
        }
      });
    }
    List<GateResult> results =
        new Gate(r0, parallel)
            .run(entries, r -> {
              out.println("  " + r.entry().name() + ": "
                  + (r.skipped() ? "waiting" : r.passed() ? "ok" : "DEVIATION"));
              out.flush();
            });
    out.println();
    TableReport.print(results, out);
    if (junit != null) {
      try {
        JunitReport.write("synod gate " + manifest, results, junit, views);
      } catch (IOException e) {
        throw OutputFiles.cannotWrite(junit, e);
      }
    }
    return ExitCodes.of(results.stream().allMatch(GateResult::passed) ? ExitCodes.Answer.YES
        : ExitCodes.Answer.NO);
  }
}
