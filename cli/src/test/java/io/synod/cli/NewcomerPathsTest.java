package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.conformance.lin.Models;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Option;

/**
 * The newcomer's paths of docs/ARCHITECTURE.md that end in the command line: "Add a CLI flag to
 * synod check", taken once in this issue for {@code -nowarning}, and the last steps of "Add a
 * model to synod lin" (the model's name registered and documented), checked for every flag and
 * model so that the next one added without them fails here. The model-level steps are
 * {@code conformance/.../lin/AddModelPathTest}, the native operator path
 * {@code checker/.../eval/AddNativeOperatorPathTest}.
 */
class NewcomerPathsTest {
  @TempDir Path dir;

  private static String readme() throws Exception {
    return Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
  }

  @Test
  void theNowarningFlagLeavesOutTheWarningsAndNothingElse() throws Exception {
    Path spec = Files.writeString(dir.resolve("W.tla"), "---- MODULE W ----\nEXTENDS TLC\nVARIABLE x\n"
        + "Init == x = 0 /\\ Print(\"Warning: printed by the spec\", TRUE)\nNext == x' = x\nConst == TRUE\n====\n");
    Path cfg = Files.writeString(dir.resolve("W.cfg"), "INIT Init\nNEXT Next\nINVARIANT Const\n");
    var plain = CliTestSupport.run("check", "-workers", "1", "-config", cfg.toString(), spec.toString());
    var quiet = CliTestSupport.run("check", "-nowarning", "-workers", "1", "-config", cfg.toString(),
        spec.toString());
    assertEquals(0, plain.code(), plain.out() + plain.err());
    assertEquals(0, quiet.code(), quiet.out() + quiet.err());
    assertTrue(plain.out().contains("Warning: The invariant Const is a constant-level formula"), plain.out());
    assertFalse(quiet.out().contains("Warning: The invariant"), quiet.out());
    assertTrue(quiet.out().contains("\"Warning: printed by the spec\""), quiet.out());
    // the warning's lines, through TLC's hint at the flag, are all that differs
    assertEquals(withoutVaryingLines(plain.out())
        .replaceAll("(?s)Warning: The invariant.*?\\(Use the -nowarning option to disable this warning\\.\\)\n", ""),
        withoutVaryingLines(quiet.out()));
  }

  /** The output without the lines that name times and the seed. */
  private static String withoutVaryingLines(String out) {
    return out.lines().filter(l -> !l.startsWith("Running ") && !l.startsWith("Starting")
        && !l.startsWith("Finished") && !l.startsWith("TLC2 Version") && !l.contains("2026-")
        && !l.contains(" s at (")).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void everyCheckFlagIsInItsHelpAndInTheReadme() throws Exception {
    String help = CliTestSupport.run("check", "--help").out();
    String readme = readme();
    List<String> missing = new ArrayList<>();
    for (Field f : CheckCommand.class.getDeclaredFields()) {
      Option o = f.getAnnotation(Option.class);
      if (o == null) {
        continue;
      }
      String name = o.names()[0];
      if (!help.contains(name + " ") && !help.contains(name + "=") && !help.contains(name + "\n")) {
        missing.add(name + " (check --help)");
      }
      if (!readme.contains("`" + name + " ") && !readme.contains("`" + name + "`")) {
        missing.add(name + " (README)");
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyLinModelIsRegisteredAndDocumented() throws Exception {
    String help = CliTestSupport.run("lin", "--help").out().replaceAll("\\s+", " ");
    String readme = readme();
    List<String> missing = new ArrayList<>();
    for (String name : Models.NAMES) {
      String canonical = Models.create(name, null, false, false).name();
      if (!help.contains(name)) {
        missing.add(name + " (lin --help)");
      }
      if (!readme.contains("| `" + canonical + "`")) {
        missing.add(canonical + " (README's table of models)");
      }
    }
    assertEquals(List.of(), missing);
  }
}
