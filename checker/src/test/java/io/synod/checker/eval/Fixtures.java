package io.synod.checker.eval;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.syntax.ParseException;
import io.synod.checker.syntax.TlaParser;
import io.synod.checker.syntax.ast.Module;
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

  static final ModuleLoader.Parser PARSER = (text, file) -> {
    try {
      return TlaParser.parseModule(text, file);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  };

  /** The fixture folder {@code ../shared/tlc-fixtures/specs} (see {@link SharedData#locate}). */
  static Optional<Path> corpus() {
    return SharedData.tlcSpecs();
  }

  /** Compiles {@code dir/spec.tla} with {@code dir/cfg.cfg}; output collected in {@code printed}. */
  static CompiledSpec fixture(Path dir, String spec, String cfg, List<String> printed) {
    ModuleLoader loader = new ModuleLoader(PARSER, List.of(dir));
    Module root = loader.loadRoot(dir.resolve(spec + ".tla"));
    ModelConfig config = config(() -> ConfigReader.readFile(dir.resolve(cfg + ".cfg")));
    return CompiledSpec.compile(loader, root, config, printed::add);
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
    ModuleLoader loader = new ModuleLoader(PARSER, List.of());
    Module root = loader.loadText(module, "Test.tla");
    ModelConfig config = config(() -> ConfigReader.read("Test.cfg", cfg));
    return CompiledSpec.compile(loader, root, config, printed::add);
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
