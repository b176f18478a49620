package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  @TempDir Path dir;

  private Path fixture(String rel) {
    Optional<Path> f = TlcFixturesTest.fixtures();
    assumeTrue(f.isPresent(), "../shared/tlc-fixtures is not beside the repository; skipped");
    return f.get().resolve("specs").resolve(rel);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void validSpecListsModulesAndSaysNoErrors() {
    var r = CliTestSupport.run("parse", fixture("04_logship/LogShip.tla").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Read module Naturals (standard module)"), r.out());
    assertTrue(r.out().contains("Read module Sequences (standard module)"), r.out());
    assertTrue(r.out().contains("LogShip.tla: no errors"), r.out());
  }

  @Test
  void validSpecWithItsConfig() {
    var r = CliTestSupport.run("parse", fixture("12_instance/System.tla").toString(),
        "-config", fixture("12_instance/System.cfg").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Read config"), r.out());
  }

  @Test
  void syntaxErrorIsLocatedWithCaret() {
    var r = CliTestSupport.run("parse", fixture("28_parse_syntax/Broken.tla").toString());
    assertEquals(150, r.code());
    assertTrue(r.err().contains("Broken.tla:9:"), r.err());
    assertTrue(r.err().contains("^"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void undefinedNameIsASemanticError() {
    var r = CliTestSupport.run("parse", fixture("29_parse_undefined/Undef.tla").toString());
    assertEquals(150, r.code());
    assertTrue(r.err().contains("Unknown operator: `limit'."), r.err());
  }

  @Test
  void missingConstantInConfigExits151() {
    var r = CliTestSupport.run("parse", fixture("30_config_missing_constant/Quota.tla").toString(),
        "-config", fixture("30_config_missing_constant/Quota.cfg").toString());
    assertEquals(151, r.code(), r.out() + r.err());
  }

  @Test
  void unknownInvariantInConfigExits151() {
    var r = CliTestSupport.run("parse", fixture("31_config_unknown_invariant/Beacon.tla").toString(),
        "-config", fixture("31_config_unknown_invariant/Beacon.cfg").toString());
    assertEquals(151, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("Safety"), r.err());
  }

  @Test
  void goldenMessageForMissingThen() throws IOException {
    Path spec = write("M.tla", """
        ---- MODULE M ----
        EXTENDS Naturals
        F(x) == IF x > 0 x ELSE 0
        ====
        """);
    var r = CliTestSupport.run("parse", spec.toString());
    assertEquals(150, r.code());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith(spec + ":3:"), r.err());
    assertTrue(r.err().contains("  F(x) == IF x > 0 x ELSE 0\n"), r.err());
  }

  @Test
  void moduleFromLibFolderAndTlaPath() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(lib.resolve("Helper.tla"), """
        ---- MODULE Helper ----
        Twice(x) == <<x, x>>
        ====
        """);
    Path spec = write("Main.tla", """
        ---- MODULE Main ----
        EXTENDS Helper
        P == Twice(1)
        ====
        """);
    var missing = CliTestSupport.run("parse", spec.toString());
    assertEquals(150, missing.code());
    assertTrue(missing.err().contains("Helper"), missing.err());
    var found = CliTestSupport.run("parse", spec.toString(), "-lib", lib.toString());
    assertEquals(0, found.code(), found.err());
    assertTrue(found.out().contains("Read module Helper (" + lib.resolve("Helper.tla")), found.out());
  }

  @Test
  void missingFileIsAUsageError() {
    var r = CliTestSupport.run("parse", dir.resolve("Nope.tla").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
  }

  @Test
  void malformedConfigIsLocated() throws IOException {
    Path spec = write("C.tla", """
        ---- MODULE C ----
        CONSTANT N
        ====
        """);
    Path cfg = write("C.cfg", "CONSTANT N = \nINIT\n");
    var r = CliTestSupport.run("parse", spec.toString(), "-config", cfg.toString());
    assertEquals(151, r.code());
    assertTrue(r.err().startsWith(cfg.toString() + ":"), r.err());
  }

  @Test
  void sanysWarningsArePrintedAndTheSpecIsAccepted(@TempDir Path dir) throws IOException {
    Path two = dir.resolve("Two.tla");
    Files.writeString(two, String.join("\n", "---- MODULE Two ----", "EXTENDS L1, L2", "X == Pick", "====",
        "---- MODULE L1 ----", "Pick == 1", "====", "---- MODULE L2 ----", "Pick == 2", "===="));
    var r = CliTestSupport.run("parse", two.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(":9:1: warning: the definition of 'Pick' conflicts with"), r.out());
    assertTrue(r.out().contains("Two.tla: no errors"), r.out());
  }

  @Test
  void aMissingModuleNamesEveryFolderSearched() throws Exception {
    Path spec = Files.createDirectories(dir.resolve("spec")).resolve("Miss.tla");
    Files.writeString(spec, "---- MODULE Miss ----\nEXTENDS Naturals, Nowhere\n====\n");
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path tlaPath = Files.createDirectories(dir.resolve("tlapath"));
    // TLA_PATH is read from the environment: only a child process can be given one
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Synod.class.getName(), "parse", "-lib", lib.toString(),
        spec.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
    pb.environment().put("TLA_PATH", tlaPath.toString());
    assertEquals(150, pb.start().waitFor());
    List<String> lines = Files.readAllLines(stderr);
    assertTrue(lines.get(0).endsWith("Miss.tla:2:19: Cannot find source file for module Nowhere imported in module Miss."),
        String.join("\n", lines));
    String hint = lines.stream().filter(l -> l.startsWith("Synod looked in: ")).findFirst().orElseThrow();
    assertEquals("Synod looked in: " + spec.toAbsolutePath().getParent() + ", " + lib + ", " + tlaPath
        + ", and its standard modules (Naturals, Integers, ", hint.substring(0, hint.indexOf("Reals")));
    assertTrue(hint.endsWith(")"), hint);
    assertEquals("1 error", lines.get(lines.size() - 1));
  }
}
