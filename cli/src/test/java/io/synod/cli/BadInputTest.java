package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed, extreme and hostile input: every command answers with a located message and a
 * documented exit code, never a stack trace, and never a verdict it did not earn.
 */
class BadInputTest {
  @TempDir Path dir;

  private static final String CFG = "INIT Init\nNEXT Next\n";

  private Path file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  /** A module {@code name} whose Init is {@code x = 0 /\ cond}, with its config. */
  private Path spec(String name, String defs, String cond) throws IOException {
    file(name + ".cfg", CFG);
    return file(name + ".tla", "---- MODULE " + name + " ----\nEXTENDS Naturals\nVARIABLE x\n" + defs
        + "\nInit == x = 0 /\\ " + cond + "\nNext == x' = x\n====\n");
  }

  private static CliTestSupport.Result check(Path spec) {
    String s = spec.toString();
    return CliTestSupport.run("check", "-workers", "1", "-config", s.replace(".tla", ".cfg"), s);
  }

  private static void noTrace(CliTestSupport.Result r) {
    String all = r.out() + r.err();
    assertFalse(all.contains("\tat ") || all.contains("Exception in thread")
        || all.contains("StackOverflowError\n") || all.contains("NoClassDefFoundError"), all);
  }

  private static String edn(Object process) {
    return "{:process " + process + ", :type :invoke, :f :write, :value 1}\n"
        + "{:process " + process + ", :type :ok, :f :write, :value 1}\n";
  }

  // ------------------------------------------------------------------ lin: verdicts not earned

  @ParameterizedTest
  @ValueSource(strings = {"\"a\"", ":a", "1.5", "nil"})
  void linRejectsAProcessThatIsNotAnInteger(String process) throws IOException {
    Path h = file("p.edn", edn(0) + edn(process));
    var r = CliTestSupport.run("lin", "--model", "register", h.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("p.edn:3:1: :process is "), r.err());
    assertFalse(r.out().contains("linearizable"), r.out());
  }

  @Test
  void linRejectsAJsonProcessGivenAsAString() throws IOException {
    Path h = file("p.jsonl", "{\"process\": \"0\", \"type\": \"invoke\", \"f\": \"read\", \"value\": null}\n");
    var r = CliTestSupport.run("lin", "--model", "register", h.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("p.jsonl:1:1: :process is \"0\""), r.err());
  }

  @Test
  void linStillIgnoresTheNemesis() throws IOException {
    Path h = file("n.edn", "{:process :nemesis, :type :info, :f :start, :value nil}\n" + edn(0));
    var r = CliTestSupport.run("lin", "--model", "register", h.toString());
    assertEquals(0, r.code(), r.out() + r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "  \n", "()", " ; nothing\n"})
  void anEmptyHistoryIsAnErrorNotValid(String text) throws IOException {
    for (String name : new String[] {"e.edn", "e.jsonl"}) {
      if (name.endsWith(".jsonl") && !text.isBlank()) {
        continue;
      }
      Path h = file(name, text);
      var r = CliTestSupport.run("lin", "--model", "register", h.toString());
      assertEquals(2, r.code(), r.out() + r.err());
      assertTrue(r.err().contains(name + ":1:1: the history is empty"), r.err());
    }
  }

  @Test
  void theCounterIsExactBeyondSixtyFourBits() throws IOException {
    String adds = "{:process 0, :type :invoke, :f :add, :value 9223372036854775807}\n"
        + "{:process 0, :type :ok, :f :add, :value 9223372036854775807}\n"
        + "{:process 0, :type :invoke, :f :add, :value 1}\n"
        + "{:process 0, :type :ok, :f :add, :value 1}\n"
        + "{:process 0, :type :invoke, :f :read, :value nil}\n";
    Path right = file("right.edn", adds + "{:process 0, :type :ok, :f :read, :value 9223372036854775808}\n");
    Path wrapped = file("wrapped.edn", adds + "{:process 0, :type :ok, :f :read, :value -9223372036854775808}\n");
    assertEquals(0, CliTestSupport.run("lin", "--model", "counter", right.toString()).code());
    assertEquals(1, CliTestSupport.run("lin", "--model", "counter", wrapped.toString()).code());
  }

