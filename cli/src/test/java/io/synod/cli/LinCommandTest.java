package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinCommandTest {
  @TempDir Path dir;

  private static final String GOOD = """
      [{:process 0, :type :invoke, :f :write, :value 1}
       {:process 1, :type :invoke, :f :read, :value nil}
       {:process 0, :type :ok, :f :write, :value 1}
       {:process 1, :type :ok, :f :read, :value 1}]
      """;

  private static final String BAD = """
      [{:process 0, :type :invoke, :f :write, :value 1}
       {:process 0, :type :ok, :f :write, :value 1}
       {:process 0, :type :invoke, :f :write, :value 2}
       {:process 0, :type :ok, :f :write, :value 2}
       {:process 1, :type :invoke, :f :read, :value nil}
       {:process 1, :type :ok, :f :read, :value 1}]
      """;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void aValidHistoryExitsZero() throws IOException {
    var r = CliTestSupport.run("lin", file("good.edn", GOOD).toString(), "--model", "register");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("good.edn: linearizable (register, 2 ops"), r.out());
  }

  @Test
  void anInvalidHistoryIsExplained() throws IOException {
    var r = CliTestSupport.run("lin", file("bad.edn", BAD).toString(), "--model", "cas-register");
    assertEquals(1, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("bad.edn: NOT linearizable (cas-register, 3 ops"), out);
    assertTrue(out.contains("  cannot linearize {:process 1, :type :ok, :f :read, :value 1} (line 6:2)"), out);
    assertTrue(out.contains("  last operation that could be linearized before it: {:process 0, :type :ok, :f :write, :value 2} (line 4:2)"), out);
    assertTrue(out.contains("      {:process 0, :type :ok, :f :write, :value 2}  -> 2"), out);
    assertTrue(out.contains("      {:process 1, :type :ok, :f :read, :value 1}  ✗ can't read 1 from register 2"), out);
  }

  @Test
  void sequentialConsistencyAcceptsTheStaleRead() throws IOException {
    var r = CliTestSupport.run("lin", file("bad.edn", BAD).toString(), "--model", "register",
        "--consistency", "sequential", "--witness");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("sequentially consistent"), r.out());
    assertTrue(r.out().contains("  linearization (3 ops):\n    {:process 0, :type :ok, :f :write, :value 1}\n"
        + "    {:process 1, :type :ok, :f :read, :value 1}\n"), r.out());
  }

  @Test
  void aBudgetThatRunsOutExitsThree() throws IOException {
    // 22 concurrent writes, each read by a concurrent reader, and a read of a value nobody
    // wrote: ruling it out takes every subset of the writes
    StringBuilder sb = new StringBuilder("{:process 99, :type :invoke, :f :read, :value nil}\n");
    for (int i = 0; i < 22; i++) {
      sb.append("{:process ").append(i).append(", :type :invoke, :f :write, :value ").append(i).append("}\n");
      sb.append("{:process ").append(50 + i).append(", :type :invoke, :f :read, :value nil}\n");
    }
    sb.append("{:process 99, :type :ok, :f :read, :value 100}\n");
    for (int i = 0; i < 22; i++) {
      sb.append("{:process ").append(i).append(", :type :ok, :f :write, :value ").append(i).append("}\n");
      sb.append("{:process ").append(50 + i).append(", :type :ok, :f :read, :value ").append(i).append("}\n");
    }
    var r = CliTestSupport.run("lin", file("hard.edn", sb.toString()).toString(), "--model", "register",
        "--max-configs", "5000");
    assertEquals(3, r.code(), r.err());
    assertTrue(r.out().contains("UNKNOWN") && r.out().contains("--max-configs"), r.out());
  }

  @Test
  void malformedInputIsALocatedUsageError() throws IOException {
    var r = CliTestSupport.run("lin", file("broken.edn", "[{:process 0, :type :invoke, :f :read}\n {:process 0 :type}]").toString(),
        "--model", "register");
    assertEquals(2, r.code());
    assertEquals("synod lin: " + dir.resolve("broken.edn") + ":2:19: malformed EDN: Every map must have an equal number of keys and values.\n",
        r.err());
    assertFalse(r.err().contains("at io.synod"));
  }

  @Test
  void anInconsistentHistoryIsAnError() throws IOException {
    var r = CliTestSupport.run("lin", file("twice.edn",
        "{:process 0, :type :invoke, :f :read}\n{:process 0, :type :invoke, :f :read}\n").toString(), "--model", "register");
    assertEquals(2, r.code());
    assertTrue(r.err().endsWith("twice.edn:2:1: process 0 invokes :read while its :read invoked at line 1:1 is still outstanding\n"), r.err());
  }

  @Test
  void badFlagsAreUsageErrors() throws IOException {
    String f = file("good.edn", GOOD).toString();
    assertEquals(2, CliTestSupport.run("lin", f).code()); // no --model
    var unknownModel = CliTestSupport.run("lin", f, "--model", "stack");
    assertEquals(2, unknownModel.code());
    assertTrue(unknownModel.err().contains("unknown model 'stack'; expected one of register, cas-register"), unknownModel.err());
    var badTimeout = CliTestSupport.run("lin", f, "--model", "register", "--timeout", "soon");
    assertEquals(2, badTimeout.code());
    assertTrue(badTimeout.err().contains("--timeout takes a positive duration"), badTimeout.err());
    var badInit = CliTestSupport.run("lin", f, "--model", "register", "--init", "{:x");
    assertEquals(2, badInit.code());
    assertTrue(badInit.err().contains("--init '{:x' is not valid EDN"), badInit.err());
    var badLevel = CliTestSupport.run("lin", f, "--model", "register", "--consistency", "eventual");
    assertEquals(2, badLevel.code());
    var missing = CliTestSupport.run("lin", dir.resolve("nope.edn").toString(), "--model", "register");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file or directory"), missing.err());
  }

  @Test
  void aDirectoryGetsOneLinePerHistoryAndASummary() throws IOException {
    Path d = Files.createDirectories(dir.resolve("run"));
    Files.writeString(d.resolve("a.edn"), GOOD);
    Files.writeString(d.resolve("b.edn"), BAD);
    Files.writeString(d.resolve("c.jsonl"),
        "{\"process\": 0, \"type\": \"invoke\", \"f\": \"write\", \"value\": 5}\n"
            + "{\"process\": 0, \"type\": \"ok\", \"f\": \"write\", \"value\": 5}\n");
    Files.writeString(d.resolve("notes.txt"), "not a history");
    var r = CliTestSupport.run("lin", d.toString(), "--model", "register");
    assertEquals(1, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(5, lines.length, r.out());
    assertTrue(lines[0].contains("a.edn: linearizable"));
    assertTrue(lines[1].contains("b.edn: NOT linearizable"));
    assertTrue(lines[2].startsWith("  cannot linearize {:process 1, :type :ok, :f :read, :value 1} (line 6:2): can't read 1 from register 2"));
    assertTrue(lines[3].contains("c.jsonl: linearizable"));
    assertTrue(lines[4].startsWith("3 histories: 2 valid, 1 invalid, 0 unknown, 0 unreadable"));
  }

  @Test
  void writesJsonAndKnossosStyleEdn() throws IOException {
    Path json = dir.resolve("out.json");
    Path edn = dir.resolve("out.edn");
    var r = CliTestSupport.run("lin", file("bad.edn", BAD).toString(), "--model", "register",
        "--json", json.toString(), "--edn", edn.toString());
    assertEquals(1, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertEquals("invalid", j.get("valid").asText());
    JsonNode failure = j.get("results").get(0).get("failure");
    assertEquals(1, failure.get("op").get("process").asInt());
    assertEquals("1", failure.get("op").get("value").asText());
    assertEquals("can't read 1 from register 2", failure.get("paths").get(0).get("reason").asText());
    String e = Files.readString(edn);
    assertTrue(e.startsWith("{:valid? false,"), e);
    assertTrue(e.contains(":op {:process 1, :type :ok, :f :read, :value 1}"), e);
    assertTrue(e.contains(":previous-ok {:process 0, :type :ok, :f :write, :value 2}"), e);
    assertTrue(e.contains(":final-paths [\n  [{:op {:process 0, :type :ok, :f :write, :value 1}, :model 1}"), e);
    assertTrue(e.contains("{:op {:process 1, :type :ok, :f :read, :value 1}, :model {:inconsistent \"can't read 1 from register 2\"}}]"), e);
    var asJson = CliTestSupport.run("lin", file("good.edn", GOOD).toString(), "--model", "register", "--format", "json", "--witness");
    assertEquals(0, asJson.code());
    assertEquals("valid", new ObjectMapper().readTree(asJson.out()).get("valid").asText());
  }

  @Test
  void checksTheKnossosCasFailureLikeKnossos() {
    var knossos = SharedData.knossosHistories();
    org.junit.jupiter.api.Assumptions.assumeTrue(knossos.isPresent(), "../shared/histories not found: skipping");
    Path k = knossos.get().resolve("cas-register/bad/cas-failure.edn");
    var r = CliTestSupport.run("lin", k.toString(), "--model", "cas-register", "--init", "0");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("cannot linearize {:process 70, :type :ok, :f :read, :value 0}"), r.out());
  }
}
