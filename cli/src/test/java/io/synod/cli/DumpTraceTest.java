package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLC's -dumpTrace FORMAT FILE: the counterexample written as a TLA+ module or as JSON. */
class DumpTraceTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = dir.resolve("Pair.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Pair ----",
        "EXTENDS Naturals",
        "VARIABLES x, y",
        "Init == x = 0 /\\ y = \"a\"",
        "Next == x < 2 /\\ x' = x + 1 /\\ y' = y",
        "Low == x < 2",
        "===="));
    Files.writeString(dir.resolve("Bad.cfg"), "INIT Init\nNEXT Next\nINVARIANT Low\n");
    Files.writeString(dir.resolve("Good.cfg"), "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n");
  }

  private CliTestSupport.Result check(String cfg, String... dumps) {
    String[] args = new String[dumps.length + 4];
    args[0] = "check";
    System.arraycopy(dumps, 0, args, 1, dumps.length);
    args[dumps.length + 1] = "-config";
    args[dumps.length + 2] = dir.resolve(cfg).toString();
    args[dumps.length + 3] = spec.toString();
    return CliTestSupport.run(args);
  }

  private static final String STEP1 = "[name |-> \"Next\", location |-> [beginLine |-> 5, beginColumn |-> 9,"
      + " endLine |-> 5, endColumn |-> 37, module |-> \"Pair\"]]";

  @Test
  void tlaWritesAModuleDefiningCounterExampleNamedAfterTheFile() throws IOException {
    Path out = dir.resolve("Cex.tla");
    CliTestSupport.Result r = check("Bad.cfg", "-dumpTrace", "tla", out.toString());
    assertEquals(12, r.code(), r.out());
    String name = out.toString().replaceFirst("\\.tla", "");
    assertEquals("---- MODULE " + name + " ----\nLOCAL INSTANCE TLC\n\nCounterExample == \n\t"
        + "[action |-> {<<<<1, [x |-> 0, y |-> \"a\"]>>, " + STEP1 + ", <<2, [x |-> 1, y |-> \"a\"]>>>>,"
        + " <<<<2, [x |-> 1, y |-> \"a\"]>>, " + STEP1 + ", <<3, [x |-> 2, y |-> \"a\"]>>>>},"
        + " state |-> {<<1, [x |-> 0, y |-> \"a\"]>>, <<2, [x |-> 1, y |-> \"a\"]>>,"
        + " <<3, [x |-> 2, y |-> \"a\"]>>}]\n\n====", Files.readString(out));
    // TLC's PrintT line, after the trace and before the statistics
    int line = r.out().indexOf("\"CounterExample written: " + out + "\"\n");
    assertTrue(line > r.out().indexOf("State 3:") && line < r.out().indexOf(" states generated"), r.out());
  }

  @Test
  void jsonWritesTheCounterExampleAndTheVariablesAndBothFormatsMayBeGiven() throws IOException {
    Path json = dir.resolve("cex.json");
    Path tla = dir.resolve("Other.tla");
    CliTestSupport.Result r = check("Bad.cfg", "-dumpTrace", "json", json.toString(), "-dumpTrace", "TLA",
        tla.toString());
    assertEquals(12, r.code(), r.out());
    assertTrue(Files.exists(tla));
    String text = Files.readString(json);
    assertTrue(text.startsWith("{\"counterexample\":{\"action\":[[[1,{\"x\":0,\"y\":\"a\"}],{\"name\":\"Next\","
        + "\"location\":{\"beginLine\":5,\"beginColumn\":9,\"endLine\":5,\"endColumn\":37,\"module\":\"Pair\"}},"
        + "[2,{\"x\":1,\"y\":\"a\"}]],"), text);
    JsonNode doc = new ObjectMapper().readTree(text);
    assertEquals("[\"x\",\"y\"]", doc.get("vars").toString());
    assertEquals("[3,{\"x\":2,\"y\":\"a\"}]", doc.get("counterexample").get("state").get(2).toString());
    assertTrue(r.out().contains("\"CounterExample written: " + json + "\"\n\"CounterExample written: " + tla
        + "\"\n"), r.out());
  }

  @Test
  void withoutACounterexampleNothingIsWritten() {
    Path out = dir.resolve("none.json");
    CliTestSupport.Result r = check("Good.cfg", "-dumpTrace", "json", out.toString());
    assertEquals(0, r.code(), r.out());
    assertFalse(Files.exists(out));
    assertFalse(r.out().contains("CounterExample written"), r.out());
  }

  @Test
  void anUnknownFormatOrAMissingFileIsAUsageError() {
    CliTestSupport.Result bad = check("Bad.cfg", "-dumpTrace", "xml", dir.resolve("x").toString());
    assertEquals(2, bad.code(), bad.out());
    assertTrue(bad.err().contains("-dumpTrace supports the formats tla and json, got 'xml'"), bad.err());
    CliTestSupport.Result tlcOnly = check("Bad.cfg", "-dumpTrace", "tlcplain", dir.resolve("x").toString());
    assertEquals(2, tlcOnly.code());
    assertTrue(tlcOnly.err().contains("a TLC format Synod does not write"), tlcOnly.err());
    CliTestSupport.Result missing = CliTestSupport.run("check", spec.toString(), "-dumpTrace", "json");
    assertEquals(2, missing.code(), missing.out());
    assertFalse(missing.err().contains("Exception"), missing.err());
  }
}
