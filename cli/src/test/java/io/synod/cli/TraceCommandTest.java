package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synod trace validate} as a user runs it: verdicts, exit codes, the prefix file, input errors. */
class TraceCommandTest {
  static Path specs() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(p.resolve("specs"))) {
      p = p.getParent();
    }
    return p.resolve("specs");
  }

  @Test
  void acceptedRejectedAndThePrefix(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, CliTestSupport.run("sim", "2pc", "--seed", "1", "--ops", "20", "--out", run.toString()).code());
    Path trace = run.resolve("trace.ndjson");
    String spec = specs().resolve("twophase/TwoPhase.tla").toString();
    var ok = CliTestSupport.run("trace", "validate", "--spec", spec, "--trace", trace.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().startsWith("trace accepted: "), ok.out());
    assertTrue(ok.out().contains("largest candidate set 1"), ok.out());

    List<String> lines = new ArrayList<>(Files.readAllLines(trace));
    int at = -1;
    for (int i = 0; i < lines.size() && at < 0; i++) {
      if (lines.get(i).startsWith("{\"action\":\"RMPrepare\"")) {
        at = i;
      }
    }
    lines.set(at, lines.get(at).replace("\"rmState\":\"prepared\"", "\"rmState\":\"aborted\""));
    Path bad = dir.resolve("bad.ndjson");
    Files.write(bad, lines);
    Path itf = dir.resolve("prefix.itf.json");
    var no = CliTestSupport.run("trace", "validate", "--mapping", specs().resolve("twophase/trace.yaml").toString(),
        "--trace", bad.toString(), "--itf", itf.toString());
    assertEquals(1, no.code(), no.out() + no.err());
    assertTrue(no.out().startsWith("trace rejected at event " + (at + 1) + " (" + bad + ":" + (at + 1) + "): RMPrepare"),
        no.out());
    assertTrue(no.out().contains("mismatch: rmState["), no.out());
    assertTrue(Files.readString(itf).contains("\"states\""));
  }

  @Test
  void inputErrorsAreExitTwoWithFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("t.ndjson");
    Files.write(bad, List.of("{\"action\":\"TMBegin\",\"node\":\"tm\",\"txn\":1}", "not json"));
    String mapping = specs().resolve("twophase/trace.yaml").toString();
    var r = CliTestSupport.run("trace", "validate", "--mapping", mapping, "--trace", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(bad + ":2: not JSON"), r.err());
    assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace: " + r.err());
    var none = CliTestSupport.run("trace", "validate", "--trace", bad.toString());
    assertEquals(2, none.code());
    var missing = CliTestSupport.run("trace", "validate", "--mapping", dir.resolve("nope.yaml").toString(),
        "--trace", bad.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("cannot read the mapping"), missing.err());
  }
}