  @Test
  void linReadsStandardInput() throws IOException {
    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(edn(0).getBytes(StandardCharsets.UTF_8)));
      var r = CliTestSupport.run("lin", "--model", "register", "-");
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(r.out().startsWith("-: linearizable (register, 1 ops"), r.out());
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void anEdnValueNestedFiveThousandDeepIsRead() throws IOException {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Path h = file("deep.edn", "{:process 0, :type :invoke, :f :write, :value " + deep + "}\n"
        + "{:process 0, :type :ok, :f :write, :value " + deep + "}\n");
    var r = CliTestSupport.run("lin", "--model", "register", h.toString());
    noTrace(r);
    assertEquals(0, r.code(), r.err());
    String json = "[".repeat(5000) + "]".repeat(5000);
    Path j = file("deep.jsonl", "{\"process\": 0, \"type\": \"invoke\", \"f\": \"write\", \"value\": " + json + "}\n"
        + "{\"process\": 0, \"type\": \"ok\", \"f\": \"write\", \"value\": " + json + "}\n");
    var rj = CliTestSupport.run("lin", "--model", "register", j.toString());
    noTrace(rj);
    assertEquals(0, rj.code(), rj.err());
    // independent keys: the partitions are checked on the search's own threads
    StringBuilder keyed = new StringBuilder();
    for (int k = 0; k < 3; k++) {
      keyed.append("{:process ").append(k).append(", :type :invoke, :f :write, :value [").append(k).append(' ')
          .append(deep).append("]}\n{:process ").append(k).append(", :type :ok, :f :write, :value [").append(k)
          .append(' ').append(deep).append("]}\n");
    }
    var rk = CliTestSupport.run("lin", "--model", "register", "--threads", "3",
        file("keyed.edn", keyed.toString()).toString());
    noTrace(rk);
    assertEquals(0, rk.code(), rk.err());
  }

  // ------------------------------------------------------------------ check: TLC's integers

  @ParameterizedTest
  @ValueSource(strings = {"2^40", "2^100", "2147483647 + 1", "65536 * 65536", "0 - 2147483647 - 2"})
  void arithmeticBeyondThirtyTwoBitsStopsWithTlcsOverflow(String expr) throws IOException {
    var r = check(spec("Ov", "", "x + " + expr + " > 0"));
    assertEquals(75, r.code(), r.out());
    assertTrue(r.out().contains("Overflow when computing "), r.out());
  }

  @Test
  void aLiteralBeyondThirtyTwoBitsIsRefusedAsTlcDoes() throws IOException {
    var r = check(spec("Lit", "", "x < 3000000000"));
    assertEquals(150, r.code(), r.out());
    assertTrue(r.out().contains("TLC can't handle a number this big.\n3000000000"), r.out());
  }

  // ------------------------------------------------------------------ check -simulate bounds

  @ParameterizedTest
  @ValueSource(strings = {"-depth=-5", "-depth=0", "-num=-1", "-num=0"})
  void nonsensicalSimulationBoundsAreUsageErrors(String bound) throws IOException {
    Path s = spec("Sim", "", "TRUE");
    String[] kv = bound.split("=");
    var r = CliTestSupport.run("check", "-simulate", kv[0], kv[1], "-config",
        s.toString().replace(".tla", ".cfg"), s.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(kv[0] + " expects a positive number"), r.err());
  }

  // ------------------------------------------------------------------ nesting and recursion

  @ParameterizedTest
  @ValueSource(strings = {"TRUE /\\ ", "~ ", "1 + ", "f[1] = 1 /\\ "})
  void threeThousandChainedOperatorsParseAndCheck(String unit) throws IOException {
    String chain = unit.repeat(3000) + (unit.equals("1 + ") ? "1 > 0" : "TRUE");
    Path s = spec("Chain", "f == [i \\in 1..1 |-> 1]", "(" + chain + ")");
    var p = CliTestSupport.run("parse", s.toString());
    noTrace(p);
    assertEquals(0, p.code(), p.err());
    var c = check(s);
    noTrace(c);
    assertTrue(c.code() == 0 || c.code() == 75, c.out());
  }

