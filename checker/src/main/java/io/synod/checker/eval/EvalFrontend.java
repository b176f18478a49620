package io.synod.checker.eval;

import io.synod.checker.config.ConfigChecker;
import io.synod.checker.config.ConfigException;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SpecFrontend;
import io.synod.checker.engine.Verdict;
import io.synod.checker.semantic.LoadedSpec;
import io.synod.checker.semantic.ModuleLoader;
import io.synod.checker.semantic.ModuleLocator;
import io.synod.checker.semantic.ModuleSource;
import io.synod.checker.semantic.ResolvedSpec;
import io.synod.checker.semantic.SemanticAnalyzer;
import io.synod.checker.semantic.SemanticDiagnostic;
import io.synod.checker.semantic.SemanticException;
import io.synod.checker.semantic.SpecSymbols;
import io.synod.checker.stdlib.StandardModules;
import io.synod.checker.syntax.ParseException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * The evaluator's {@link SpecFrontend}: loads and resolves the spec with the semantic analyzer of
 * {@code synod parse} (the same {@link ModuleLoader}, names and levels), printing TLC's progress
 * lines, checks the configuration, and compiles a {@link CompiledSpec} from the resolved modules,
 * wrapped as the engine's {@link io.synod.checker.engine.SpecModel}. Reached through
 * {@link io.synod.checker.Checker}.
 */
public final class EvalFrontend implements SpecFrontend {

  /** Stops the loader at the first parse failure, as SANY stops. */
  private static final class ParseFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ParseException cause;
    final String file;

