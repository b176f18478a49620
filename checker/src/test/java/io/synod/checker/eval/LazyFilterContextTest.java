package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.value.FilterSetValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A set filter kept lazy outlives the evaluation that made it: its predicate must still see the
 * state it was made in, and workers testing membership at once must not disturb each other.
 */
class LazyFilterContextTest {

  private static CompiledSpec spec(String defs) {
    return Fixtures.inline(Eval.module(defs, "TRUE"), "INIT Init\nNEXT Next\n", new ArrayList<>());
  }

  private static Value[] state(int x) {
    return new Value[] {IntValue.of(x)};
  }

  @Test
  void thePredicateIsEvaluatedInTheStateTheFilterWasMadeIn() {
    // over more elements than are selected ahead, so that the set stays lazy
    CompiledSpec spec = spec("Holding == {s \\in SUBSET (0..10) : evalVar \\in s}\n");
    Ctx c = spec.newContext(0, t -> { });
    Value made = spec.evaluate(spec.definition("Holding"), c, state(1), null);
    SetValue holding = assertInstanceOf(FilterSetValue.class, made);
    // the worker moves on to another state before the set is used
    c.cur = state(2);
    Value one = Values.setLiteral(new Value[] {IntValue.ONE}, 1);
    Value two = Values.setLiteral(new Value[] {IntValue.of(2)}, 1);
    assertTrue(holding.contains(one));
    assertFalse(holding.contains(two));
    assertEquals(1024, holding.size());
    // enumerated, the set no longer needs its predicate: answers stay the same
    assertTrue(holding.contains(one));
    assertFalse(holding.contains(two));
  }

  @Test
  void aSmallFilterIsSelectedAheadUnlessItsPredicateFailsOnAnElementOrHasAnEffect() {
    CompiledSpec spec = spec("""
        Quorums == {Q \\in SUBSET (1..3) : 2 * Cardinality(Q) > 3}
        Halves == {f \\in [1..2 -> 0..2] : 4 \\div f[1] > 1}
        Printed == {Q \\in SUBSET (1..3) : PrintT(Q)}
        """);
    Ctx c = spec.newContext(0, t -> { });
    Value quorums = spec.evaluate(spec.definition("Quorums"), c, state(0), null);
    assertEquals("{{1, 2}, {1, 3}, {2, 3}, {1, 2, 3}}", quorums.toString());
    assertFalse(quorums instanceof FilterSetValue);
    // 4 \div 0 fails on <<0, x>>: TLC never tests those unless the set is enumerated
    SetValue halves = (SetValue) spec.evaluate(spec.definition("Halves"), c, state(0), null);
    assertInstanceOf(FilterSetValue.class, halves);
    assertTrue(halves.contains(Values.tuple(IntValue.ONE, IntValue.ZERO)));
    assertInstanceOf(FilterSetValue.class, spec.evaluate(spec.definition("Printed"), c, state(0), null));
  }

  @Test
  void workersTestingMembershipAtOnceGetEveryAnswerRight() throws Exception {
    // a constant-level definition is evaluated once and shared; its predicate binds variables of
    // its own (s, i) in the frame of the filter, which concurrent tests must not share
    CompiledSpec spec = spec(
        "Sorted == {s \\in [1..6 -> 0..3] : \\A i \\in 1..5 : s[i] <= s[i + 1]}\n");
    Ctx maker = spec.newContext(0, t -> { });
    SetValue sorted = (SetValue) spec.evaluate(spec.definition("Sorted"), maker, state(0), null);
    assertInstanceOf(FilterSetValue.class, sorted);
    List<Value> all = new ArrayList<>();
    List<Boolean> expected = new ArrayList<>();
    for (int code = 0; code < 4096; code++) {
      Value[] digits = new Value[6];
      boolean nonDecreasing = true;
      for (int d = 0; d < 6; d++) {
        int digit = (code >> (2 * (5 - d))) & 3;
        digits[d] = IntValue.of(digit);
        nonDecreasing &= d == 0 || ((IntValue) digits[d - 1]).value() <= digit;
      }
      all.add(Values.tuple(digits));
      expected.add(nonDecreasing);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> jobs = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int offset = w * 37;
        jobs.add(() -> {
          int wrong = 0;
          for (int round = 0; round < 60; round++) {
            for (int k = 0; k < all.size(); k++) {
              int i = (k + offset + round) % all.size();
              if (sorted.contains(all.get(i)) != expected.get(i)) {
                wrong++;
              }
            }
          }
          return wrong;
        });
      }
      for (Future<Integer> f : pool.invokeAll(jobs)) {
        assertEquals(0, f.get(), "membership answers that differ from the predicate's");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(84, sorted.size());
  }
}
