package io.synod.checker.eval;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.semantic.ModuleLoader;
import io.synod.checker.semantic.ModuleLocator;
import io.synod.checker.semantic.ResolvedSpec;
import io.synod.checker.semantic.SemanticAnalyzer;
import io.synod.checker.semantic.SemanticException;
import io.synod.testkit.SharedData;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads specs for tests: the TLC fixture corpus (when present) and inline modules. */
final class Fixtures {
  private Fixtures() {}

  /** Loads as synod check does: modules after the root one numbered from their own header. */
  private static final ModuleLoader.Listener AS_CHECK = new ModuleLoader.Listener() {
    @Override
    public boolean sectionLinesOfTheirOwn() {
      return true;
    }
  };

  /** The spec in {@code text} (file name {@code file}) loaded and resolved, modules looked up by {@code locator}. */
  static ResolvedSpec resolve(String file, String text, ModuleLocator locator) {
    try {
      return SemanticAnalyzer.analyze(ModuleLoader.load(file, text, locator, new java.util.HashMap<>(), AS_CHECK));
    } catch (SemanticException e) {
      // what synod check refuses when it loads the spec
      throw new SpecException(SpecException.Kind.SEMANTIC, e.getMessage());
    }
  }

  /** The fixture folder {@code ../shared/tlc-fixtures/specs} (see {@link SharedData#locate}). */
  static Optional<Path> corpus() {
    return SharedData.tlcSpecs();
  }

  /** Compiles {@code dir/spec.tla} with {@code dir/cfg.cfg}; output collected in {@code printed}. */
  static CompiledSpec fixture(Path dir, String spec, String cfg, List<String> printed) {
    Path file = dir.resolve(spec + ".tla").toAbsolutePath();
    ResolvedSpec resolved = resolve(file.toString(), read(file), ModuleLocator.forSpec(file));
    ModelConfig config = config(() -> ConfigReader.readFile(dir.resolve(cfg + ".cfg")));
    return CompiledSpec.compile(resolved, config, printed::add);
  }

  /** Compiles an inline module (its EXTENDS resolved among the standard modules). */
  /**
   * The successors of {@code state} by the Next of the module text {@code spec} (with Init),
   * each printed as an array, in generation order; Print output goes to {@code host}.
   */
  static List<String> successors(String spec, EvalHost host, io.synod.checker.value.Value... state) {
    CompiledSpec s = inline(spec, "INIT Init\nNEXT Next\n", new java.util.ArrayList<>());
    List<String> out = new java.util.ArrayList<>();
    s.successors(s.newContext(0, host), state, (st, a) -> out.add(java.util.Arrays.toString(st)));
    return out;
  }

  static CompiledSpec inline(String module, String cfg, List<String> printed) {
    ResolvedSpec resolved = resolve("Test.tla", module, ModuleLocator.forSpec(Path.of("Test.tla")));
    ModelConfig config = config(() -> ConfigReader.read("Test.cfg", cfg));
    return CompiledSpec.compile(resolved, config, printed::add);
  }

  /** Reads a config in a test, where a malformed one is a test failure. */
  interface ConfigSource {
    ModelConfig get() throws Exception;
  }

  static ModelConfig config(ConfigSource source) {
    try {
      return source.get();
    } catch (Exception e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static List<String> sink() {
    return new ArrayList<>();
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
