package io.synod.checker.eval;

import io.synod.checker.config.ConfigChecker;
import io.synod.checker.config.ConfigException;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SpecFrontend;
import io.synod.checker.stdlib.StandardModules;
import io.synod.checker.syntax.Diagnostic;
import io.synod.checker.syntax.ParseException;
import io.synod.checker.syntax.TlaParser;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Unit;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The evaluator's {@link SpecFrontend}: parses with {@link TlaParser}, resolves modules with
 * {@link ModuleLoader}, checks names and the configuration, and compiles a {@link CompiledSpec}
 * wrapped as the engine's {@link io.synod.checker.engine.SpecModel}. Registered for
 * {@link java.util.ServiceLoader}.
 */
public final class EvalFrontend implements SpecFrontend {

  /** Carries a parse failure through {@link ModuleLoader.Parser}. */
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

  /** The root module's name differs from its file's. */
  private static final class NameMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String file;

    NameMismatch(String file, String message) {
      super(message, null, false, false);
      this.file = file;
    }
  }

  @Override
  public ParsedSpec parse(Path spec, List<Path> libraryPath, Output out) throws FrontendException {
    Path file = spec.toAbsolutePath().normalize();
    Path dir = file.getParent();
    List<Path> paths = new ArrayList<>();
    paths.add(dir);
    paths.addAll(libraryPath);
    ModuleLoader.Parser parser = new ModuleLoader.Parser() {
      private boolean root = true;

      @Override
      public Module parse(String text, String name) {
        out.println("Parsing file " + describeFile(name));
        Module m = parseText(text, name);
        if (root) {
          // SANY refuses it as soon as the root file is parsed
          root = false;
          String fileModule = moduleName(name);
          if (!fileModule.equals(m.name())) {
            throw new NameMismatch(fileModule, "File name '" + fileModule + "' does not match the name '"
                + m.name() + "' of the top level module it contains.");
          }
        }
        return m;
      }

      @Override
      public Module parseSection(String text, String rootName, String moduleName) {
        // TLC copies the section to a temporary file of the module's name
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), moduleName + ".tla");
        out.println("Parsing file " + tmp + " (" + Path.of(rootName).toAbsolutePath() + ")");
        return parseText(text, rootName);
      }
    };
    ModuleLoader loader = new ModuleLoader(parser, paths);
    Module root;
    try {
      root = loader.loadRoot(file);
    } catch (ParseFailure f) {
      SanyParseError.print(f.cause.diagnostics(), moduleName(f.file),
          Path.of(f.file).getFileName().toString(), out);
      throw new FrontendException("Parsing or semantic analysis failed.", 150);
    } catch (NameMismatch m) {
      // SANY's report of an error at no location
      out.println("Fatal errors while parsing TLA+ spec in file " + m.file);
      out.println("");
      for (String head : new String[] {"", "*** Errors: 1\n\n"}) {
        out.println(head + "Unknown location");
        out.println("");
        out.println(m.getMessage());
      }
      out.println("");
      out.println("");
      out.println("");
      throw new FrontendException("Parsing or semantic analysis failed.", 150);
    } catch (SpecException e) {
      out.println(e.getMessage());
      if (e.span() != null) {
        out.println(e.span().describe());
      }
      throw new FrontendException("Parsing or semantic analysis failed.", 150).withHint(e.hint());
    }
    List<String> order;
    try {
      order = semanticOrder(loader, root);
    } catch (SpecException e) {
      out.println(e.getMessage());
      if (e.span() != null) {
        out.println(e.span().describe());
      }
      throw new FrontendException("Parsing or semantic analysis failed.", 150);
    }
    ExtendsConflicts conflicts = new ExtendsConflicts(loader);
    for (String m : order) {
      out.println("Semantic processing of module " + m);
      conflicts.print(m, out);
    }
    // the names and levels synod parse judges, on the same modules: what SANY refuses is refused here
    try {
      io.synod.checker.semantic.SemanticAnalyzer.analyze(new io.synod.checker.semantic.LoadedSpec(
          root, loader.modules(), order, loader.standardModules()));
      // SANY's warnings of conflicting EXTENDS were printed per module above (ExtendsConflicts)
    } catch (io.synod.checker.semantic.SemanticException e) {
      String report = io.synod.checker.semantic.SanyReport.semanticErrors(e.diagnostics());
      out.println(report.substring(0, report.length() - 1));
      throw new FrontendException("Parsing or semantic analysis failed.", 150);
    }
    try {
      CompiledSpec.checkNames(loader, root);
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
      throw new FrontendException("Parsing or semantic analysis failed.", 150);
    }
    for (String m : order) {
      if (!UNLINTED.contains(m) || m.equals(root.name())) {
        out.println("Linting of module " + m);
      }
    }
    return new Parsed(loader, root);
  }

  /**
   * The modules TLC does not lint: SANY's own standard modules. The community modules and Json,
   * which TLC loads like user modules, are linted.
   */
  private static final Set<String> UNLINTED = Set.of("Naturals", "Integers", "Reals", "Sequences",
      "FiniteSets", "Bags", "TLC", "TLCExt", "Randomization", "TLAPS");

  private static Module parseText(String text, String name) {
    try {
      return TlaParser.parseModule(text, name);
    } catch (ParseException e) {
      throw new ParseFailure(e, name);
    }
  }

  private static String moduleName(String file) {
    String f = Path.of(file).getFileName().toString();
    return f.endsWith(".tla") ? f.substring(0, f.length() - 4) : f;
  }

  /** The file as TLC names it: the path, plus the jar entry for standard modules. */
  private static String describeFile(String name) {
    String mod = moduleName(name);
    if (name.equals(mod + ".tla") && StandardModules.isStandard(mod)) {
      URL url = StandardModules.class.getResource(mod + ".tla");
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"), mod + ".tla");
      return url == null ? tmp.toString() : tmp + " (" + url + ")";
    }
    return name;
  }

  /** Modules in dependency order (a module after everything it extends or instantiates). */
  private static List<String> semanticOrder(ModuleLoader loader, Module root) {
    Set<String> done = new LinkedHashSet<>();
    visit(loader, root, done, new LinkedHashSet<>());
    return List.copyOf(done);
  }

  /**
   * Depth-first over EXTENDS and INSTANCE; a module met again while it is still being visited
   * depends on itself, which SANY refuses (synod parse reports it with the same words).
   */
  private static void visit(ModuleLoader loader, Module m, Set<String> done, Set<String> active) {
    if (done.contains(m.name())) {
      return;
    }
    active.add(m.name());
    for (Name n : m.extendsList()) {
      enter(loader, n, done, active);
    }
    for (Unit u : m.units()) {
      if (u instanceof Unit.InstanceDef i) {
        enter(loader, i.module(), done, active);
      }
    }
    active.remove(m.name());
    if (!loader.isNested(m.name())) {
      // TLC reports modules of their own, not those written inside another
      done.add(m.name());
    }
  }

  private static void enter(ModuleLoader loader, Name ref, Set<String> done, Set<String> active) {
    if (active.contains(ref.text())) {
      List<String> cycle = new ArrayList<>();
      boolean on = false;
      for (String a : active) {
        on |= a.equals(ref.text());
        if (on) {
          cycle.add(a);
        }
      }
      cycle.add(ref.text());
      throw new SpecException(SpecException.Kind.SEMANTIC,
          "Circular dependency among modules: " + String.join(" -> ", cycle) + ".", ref.span());
    }
    visit(loader, loader.get(ref.text()), done, active);
  }

  static final class Parsed implements ParsedSpec {
    final ModuleLoader loader;
    final Module root;

    Parsed(ModuleLoader loader, Module root) {
      this.loader = loader;
      this.root = root;
    }

    @Override
    public String moduleName() {
      return root.name();
    }

    @Override
    public io.synod.checker.engine.SpecModel bind(Path configFile, Output out) throws FrontendException {
      ModelConfig config;
      try {
        config = ConfigReader.readFile(configFile);
        ConfigChecker.checkOrThrow(config, CompiledSpec.symbols(loader, root));
      } catch (ConfigException e) {
        var d = e.first();
        throw d.position().isKnown()
            ? new FrontendException(d.message(), 151, d.file(), d.position().line(), d.position().column())
            : new FrontendException(d.message(), 151);
      }
      try {
        CompiledSpec spec = CompiledSpec.compile(loader, root, config, out::println);
        return new EvalModel(spec, config);
      } catch (SpecException e) {
        String msg = e.span() == null ? e.getMessage() : e.getMessage() + "\n" + e.span().describe();
        throw new FrontendException(msg, e.kind() == SpecException.Kind.CONFIG ? 151 : 150);
      } catch (EvalException e) {
        throw new FrontendException(e.getMessage(), e.kind() == EvalException.Kind.ASSERT ? 14 : 75);
      }
    }
  }
}