  @Test
  void applicationsChainedThreeThousandDeepParse() throws IOException {
    Path s = spec("Apps", "f[n \\in Nat] == 1", "f" + "[1]".repeat(1) + " = 1 /\\ TRUE");
    String body = "g" + "[1]".repeat(3000);
    Path t = file("Apps2.tla", "---- MODULE Apps2 ----\nEXTENDS Naturals\ng == [n \\in Nat |-> 1]\nE == "
        + body + "\n====\n");
    var p = CliTestSupport.run("parse", t.toString());
    noTrace(p);
    assertEquals(0, p.code(), p.err());
    assertEquals(0, check(s).code());
  }

  @Test
  void finiteRecursionTwoThousandDeepEvaluatesAsInTlc() throws IOException {
    var r = check(spec("Rec", "RECURSIVE F(_)\nF(n) == IF n = 0 THEN 0 ELSE F(n - 1) + 1", "F(2000) = 2000"));
    noTrace(r);
    assertEquals(0, r.code(), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void recursionWithoutABaseCaseIsAnEvaluationError(String workers) throws IOException {
    Path s = spec("Inf", "RECURSIVE F(_)\nF(n) == F(n + 1) + 1", "TRUE");
    Files.writeString(s, Files.readString(s).replace("Next == x' = x", "Next == x' = F(x)"));
    var r = CliTestSupport.run("check", "-workers", workers, "-config",
        s.toString().replace(".tla", ".cfg"), s.toString());
    noTrace(r);
    // TLC's own error code (a StackOverflowError while computing successors): exit 255
    assertEquals(255, r.code(), r.out());
    assertTrue(r.out().contains("This was a Java StackOverflowError."), r.out());
    assertTrue(r.out().length() < 20_000, "no position per recursion level: " + r.out().length());
  }

  // ------------------------------------------------------------------ readers

  @Test
  void aLatin1ByteIsReportedWhereItIs() throws IOException {
    byte[] tla = ("---- MODULE L ----\nVARIABLE x\n\\* caf\u00e9\nInit == x = 0\nNext == x' = x\n====\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    Path s = file("L.tla", tla);
    file("L.cfg", CFG);
    var p = CliTestSupport.run("parse", s.toString());
    assertEquals(150, p.code());
    assertTrue(p.err().contains("L.tla:3:7: byte 0xE9 is not valid UTF-8"), p.err());
    var c = check(s);
    assertEquals(150, c.code());
    assertTrue(c.out().contains("L.tla:3:7: byte 0xE9 is not valid UTF-8"), c.out());

    Path cfg = file("Latin.cfg", "INIT Init\nNEXT N\u00e9xt\n".getBytes(StandardCharsets.ISO_8859_1));
    Path ok = spec("C", "", "TRUE");
    var k = CliTestSupport.run("check", "-config", cfg.toString(), ok.toString());
    assertEquals(151, k.code());
    assertTrue(k.err().contains("Latin.cfg:2:7: byte 0xE9 is not valid UTF-8"), k.err());

    Path h = file("h.edn", (edn(0) + "{:process 1, :type :invoke, :f :write, :value \"\u00e9\"}\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    var l = CliTestSupport.run("lin", "--model", "register", h.toString());
    assertEquals(2, l.code());
    assertTrue(l.err().contains("h.edn:3:48: byte 0xE9 is not valid UTF-8"), l.err());
  }

  @Test
  void aByteOrderMarkIsAcceptedInEveryReader() throws IOException {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    Path s = file("B.tla", concat(bom, "---- MODULE B ----\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====\n"));
    file("B.cfg", concat(bom, CFG));
    assertEquals(0, CliTestSupport.run("parse", "-config", dir.resolve("B.cfg").toString(), s.toString()).code());
    assertEquals(0, check(s).code());
    Path e = file("b.edn", concat(bom, edn(0)));
    assertEquals(0, CliTestSupport.run("lin", "--model", "register", e.toString()).code());
    Path j = file("b.jsonl", concat(bom, "{\"process\": 0, \"type\": \"invoke\", \"f\": \"read\", \"value\": null}\n"
        + "{\"process\": 0, \"type\": \"ok\", \"f\": \"read\", \"value\": null}\n"));
    assertEquals(0, CliTestSupport.run("lin", "--model", "register", j.toString()).code());
  }

  private static byte[] concat(byte[] a, String b) {
    byte[] t = b.getBytes(StandardCharsets.UTF_8);
    byte[] r = new byte[a.length + t.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(t, 0, r, a.length, t.length);
    return r;
  }

  @Test
  void anErrorOnAHugeLineIsShownAroundItsColumnOnly() throws IOException {
    String line = "E == " + "1 + ".repeat(1_250_000) + " ) ";
    Path s = file("Huge.tla", "---- MODULE Huge ----\nEXTENDS Naturals\n" + line + "\n====\n");
    var r = CliTestSupport.run("parse", s.toString());
    assertEquals(150, r.code());
    assertTrue(r.err().length() < 10_000, "echoed " + r.err().length() + " characters");
    assertTrue(r.err().contains("Huge.tla:3:"), r.err().substring(0, Math.min(500, r.err().length())));
  }

  @Test
  void checksConfigErrorsAreLocatedAsParsesAre() throws IOException {
    Path s = spec("Cfg", "", "TRUE");
    Path cfg = file("Bad.cfg", "INIT Init\nNEXT Nxt\n");
    var r = CliTestSupport.run("check", "-config", cfg.toString(), s.toString());
    assertEquals(151, r.code());
    assertTrue(r.err().contains("Bad.cfg:2:6: "), r.err());
  }

  @Test
  void aDirectoryNamedLikeASpecIsNamedAsADirectory() throws IOException {
    Path d = Files.createDirectory(dir.resolve("x.tla"));
    var c = CliTestSupport.run("check", d.toString());
    assertEquals(150, c.code());
    assertTrue(c.err().contains("x.tla: it is a directory"), c.err());
    var p = CliTestSupport.run("parse", d.toString());
    assertEquals(2, p.code());
    assertTrue(p.err().contains("x.tla: it is a directory"), p.err());
  }

  // ------------------------------------------------------------------ outputs

  @Test
  void anUnwritableOutputIsFoundBeforeTheSearch() throws IOException {
    Path s = spec("Out", "", "TRUE");
    String missing = dir.resolve("no/such/dir/out.json").toString();
    for (String flag : new String[] {"--itf", "--json", "-dump"}) {
      var r = flag.equals("-dump")
          ? CliTestSupport.run("check", "-dump", "dot", missing, "-config", s.toString().replace(".tla", ".cfg"), s.toString())
          : CliTestSupport.run("check", flag, missing, "-config", s.toString().replace(".tla", ".cfg"), s.toString());
      assertEquals(OutputFiles.WRITE_ERROR, r.code(), flag + ": " + r.err());
      assertFalse(r.out().contains("Model checking completed"), flag + " checked only after the search");
      assertTrue(r.err().contains("cannot write " + missing + ": no such directory"), r.err());
    }
  }

  @Test
  void writeErrorsKeepTheReasonAndOneExitCodeInEveryCommand() throws IOException {
    Path h = file("w.edn", edn(0));
    Path asDir = Files.createDirectory(dir.resolve("taken"));
    var lin = CliTestSupport.run("lin", "--model", "register", "--json", asDir.toString(), h.toString());
    assertEquals(OutputFiles.WRITE_ERROR, lin.code(), lin.err());
    assertTrue(lin.err().contains("cannot write " + asDir + ": is a directory"), lin.err());

    Path manifest = file("g.yaml", "models:\n  - name: m\n    spec: Gate.tla\n    config: Gate.cfg\n    expect: success\n");
    spec("Gate", "", "TRUE");
    var gate = CliTestSupport.run("gate", "--junit", asDir.toString(), manifest.toString());
    assertEquals(OutputFiles.WRITE_ERROR, gate.code(), gate.err());
    assertTrue(gate.err().contains("is a directory"), gate.err());
  }

  @Test
  void everyHelpListsTheWriteErrorCode() {
    for (String cmd : new String[] {"check", "lin", "gate", "sim"}) {
      var r = CliTestSupport.run(cmd, "--help");
      assertTrue(r.out().contains("153"), cmd + " --help: " + r.out());
    }
  }

  @Test
  void anInterruptPrintsHowFarTheSearchGotAndRemovesThePartialDump() throws Exception {
    Path s = spec("Long", "", "TRUE");
    Files.writeString(s, Files.readString(s).replace("Next == x' = x", "Next == x' = x + 1 \\/ x' = x + 2"));
    Path dot = dir.resolve("graph.dot");
    String err = interrupted(() -> Files.exists(dot) && Files.size(dot) >= 10_000, "check", "-dump", "dot",
        dot.toString(), "-config", s.toString().replace(".tla", ".cfg"), s.toString());
    assertTrue(err.matches("(?s).*synod check: interrupted after [0-9,]+ distinct states \\([0-9,]+ generated,"
        + " depth \\d+\\) in [0-9.]+ s.*"), err);
    assertFalse(Files.exists(dot), "a partial state graph was left behind");
    assertFalse(err.contains("\tat "), err);
  }

  @Test
  void anInterruptedSimulationPrintsHowFarItGot() throws Exception {
    Path s = spec("Walk", "", "TRUE");
    Files.writeString(s, Files.readString(s).replace("Next == x' = x", "Next == x' = x + 1 \\/ x' = x + 2"));
    Path stdout = dir.resolve("stdout.txt");
    // the summary is armed once the simulation starts, a moment after "Starting..."
    long[] seen = {0};
    String err = interrupted(() -> {
      if (seen[0] == 0 && Files.exists(stdout) && Files.readString(stdout).contains("Starting...")) {
        seen[0] = System.nanoTime();
      }
      return seen[0] != 0 && System.nanoTime() - seen[0] > 1_000_000_000L;
    }, "check", "-simulate", "-depth", "1000", "-num", "1000000000", "-config",
        s.toString().replace(".tla", ".cfg"), s.toString());
    assertTrue(err.matches("(?s).*synod check: interrupted after [0-9,]+ behaviours \\([0-9,]+ states\\)"
        + " in [0-9.]+ s.*"), err);
    assertFalse(err.contains("\tat "), err);
  }

  /** Something that becomes true once the run is well under way. */
  interface Condition {
    boolean holds() throws IOException;
  }

  /**
   * Runs synod with {@code args} in its own JVM (its standard output in stdout.txt), sends it
   * SIGINT once {@code ready} holds and returns what it printed on standard error.
   */
  private String interrupted(Condition ready, String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"), Synod.class.getName()));
    command.addAll(java.util.List.of(args));
    Path stderr = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(stderr.toFile()).start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!ready.holds() && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(p.isAlive(), "the run ended by itself");
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      p.destroyForcibly();
    }
    return Files.readString(stderr);
  }

  // ------------------------------------------------------------------ smaller

  @Test
  void bareSynodIsAUsageError() {
    var r = CliTestSupport.run();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Usage: synod"), r.err());
  }

  @Test
  void anEmptyGateManifestIsAnError() throws IOException {
    Path m = file("empty.yaml", "models: []\n");
    var r = CliTestSupport.run("gate", m.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("'models' is empty"), r.err());
  }

  @Test
  void gateKeepsTheSpecsOwnErrorMessage() throws IOException {
    file("G.tla", "---- MODULE G ----\nVARIABLE x\nInit == x = 0 /\\ ) 3\nNext == x' = x\n====\n");
    file("G.cfg", CFG);
    Path m = file("g.yaml", "models:\n  - name: g\n    spec: G.tla\n    config: G.cfg\n    expect: success\n");
    var r = CliTestSupport.run("gate", m.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("G.tla: Encountered \")\" at line 3, column 18"), r.out());
    assertFalse(r.out().contains("Linting of module"), r.out());
  }
}
