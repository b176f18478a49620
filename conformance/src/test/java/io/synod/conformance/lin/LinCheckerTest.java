package io.synod.conformance.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.conformance.history.History;
import io.synod.conformance.history.OperationPairer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinCheckerTest {

  @Test
  void aConfigurationBudgetYieldsUnknownNotAHang() {
    LinResult r = Histories.check(Histories.adversarial(24), "register", null,
        LinOptions.defaults().withMaxConfigs(20_000));
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertTrue(r.partitions().get(0).unknownReason().contains("--max-configs"));
  }

  @Test
  void aTimeBudgetYieldsUnknown() {
    // 2^28 subsets to rule out: far more than 50 ms of work.
    LinResult r = Histories.check(Histories.adversarial(28), "register", null,
        LinOptions.defaults().withTimeout(Duration.ofMillis(50)));
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertTrue(r.partitions().get(0).unknownReason().contains("--timeout"));
  }

  @Test
  void smallAdversarialHistoriesAreDecided() {
    LinResult r = Histories.check(Histories.adversarial(10), "register", null, LinOptions.defaults());
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals("can't read 11 from register 10", r.invalid().failure().paths().get(0).reason().replaceAll("register \\d+", "register 10"));
  }

  @Test
  void aStaleReadFromAnotherProcessIsSequentiallyConsistentButNotLinearizable() {
    History h = Histories.of("0 invoke write 1", "0 ok write 1", "0 invoke write 2", "0 ok write 2",
        "1 invoke read", "1 ok read 1");
    assertEquals(Verdict.INVALID, Histories.check(h, "register", null, LinOptions.defaults()).verdict());
    LinResult sc = Histories.check(h, "register", null, LinOptions.defaults().withConsistency(Consistency.SEQUENTIAL));
    assertEquals(Verdict.VALID, sc.verdict());
    List<String> order = sc.partitions().get(0).witness().stream().map(o -> o.f() + " " + o.value()).toList();
    assertEquals(List.of("write 1", "read 1", "write 2"), order);
    // But a process must see its own writes.
    History own = Histories.of("0 invoke write 1", "0 ok write 1", "0 invoke write 2", "0 ok write 2",
        "0 invoke read", "0 ok read 1");
    assertEquals(Verdict.INVALID, Histories.check(own, "register", null,
        LinOptions.defaults().withConsistency(Consistency.SEQUENTIAL)).verdict());
  }

  @Test
  void theFirstInvalidKeyIsReportedWhateverTheThreads() {
    // Keys 0..39; keys 7, 19 and 33 get a stale read.
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      lines.add("0 invoke write [" + k + " 1]");
      lines.add("0 ok write [" + k + " 1]");
      lines.add("0 invoke write [" + k + " 2]");
      lines.add("0 ok write [" + k + " 2]");
      lines.add("1 invoke read [" + k + " nil]");
      lines.add("1 ok read [" + k + " " + (k == 7 || k == 19 || k == 33 ? 1 : 2) + "]");
    }
    History h = Histories.of(lines.toArray(new String[0]));
    for (int threads : new int[] {1, 2, 4, 8}) {
      for (int rep = 0; rep < 5; rep++) {
        LinResult r = Histories.check(h, "register", null, LinOptions.defaults().withThreads(threads));
        assertEquals(Verdict.INVALID, r.verdict());
        assertEquals(40, r.partitionCount());
        assertEquals(7L, r.invalid().key());
      }
    }
    LinResult forced = Histories.check(h, "register", null, LinOptions.defaults().withIndependent(false));
    assertEquals(1, forced.partitionCount());
  }

  @Test
  void witnessesOfSimulatedHistoriesReplay() {
    var cfg = new HistorySimulator.Config(300, 6, 1, 0.05, 0.05, 0.4, 42);
    History h = new OperationPairer().pair("sim", HistorySimulator.simulate(cfg));
    LinResult r = Histories.check(h, "cas-register", null, LinOptions.defaults());
    assertEquals(Verdict.VALID, r.verdict());
    var witness = r.partitions().get(0).witness();
    assertTrue(BruteForce.respectsOrder(witness, Consistency.LINEARIZABLE));
    assertTrue(BruteForce.accepts(witness, null));
    assertEquals(h.operations().stream().filter(o -> o.ok()).count(),
        witness.stream().filter(o -> o.ok()).count());
  }

  @Test
  void aWriteOfTheCurrentValueIsNotTakenGreedily() {
    // After write 1, the concurrent "write 1" leaves the state as it is, but it must go after
    // "write 2" for the last read to see 1: only reads may be linearized greedily.
    History h = Histories.of("0 invoke write 1", "0 ok write 1", "1 invoke write 2", "2 invoke write 1",
        "3 invoke read", "3 ok read 2", "1 ok write 2", "2 ok write 1", "3 invoke read", "3 ok read 1");
    assertEquals(Verdict.VALID, Histories.check(h, "register", null, LinOptions.defaults()).verdict());
  }

  @Test
  void aHistoryWhereOnlyTheNemesisActedIsValidButAnEmptyOneIsNoHistory() {
    History h = io.synod.conformance.history.HistoryReaders.parse("n.edn",
        "[{:process :nemesis, :type :info, :f :kill, :value nil}]", false);
    assertEquals(Verdict.VALID, Histories.check(h, "cas-register", null, LinOptions.defaults()).verdict());
    org.junit.jupiter.api.Assertions.assertThrows(io.synod.conformance.history.HistoryFormatException.class,
        () -> Histories.of());
  }

  @Test
  void anUnreadWriteGoesRightBeforeTheNextWriteEvenOneBegunAfterItEnded() {
    // Nobody reads 4, so the search only places it right before another write; "write 6"
    // begins after "write 4" ended, so it only becomes a candidate once 4 is placed.
    History h = Histories.of("0 invoke write 1", "0 ok write 1", "1 invoke read", "1 ok read 1",
        "2 invoke write 4", "2 ok write 4", "3 invoke write 6", "3 ok write 6",
        "1 invoke read", "1 ok read 6", "2 invoke write 7", "2 ok write 7");
    LinResult r = Histories.check(h, "register", null, LinOptions.defaults());
    assertEquals(Verdict.VALID, r.verdict());
    List<String> order = r.partitions().get(0).witness().stream().map(o -> o.f() + " " + o.value()).toList();
    // and an unread write at the end is placed last
    assertEquals(List.of("write 1", "read 1", "write 4", "write 6", "read 6", "write 7"), order);
  }

  @Test
  void aReadOfAValueOverwrittenByAnUnreadWriteIsReportedNotTheWrite() {
    History h = Histories.of("0 invoke write 1", "0 ok write 1", "2 invoke write 4", "2 ok write 4",
        "1 invoke read", "1 ok read 1");
    LinResult r = Histories.check(h, "register", null, LinOptions.defaults());
    assertEquals(Verdict.INVALID, r.verdict());
    // The explanation is Knossos's: the configurations that got furthest stop at the read.
    assertEquals("read", r.invalid().failure().op().f());
    assertEquals("can't read 1 from register 4", r.invalid().failure().paths().get(0).reason());
  }

  @Test
  void aCrashedWriteNobodyReadIsLeftOut() {
    History h = Histories.of("0 invoke write 1", "0 ok write 1", "2 invoke write 4", "2 info write 4",
        "1 invoke read", "1 ok read 1");
    LinResult r = Histories.check(h, "register", null, LinOptions.defaults().withMaxConfigs(100));
    assertEquals(Verdict.VALID, r.verdict());
    assertEquals(List.of("write 1", "read 1"),
        r.partitions().get(0).witness().stream().map(o -> o.f() + " " + o.value()).toList());
  }

  @Test
  void aReadNoOrderOfAppendsCanProduceEndsTheSearchEarly() {
    // 14 concurrent appends then a read of a value that is no prefix of anything they build:
    // without looking ahead, every subset and order of the appends would be tried first.
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      lines.add(i + " invoke append [k \"" + (char) ('a' + i) + "\"]");
    }
    lines.add("20 invoke get [k nil]");
    for (int i = 0; i < 14; i++) {
      lines.add(i + " ok append [k \"" + (char) ('a' + i) + "\"]");
    }
    lines.add("20 ok get [k \"z\"]");
    LinResult r = Histories.check(Histories.of(lines.toArray(new String[0])), "kv", null, LinOptions.defaults());
    assertEquals(Verdict.INVALID, r.verdict());
    assertTrue(r.configs() < 1000, "configurations explored: " + r.configs());
    assertEquals("get", r.invalid().failure().op().f());
  }
}
