package io.synod.conformance.lin;

import static io.synod.conformance.lin.Histories.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.conformance.history.HistoryFormatException;
import org.junit.jupiter.api.Test;

class ModelsTest {

  @Test
  void registerReadsTheLastWriteAndNilIsUnknown() {
    assertEquals(Verdict.VALID, verdict("register",
        "0 invoke write 1", "0 ok write 1", "1 invoke read", "1 ok read 1", "1 invoke read", "1 ok read"));
    assertEquals(Verdict.INVALID, verdict("register",
        "0 invoke write 1", "0 ok write 1", "0 invoke write 2", "0 ok write 2", "1 invoke read", "1 ok read 1"));
  }

  @Test
  void strictNilMakesNilARealValue() {
    var h = Histories.of("0 invoke write 1", "0 ok write 1", "1 invoke read", "1 ok read nil");
    assertEquals(Verdict.VALID, new LinChecker(LinOptions.defaults())
        .check(h, Models.create("register", null, false, false)).verdict());
    assertEquals(Verdict.INVALID, new LinChecker(LinOptions.defaults())
        .check(h, Models.create("register", null, false, true)).verdict());
  }

  @Test
  void casRegisterComparesAndSets() {
    assertEquals(Verdict.VALID, verdict("cas-register",
        "0 invoke cas [nil 1]", "0 ok cas [nil 1]", "0 invoke cas [1 2]", "0 ok cas [1 2]", "1 invoke read", "1 ok read 2"));
    assertEquals(Verdict.INVALID, verdict("cas-register",
        "0 invoke write 1", "0 ok write 1", "0 invoke cas [2 3]", "0 ok cas [2 3]"));
  }

  @Test
  void registerRejectsCasAsAUsageError() {
    var e = assertThrows(HistoryFormatException.class, () -> verdict("register", "0 invoke cas [1 2]", "0 ok cas [1 2]"));
    assertEquals("test.edn:1:2: the register model has no :cas; use --model cas-register", e.getMessage());
  }

  @Test
  void mutexNeedsReleaseBetweenAcquires() {
    assertEquals(Verdict.VALID, verdict("mutex",
        "0 invoke acquire", "0 ok acquire", "0 invoke release", "0 ok release", "1 invoke acquire", "1 ok acquire"));
    assertEquals(Verdict.INVALID, verdict("mutex",
        "0 invoke acquire", "0 ok acquire", "1 invoke acquire", "1 ok acquire"));
    // Overlapping acquire and release may be ordered release first.
    assertEquals(Verdict.VALID, verdict("mutex",
        "0 invoke acquire", "0 ok acquire", "0 invoke release", "1 invoke acquire", "1 ok acquire", "0 ok release"));
  }

  @Test
  void kvAppendsConcatenateAndKeysAreIndependent() {
    assertEquals(Verdict.VALID, verdict("kv",
        "0 invoke append [:a \"x\"]", "0 ok append [:a \"x\"]",
        "1 invoke append [:b \"y\"]", "1 ok append [:b \"y\"]",
        "0 invoke append [:a \"z\"]", "0 ok append [:a \"z\"]",
        "1 invoke get [:a nil]", "1 ok get [:a \"xz\"]",
        "1 invoke get [:b nil]", "1 ok get [:b \"y\"]"));
    LinResult r = Histories.check(Histories.of(
        "0 invoke put [:a \"1\"]", "0 ok put [:a \"1\"]",
        "0 invoke append [:b \"2\"]", "0 ok append [:b \"2\"]",
        "1 invoke get [:b nil]", "1 ok get [:b \"22\"]"), "kv", null, LinOptions.defaults());
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals(2, r.partitionCount());
    assertEquals("b", io.synod.conformance.history.EdnValues.name(r.invalid().key()));
    assertEquals("can't get \"22\" from key holding \"2\"", r.invalid().failure().paths().get(0).reason());
  }

  @Test
  void setReadsSeeEveryCompletedAdd() {
    assertEquals(Verdict.VALID, verdict("set",
        "0 invoke add 1", "0 ok add 1", "1 invoke add 2", "0 invoke read", "0 ok read #{1 2}", "1 ok add 2"));
    assertEquals(Verdict.INVALID, verdict("set",
        "0 invoke add 1", "0 ok add 1", "1 invoke read", "1 ok read #{}"));
  }

  @Test
  void fifoQueueKeepsOrderUnorderedDoesNot() {
    String[] h = {"0 invoke enqueue 1", "0 ok enqueue 1", "0 invoke enqueue 2", "0 ok enqueue 2",
        "1 invoke dequeue", "1 ok dequeue 2"};
    assertEquals(Verdict.INVALID, verdict("fifo-queue", h));
    assertEquals(Verdict.VALID, verdict("unordered-queue", h));
    assertEquals(Verdict.INVALID, verdict("unordered-queue",
        "0 invoke enqueue 1", "0 ok enqueue 1", "1 invoke dequeue", "1 ok dequeue 1", "1 invoke dequeue", "1 ok dequeue 1"));
  }

  @Test
  void counterAddsUp() {
    assertEquals(Verdict.VALID, verdict("counter",
        "0 invoke add 2", "1 invoke add 3", "2 invoke read", "2 ok read 3", "0 ok add 2", "1 ok add 3", "2 invoke read", "2 ok read 5"));
    assertEquals(Verdict.INVALID, verdict("counter", "0 invoke add 2", "0 ok add 2", "1 invoke read", "1 ok read 1"));
  }

  @Test
  void multiRegisterTransactionsAreAtomic() {
    assertEquals(Verdict.VALID, verdict("multi-register",
        "0 invoke txn [[:write :x 1] [:write :y 1]]", "1 invoke txn [[:read :x nil] [:read :y nil]]",
        "1 ok txn [[:read :x 1] [:read :y 1]]", "0 ok txn [[:write :x 1] [:write :y 1]]"));
    assertEquals(Verdict.INVALID, verdict("multi-register",
        "0 invoke txn [[:write :x 1] [:write :y 1]]", "1 invoke txn [[:read :x nil] [:read :y nil]]",
        "1 ok txn [[:read :x 1] [:read :y nil]]", "1 invoke txn [[:read :y nil]]", "1 ok txn [[:read :y 2]]",
        "0 ok txn [[:write :x 1] [:write :y 1]]"));
  }

  @Test
  void badInitialValuesAndNamesAreExplained() {
    assertEquals("--init for counter must be an integer, found \"a\"",
        assertThrows(IllegalArgumentException.class, () -> Models.create("counter", "a", true, false)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Models.create("stack", null, false, false));
  }
}
