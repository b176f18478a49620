package io.synod.cli;

import io.synod.checker.config.ConfigChecker;
import io.synod.checker.config.ConfigException;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.Diagnostic;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.engine.Verdict;
import io.synod.checker.semantic.LoadedSpec;
import io.synod.checker.semantic.ModuleLocator;
import io.synod.checker.semantic.ResolvedSpec;
import io.synod.checker.semantic.SemanticAnalyzer;
import io.synod.checker.semantic.SemanticDiagnostic;
import io.synod.checker.semantic.SemanticException;
import io.synod.checker.semantic.SpecSymbols;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synod parse}: the syntax and semantic check SANY does, plus the model config. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    header = "Parse and semantically check a TLA+ spec (and a TLC config), like SANY.",
    description = {
      "Parse a TLA+ specification and every module it uses, resolve names, check levels,",
      "and optionally check a TLC model config against it (like SANY).",
      "",
      "Modules are looked up next to the spec, then in each -lib folder, then in the folders",
      "of the TLA_PATH environment variable (separated by '" + "${sys:path.separator}" + "'),",
      "then among Synod's standard modules.",
      "",
      "Exit codes: 0 no errors, 150 parse or semantic error, 151 config error, 2 usage error."
    })
public final class ParseCommand implements Callable<Integer> {
  static final int PARSE_ERROR = ExitCodes.of(Verdict.PARSE_ERROR);
  /** Beyond what even the command's 1 GB stack holds (hundreds of thousands of levels). */
  static final String NESTED_TOO_DEEPLY =
      "expressions nested too deeply to process (the nesting exhausted Synod's 1 GB stack)";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC.tla", description = "The root module's file.")
  Path specFile;

  @Option(
      names = {"-config", "--config"},
      paramLabel = "FILE.cfg",
      description = "A TLC model config to read and check against the spec.")
  Path config;

  @Option(
      names = {"-lib", "--lib"},
      paramLabel = "DIR",
      description = "An extra folder to search for modules (repeatable; before TLA_PATH).")
  List<Path> libs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SourceExcerpt excerpt = new SourceExcerpt();
    InputFiles.requireFile(specFile, "spec file", ExitCodes.USAGE);
    Path folder = specFile.toAbsolutePath().getParent();
    ModuleLocator locator =
        new ModuleLocator(folder, LibraryPath.of(libs, System.getProperty("TLA-Library"), null),
            ModuleLocator.parsePath(System.getenv("TLA_PATH")));
    ResolvedSpec resolved;
    try {
      resolved = SemanticAnalyzer.analyze(specFile, locator);
    } catch (SemanticException e) {
      for (SemanticDiagnostic d : e.diagnostics()) {
        var s = d.span();
        err.println(excerpt.render(s.file(), s.beginLine(), s.beginCol(), d.message()));
        if (!d.hint().isEmpty()) {
          err.println(d.hint());
        }
      }
      err.println(e.diagnostics().size() + " error" + (e.diagnostics().size() == 1 ? "" : "s"));
      return PARSE_ERROR;
    } catch (StackOverflowError e) {
      err.println(specFile + ": " + NESTED_TOO_DEEPLY);
      return PARSE_ERROR;
    }
    LoadedSpec loaded = resolved.loaded();
    for (String name : loaded.order()) {
      boolean standard = loaded.standard().contains(name);
      out.println("Read module " + name + (standard ? " (standard module)" : " (" + loaded.module(name).source().file() + ")"));
    }
    for (SemanticDiagnostic w : resolved.warnings()) {
      var s = w.span();
      out.println(excerpt.render(s.file(), s.beginLine(), s.beginCol(), "warning: " + w.message().replaceFirst("^Warning: ", "")));
    }
    if (config != null) {
      int code = checkConfig(resolved, out, err, excerpt);
      if (code != 0) {
        return code;
      }
    }
    out.println(specFile + ": no errors");
    return 0;
  }

  private int checkConfig(ResolvedSpec resolved, PrintWriter out, PrintWriter err, SourceExcerpt excerpt) {
    List<Diagnostic> found;
    try {
      ModelConfig cfg = ConfigReader.readFile(config);
      found = ConfigChecker.check(cfg, new SpecSymbols(resolved));
    } catch (ConfigException e) {
      found = e.diagnostics();
    }
    int errors = 0;
    for (Diagnostic d : found) {
      String message = (d.isError() ? "" : "warning: ") + d.message();
      var p = d.position();
      String rendered = p.isKnown() ? excerpt.render(d.file(), p.line(), p.column(), message) : d.file() + ": " + message;
      (d.isError() ? err : out).println(rendered);
      if (d.isError()) {
        errors++;
      }
    }
    if (errors > 0) {
      err.println(errors + " config error" + (errors == 1 ? "" : "s"));
      return ConfigException.EXIT_CODE;
    }
    out.println("Read config " + config);
    return 0;
  }
}
