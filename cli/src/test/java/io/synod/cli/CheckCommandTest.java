package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synod check} flags, reports and errors on a small generated spec. */
class CheckCommandTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = dir.resolve("Walk.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Walk ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "Init == x = 0",
        "Next == x < 3 /\\ x' = x + 1",
        "Small == x < 2",
        "===="));
    Files.writeString(dir.resolve("Walk.cfg"), "INIT Init\nNEXT Next\nINVARIANT Small\n");
    Files.writeString(dir.resolve("Free.cfg"), "INIT Init\nNEXT Next\n");
  }

  @Test
  void invariantViolationWithItfAndJsonReports() throws IOException {
    Path itf = dir.resolve("cex.itf.json");
    Path json = dir.resolve("report.json");
    CliTestSupport.Result r = CliTestSupport.run("check", spec.toString(), "--itf", itf.toString(),
        "--json", json.toString());
    assertEquals(12, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Invariant Small is violated."), r.out());
    assertTrue(r.out().contains("State 3: <Next line 5, col 9 to line 5, col 27 of module Walk>\nx = 2\n"), r.out());
    JsonNode doc = new ObjectMapper().readTree(itf.toFile());
    assertEquals(3, doc.get("states").size());
    assertEquals("Next", doc.get("states").get(2).get("#meta").get("action").asText());
    assertEquals("2", doc.get("states").get(2).get("x").get("#bigint").asText());
    JsonNode rep = new ObjectMapper().readTree(json.toFile());
    assertEquals("invariant", rep.get("verdict").asText());
    assertEquals("Small", rep.get("violated").asText());
    assertEquals(3, rep.get("distinctStates").asInt());
    assertEquals(3, rep.get("trace").size());
    JsonNode memory = rep.get("memory");
    assertTrue(memory.get("seenSetBytes").asLong() >= 16 * 8, memory.toString());
    assertEquals(memory.get("seenSetBytes").asLong() / 3.0,
        memory.get("seenSetBytesPerState").asDouble(), 0.1, memory.toString());
    assertEquals(0, memory.get("bytesSpilled").asLong(), memory.toString());
    JsonNode levels = rep.get("levels");
    assertTrue(levels.size() >= 2, levels.toString());
    assertEquals(1, levels.get(0).get("depth").asInt(), levels.toString());
    assertEquals(1, levels.get(0).get("expanded").asLong(), levels.toString());
    assertTrue(levels.get(0).get("millis").asLong() >= 0, levels.toString());
    assertTrue(levels.get(0).get("jitMillis").asLong() >= 0, levels.toString());
    assertTrue(levels.get(0).get("gcMillis").asLong() >= 0, levels.toString());
  }

  @Test
  void helpListsTheFlagsAndSucceeds() {
    CliTestSupport.Result r = CliTestSupport.run("check", "--help");
    assertEquals(0, r.code(), r.out() + r.err());
    for (String flag : new String[] {"-workers", "-spill", "-queue-mem", "-metadir", "--json"}) {
      assertTrue(r.out().contains(flag), flag + " missing from:\n" + r.out());
    }
  }

  @Test
  void helpTextHasNoFormatErrors() throws Exception {
    // picocli reports a bare % in a description on the JVM's stderr, with every usage message
    CliTestSupport.Result r = CliTestSupport.runInJvm(dir, List.of(), "check", "--help");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.err().contains("Could not format"), r.err());
    assertTrue(r.out().contains("more than 10% and"), r.out());
  }

  @Test
  void deadlockAndTheDeadlockFlag() {
    CliTestSupport.Result r = CliTestSupport.run("check", "-config", dir.resolve("Free.cfg").toString(),
        spec.toString());
    assertEquals(11, r.code(), r.out());
    assertTrue(r.out().contains("Error: Deadlock reached."), r.out());
    CliTestSupport.Result off = CliTestSupport.run("check", "-deadlock", "-workers", "auto",
        "-config", dir.resolve("Free.cfg").toString(), spec.toString());
    assertEquals(0, off.code(), off.out());
    assertTrue(off.out().contains("4 states generated, 4 distinct states found, 0 states left on queue."), off.out());
  }

  @Test
  void dumpDotWritesTheStateGraph() throws IOException {
    Path dot = dir.resolve("g.dot");
    CliTestSupport.Result r = CliTestSupport.run("check", "-deadlock", "-config",
        dir.resolve("Free.cfg").toString(), "-dump", "dot", dot.toString(), spec.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    String g = Files.readString(dot);
    assertTrue(g.startsWith("strict digraph DiskGraph {"), g);
    assertEquals(3, g.lines().filter(l -> l.contains(" -> ")).count(), g);
    assertTrue(g.contains("style = filled"), g);
  }

  @Test
  void simulationFindsTheViolationDeterministically() {
    CliTestSupport.Result a = CliTestSupport.run("check", "-simulate", "-depth", "10", "-seed", "7", spec.toString());
    CliTestSupport.Result b = CliTestSupport.run("check", "-simulate", "-depth", "10", "-seed", "7", spec.toString());
    assertEquals(12, a.code(), a.out());
    assertTrue(a.out().contains("Error: Invariant Small is violated."), a.out());
    assertEquals(a.out().lines().filter(l -> l.startsWith("State ")).toList(),
        b.out().lines().filter(l -> l.startsWith("State ")).toList());
  }

  @Test
  void badInputIsAUsageOrFileErrorWithoutStackTrace() {
    CliTestSupport.Result w = CliTestSupport.run("check", "-workers", "zero", spec.toString());
    assertEquals(2, w.code());
    assertTrue(w.err().contains("-workers"), w.err());
    CliTestSupport.Result fp = CliTestSupport.run("check", "-fp", "999", spec.toString());
    assertEquals(2, fp.code());
    CliTestSupport.Result missing = CliTestSupport.run("check", dir.resolve("Nope.tla").toString());
    assertEquals(150, missing.code());
    assertTrue(missing.err().contains("Nope.tla"), missing.err());
    CliTestSupport.Result noCfg = CliTestSupport.run("check", "-config", dir.resolve("x.cfg").toString(), spec.toString());
    assertEquals(151, noCfg.code());
    CliTestSupport.Result dump = CliTestSupport.run("check", "-dump", "png", "f", spec.toString());
    assertEquals(2, dump.code());
    for (CliTestSupport.Result r : new CliTestSupport.Result[] {w, fp, missing, noCfg, dump}) {
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void aRootModuleNamedUnlikeItsFileIsAParseErrorAsInTlc() throws IOException {
    Path other = dir.resolve("Other.tla");
    Files.writeString(other, Files.readString(spec));
    Files.writeString(dir.resolve("Other.cfg"), "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = CliTestSupport.run("check", other.toString());
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("File name 'Other' does not match the name 'Walk' of the top level module it contains."),
        r.out());
    assertFalse(r.out().contains("states generated"), r.out());
  }

  @Test
  void modulesAfterTheRootInItsFileAreUsed() throws IOException {
    Path both = dir.resolve("Both.tla");
    Files.writeString(both, String.join("\n",
        "---- MODULE Both ----", "EXTENDS Helper", "VARIABLE x", "Init == x = Start", "Next == x' = x", "====",
        "---- MODULE Helper ----", "Start == 7", "===="));
    Files.writeString(dir.resolve("Both.cfg"), "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = CliTestSupport.run("check", both.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Helper.tla (" + both.toAbsolutePath() + ")"), r.out());
    assertTrue(r.out().contains("1 distinct states found"), r.out());
  }

  @Test
  void aMissingModuleIsReportedWhereItIsNamed() throws IOException {
    Path miss = dir.resolve("Miss.tla");
    Files.writeString(miss, "---- MODULE Miss ----\nEXTENDS Nowhere\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====\n");
    Files.writeString(dir.resolve("Miss.cfg"), "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = CliTestSupport.run("check", miss.toString());
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Cannot find source file for module Nowhere imported in module Miss.\n"
        + "line 2, col 9 to line 2, col 15 of module Miss\n"), r.out());
    assertFalse(r.out().contains("Synod looked in"), "stdout keeps TLC's report");
    Path lib = Files.createDirectories(dir.resolve("mods"));
    r = CliTestSupport.run("check", "-lib", lib.toString(), miss.toString());
    assertEquals(150, r.code(), r.out() + r.err());
    assertFalse(r.out().contains("Synod looked in"), "stdout keeps TLC's report");
    assertTrue(r.err().startsWith("Synod looked in: " + miss.toAbsolutePath().normalize().getParent() + ", " + lib
        + ", "), r.err());
    assertTrue(r.err().contains(", and its standard modules (Naturals, "), r.err());
  }

  @Test
  void checkRefusesWhatParseRefusesAndPrintsSanysWarnings() throws IOException {
    Path rec = dir.resolve("Rec.tla");
    Files.writeString(rec, String.join("\n", "---- MODULE Rec ----", "EXTENDS Naturals", "VARIABLE x",
        "RECURSIVE F(_, _)", "F(n, Op(_)) == IF n = 0 THEN 0 ELSE F(n - 1, Op)", "Init == x = F(2, LAMBDA a : a)",
        "Next == x' = x", "===="));
    Files.writeString(dir.resolve("Rec.cfg"), "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = CliTestSupport.run("check", rec.toString());
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Semantic errors:\n\n*** Errors: 1\n\nline 5, col 1 to line 5, col 48 of module Rec\n\n"
        + "Definition of F has different arity than its RECURSIVE declaration.\n"), r.out());

    Path two = dir.resolve("Two.tla");
    Files.writeString(two, String.join("\n", "---- MODULE Two ----", "EXTENDS L1, L2", "VARIABLE x",
        "Init == x = Pick", "Next == x' = x", "====", "---- MODULE L1 ----", "Pick == 1", "====",
        "---- MODULE L2 ----", "Pick == 2", "===="));
    Files.writeString(dir.resolve("Two.cfg"), "INIT Init\nNEXT Next\n");
    CliTestSupport.Result w = CliTestSupport.run("check", "-config", dir.resolve("Two.cfg").toString(), two.toString());
    assertEquals(0, w.code(), w.out() + w.err());
    assertTrue(w.out().contains("*** Warnings: 1\n\nline 2, col 1 to line 2, col 9 of module L2\n\n"
        + "Warning: the definition of 'Pick' conflicts with \nits definition at line 2, col 1 to line 2, col 9 of module L1.\n"),
        w.out());
    // the first extended module's Pick is the one used
    assertTrue(w.out().contains("1 distinct states found"), w.out());
  }

  @Test
  void modulesAreSearchedInTheLibFoldersThenInTlaPath() {
    assertEquals(List.of(Path.of("a"), Path.of("b"), Path.of("c")),
        LibraryPath.of(List.of(Path.of("a")), null, "b" + java.io.File.pathSeparator + "c"));
    assertEquals(List.of(Path.of("a")), LibraryPath.of(List.of(Path.of("a")), null, null));
  }
}
