package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code synod check --cluster} against three members in separate JVMs: the fixtures' safety
 * models give the single-process result; bad member lists and versions give clear errors.
 */
class ClusterCommandTest {
  private static LocalCluster cluster;

  @BeforeAll
  static void startMembers() throws IOException {
    cluster = LocalCluster.start(3, Synod.class.getName(), List.of("-Xmx256m", "-XX:+UseSerialGC"));
  }

  @AfterAll
  static void stopMembers() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static JsonNode check(Path tmp, String name, Path dir, String spec, String cfg,
      String... extra) throws IOException {
    Path json = tmp.resolve(name + ".json");
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(List.of(extra));
    args.addAll(List.of("-config", dir.resolve(cfg).toString(), "--json", json.toString(),
        dir.resolve(spec).toString()));
    CliTestSupport.Result r = CliTestSupport.run(args.toArray(new String[0]));
    assertFalse(r.err().contains("\tat "), r.err());
    JsonNode n = new ObjectMapper().readTree(json.toFile());
    assertEquals(n.get("exitCode").asInt(), r.code(), r.out() + r.err());
    return n;
  }

  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
    "01_counters, Counters.tla, Counters.cfg",
    "03_seqbuffer, SeqBuffer.tla, SeqBuffer.cfg",
    "05_bagstore, BagStore.tla, BagStoreBug.cfg",
    "07_assert_elevator, Elevator.tla, Elevator.cfg",
    "19_symmetry, Tokens.tla, TokensSym.cfg",
    "20_view_alias, Odometer.tla, Odometer_view.cfg",
    "21_constraints, Grid.tla, Grid.cfg",
    "21_constraints, Grid.tla, Grid_postfalse.cfg",
    "22_action_property, Ratchet.tla, Ratchet.cfg",
    "24_deadlock_vending, Vending.tla, Vending.cfg",
    "32_assume_fails, Quorum.tla, Quorum.cfg",
    "36_constant_once, ConstOnce.tla, ConstOnce.cfg",
    "38_generated_counts, Dups.tla, Dups.cfg",
  })
  void fixtureGivesTheSingleProcessResult(String fixture, String spec, String cfg,
      @TempDir Path tmp) throws IOException {
    Path dir = TlcFixturesTest.fixtures().map(f -> f.resolve("specs").resolve(fixture)).orElse(null);
    Assumptions.assumeTrue(dir != null, "shared/tlc-fixtures not found next to the repository");
    JsonNode one = check(tmp, "one", dir, spec, cfg, "-workers", "1");
    JsonNode many = check(tmp, "many", dir, spec, cfg, "--cluster",
        String.join(",", cluster.addresses()));
    for (String k : List.of("verdict", "exitCode", "violated", "message")) {
      assertEquals(one.get(k), many.get(k), k);
    }
    assertEquals(one.get("trace").size(), many.get("trace").size(), "trace length");
    if (one.get("verdict").asText().equals("success")
        || one.get("verdict").asText().equals("postcondition")) {
      for (String k : List.of("statesGenerated", "distinctStates", "statesLeftOnQueue", "depth")) {
        assertEquals(one.get(k), many.get(k), k);
      }
    }
  }

  @Test
  void localMembersRunACheckAndStopAfterIt(@TempDir Path tmp) throws IOException {
    Path dir = TlcFixturesTest.fixtures().map(f -> f.resolve("specs").resolve("01_counters"))
        .orElse(null);
    Assumptions.assumeTrue(dir != null, "shared/tlc-fixtures not found next to the repository");
    JsonNode n = check(tmp, "local", dir, "Counters.tla", "Counters.cfg", "--local-members", "2",
        "--member-heap", "128m");
    assertEquals(104, n.get("distinctStates").asInt());
    assertEquals(193, n.get("statesGenerated").asInt());
    assertEquals(18, n.get("depth").asInt());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''| --join expects host[:port],... (at least one member)",
    "a,,b| --join 'a,,b': empty entry (two commas or a trailing comma?)",
    "a:99999| --join 'a:99999': port 99999 of entry 'a:99999' is not in 1..65535",
    "a:x| --join 'a:x': port 'x' of entry 'a:x' is not a number",
    "a b| --join 'a b': 'a b' is not a host name or address",
  })
  void badJoinListsAreUsageErrors(String join, String message) {
    CliTestSupport.Result r = CliTestSupport.run("cluster", "member", "--join", join);
    assertEquals(2, r.code());
    assertTrue(r.err().contains(message.strip()), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aBadClusterListIsAUsageErrorBeforeAnyWork() {
    CliTestSupport.Result r = CliTestSupport.run("check", "--cluster", "m1:0", "Missing.tla");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--cluster 'm1:0': port 0 of entry 'm1:0' is not in 1..65535"),
        r.err());
  }

  @Test
  void clusterOptionsExcludeWhatACusterCheckCannotDo() {
    CliTestSupport.Result r = CliTestSupport.run("check", "--local-members", "2", "-simulate",
        "Missing.tla");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("-simulate is not available for a cluster check"), r.err());
  }

  @Test
  void checkpointsBelongToAClusterCheck() {
    CliTestSupport.Result r = CliTestSupport.run("check", "--checkpoint-dir", "/tmp", "Missing.tla");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--checkpoint-dir applies to a cluster check (--cluster or"
        + " --local-members) only"), r.err());
  }

  @Test
  void aCheckWithCheckpointsGivesTheSameCountsAndLeavesNothingBehind(@TempDir Path tmp)
      throws IOException {
    Path dir = TlcFixturesTest.fixtures().map(f -> f.resolve("specs").resolve("03_seqbuffer"))
        .orElse(null);
    Assumptions.assumeTrue(dir != null, "shared/tlc-fixtures not found next to the repository");
    Path ck = java.nio.file.Files.createDirectories(tmp.resolve("ck"));
    JsonNode n = check(tmp, "ck", dir, "SeqBuffer.tla", "SeqBuffer.cfg", "--cluster",
        String.join(",", cluster.addresses()), "--checkpoint-dir", ck.toString(),
        "--checkpoint-seconds", "0");
    assertEquals(1927, n.get("distinctStates").asInt());
    assertEquals(3867, n.get("statesGenerated").asInt());
    try (var files = java.nio.file.Files.list(ck)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void anUnreachableClusterIsASystemError(@TempDir Path tmp) throws IOException {
    Path dir = TlcFixturesTest.fixtures().map(f -> f.resolve("specs").resolve("01_counters"))
        .orElse(null);
    Assumptions.assumeTrue(dir != null, "shared/tlc-fixtures not found next to the repository");
    int port = LocalCluster.freePorts(1).get(0);
    System.setProperty("synod.cluster.connectMillis", "2000");
    try {
      CliTestSupport.Result r = CliTestSupport.run("check", "--cluster", "127.0.0.1:" + port,
          "-config", dir.resolve("Counters.cfg").toString(), dir.resolve("Counters.tla").toString());
      assertEquals(153, r.code());
      assertTrue(r.err().contains("no synod cluster member answered at 127.0.0.1:" + port),
          r.err());
    } finally {
      System.clearProperty("synod.cluster.connectMillis");
    }
  }

  @Test
  void aClientOfAnotherVersionIsRefused(@TempDir Path tmp) {
    Path dir = TlcFixturesTest.fixtures().map(f -> f.resolve("specs").resolve("01_counters"))
        .orElse(null);
    Assumptions.assumeTrue(dir != null, "shared/tlc-fixtures not found next to the repository");
    System.setProperty("synod.cluster.version", "9.9.9-other");
    try {
      CliTestSupport.Result r = CliTestSupport.run("check", "--cluster",
          String.join(",", cluster.addresses()), "-config", dir.resolve("Counters.cfg").toString(),
          dir.resolve("Counters.tla").toString());
      assertEquals(153, r.code());
      assertTrue(r.err().contains("version mismatch: cluster member "), r.err());
      assertTrue(r.err().contains("but this synod is 9.9.9-other"), r.err());
    } finally {
      System.clearProperty("synod.cluster.version");
    }
  }
}