    ParseFailure(ParseException cause, String file) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
      this.file = file;
    }
  }

  @Override
  public ParsedSpec parse(Path spec, List<Path> libraryPath, Output out) throws FrontendException {
    Path file = spec.toAbsolutePath().normalize();
    ModuleLocator locator = new ModuleLocator(file.getParent(), libraryPath, List.of());
    String rootFile = file.toString();
    ModuleLoader.Listener listener = new ModuleLoader.Listener() {
      @Override
      public void parsing(ModuleSource source) {
        if (source.file().equals(rootFile) && !source.name().equals(moduleName(rootFile))) {
          // TLC copies a module written after the root one to a file of its own name
          Path tmp = Path.of(System.getProperty("java.io.tmpdir"), source.name() + ".tla");
          out.println("Parsing file " + tmp + " (" + file + ")");
        } else {
          out.println("Parsing file " + (source.standard() ? describeStandard(source.name()) : source.file()));
        }
      }

      @Override
      public void parseFailed(ModuleSource source, ParseException error) {
        // SANY stops at the first module that does not parse
        throw new ParseFailure(error, source.file());
      }

      @Override
      public boolean sectionLinesOfTheirOwn() {
        return true;
      }
    };
    LoadedSpec loaded;
    try {
      loaded = ModuleLoader.load(rootFile, SemanticAnalyzer.readRoot(file), locator, new HashMap<>(), listener);
    } catch (ParseFailure f) {
      SanyParseError.print(f.cause.diagnostics(), moduleName(f.file),
          Path.of(f.file).getFileName().toString(), out);
      throw new FrontendException("Parsing or semantic analysis failed.", Verdict.PARSE_ERROR);
    } catch (SemanticException e) {
      SemanticDiagnostic d = e.diagnostics().get(0);
      if (d.message().startsWith("File name '") && rootFile.equals(d.span().file())) {
        // SANY reports a root module named unlike its file at no location
        out.println("Fatal errors while parsing TLA+ spec in file " + moduleName(rootFile));
        out.println("");
        for (String head : new String[] {"", "*** Errors: 1\n\n"}) {
          out.println(head + "Unknown location");
          out.println("");
          out.println(d.message());
        }
        out.println("");
        out.println("");
        out.println("");
      } else {
        for (SemanticDiagnostic x : e.diagnostics()) {
          // file:line:col and the reason, then SANY's form of the location
          out.println(x.render());
          if (x.span().beginLine() > 0) {
            out.println(x.span().describe());
          }
        }
      }
      throw new FrontendException("Parsing or semantic analysis failed.", Verdict.PARSE_ERROR)
          .withHint(d.hint());
    }
    // the names and levels synod parse judges, on the same modules: what SANY refuses is refused here
    ResolvedSpec resolved;
    try {
      resolved = SemanticAnalyzer.analyze(loaded);
    } catch (SemanticException e) {
      for (String m : loaded.order()) {
        out.println("Semantic processing of module " + m);
        printWarnings(ResolvedSpec.warningsAt(loaded, e.moduleWarnings(), m), out);
      }
      String report = io.synod.checker.semantic.SanyReport.semanticErrors(e.diagnostics());
      out.println(report.substring(0, report.length() - 1));
      throw new FrontendException("Parsing or semantic analysis failed.", Verdict.PARSE_ERROR);
    }
    for (String m : loaded.order()) {
      out.println("Semantic processing of module " + m);
      printWarnings(resolved.warningsAt(m), out);
    }
    try {
      CompiledSpec.compileDefinitions(resolved);
    } catch (SpecException e) {
      out.println("Semantic errors:");
      out.println("");
      out.println("*** Errors: 1");
      out.println("");
      if (e.span() != null) {
        out.println(e.span().describe());
        out.println("");
      }
      out.println(e.getMessage());
      out.println("");
      out.println("");
      throw new FrontendException("Parsing or semantic analysis failed.", Verdict.PARSE_ERROR);
    }
    for (String m : loaded.order()) {
      if (!UNLINTED.contains(m) || m.equals(loaded.root().name())) {
        out.println("Linting of module " + m);
      }
    }
    return new Parsed(resolved);
  }

  /** SANY's warnings after "Semantic processing of module". */
  private static void printWarnings(List<SemanticDiagnostic> warnings, Output out) {
    if (warnings.isEmpty()) {
      return;
    }
    out.println("*** Warnings: " + warnings.size());
    out.println("");
    for (SemanticDiagnostic w : warnings) {
      out.println(w.sanyText());
      out.println("");
      out.println("");
    }
    out.println("");
  }

  /**
   * The modules TLC does not lint: SANY's own standard modules. The community modules and Json,
   * which TLC loads like user modules, are linted.
   */
  private static final Set<String> UNLINTED = Set.of("Naturals", "Integers", "Reals", "RealTime", "Sequences",
      "FiniteSets", "Bags", "TLC", "TLCExt", "Randomization", "TLAPS", "Toolbox");

  private static String moduleName(String file) {
    String f = Path.of(file).getFileName().toString();
    return f.endsWith(".tla") ? f.substring(0, f.length() - 4) : f;
  }

  /** A standard module's file as TLC names it: where it is copied to, and the jar entry. */
  private static String describeStandard(String mod) {
    URL url = StandardModules.class.getResource(mod + ".tla");
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"), mod + ".tla");
    return url == null ? tmp.toString() : tmp + " (" + url + ")";
  }

  static final class Parsed implements ParsedSpec {
    final ResolvedSpec resolved;

    Parsed(ResolvedSpec resolved) {
      this.resolved = resolved;
    }

    @Override
    public String moduleName() {
      return resolved.loaded().root().name();
    }

    @Override
    public String sourceDigest() {
      java.security.MessageDigest md;
      try {
        md = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      for (io.synod.checker.syntax.ast.Module m : resolved.loaded().parsed()) {
        String text = m.source() == null ? "" : m.source().text();
        md.update((m.name() + "\n" + text + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    }

    @Override
    public io.synod.checker.engine.SpecModel bind(Path configFile, Output out) throws FrontendException {
      return bind(configFile, (EvalHost) out::println);
    }

    /** As {@link #bind(Path, Output)}, evaluating with {@code host} (its environment, Print output). */
    io.synod.checker.engine.SpecModel bind(Path configFile, EvalHost host) throws FrontendException {
      ModelConfig config;
      try {
        config = ConfigReader.readFile(configFile);
        ConfigChecker.checkOrThrow(config, new SpecSymbols(resolved));
      } catch (ConfigException e) {
        var d = e.first();
        throw d.position().isKnown()
            ? new FrontendException(d.message(), Verdict.CONFIG_ERROR, d.file(), d.position().line(),
                d.position().column())
            : new FrontendException(d.message(), Verdict.CONFIG_ERROR);
      }
      try {
        CompiledSpec spec = CompiledSpec.compile(resolved, config, host);
        return new EvalModel(spec, config);
      } catch (SpecException e) {
        String msg = e.span() == null ? e.getMessage() : e.getMessage() + "\n" + e.span().describe();
        throw new FrontendException(msg,
            e.kind() == SpecException.Kind.CONFIG ? Verdict.CONFIG_ERROR : Verdict.PARSE_ERROR);
      } catch (EvalException e) {
        throw new FrontendException(e.getMessage(),
            e.kind() == EvalException.Kind.ASSERT ? Verdict.ASSERT : Verdict.EVAL_ERROR);
      }
    }
  }
}
