package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of {@link CallMemo}: operator numbers and argument values to the steps kept. */
class CallMemoTableTest {

  private static List<Value[]> steps(long x) {
    List<Value[]> out = new ArrayList<>();
    out.add(new Value[] {Values.integer(x)});
    return out;
  }

  private static Value[] key(Value... v) {
    return v;
  }

  @Test
  void findsAnEntryByIdenticalOrEqualArguments() {
    CallMemo m = new CallMemo();
    m.reset(new Value[0]);
    Value a = Values.set(Values.integer(1), Values.integer(2));
    Value same = Values.set(Values.integer(2), Values.integer(1));
    assertNotSame(a, same);
    assertEquals(a, same);
    List<Value[]> kept = steps(7);
    m.put(3, key(a, Values.integer(5)), kept);
    assertSame(kept, m.get(3, key(a, Values.integer(5)), 2));
    assertSame(kept, m.get(3, key(same, Values.integer(5)), 2));
  }

  @Test
  void tellsOperatorsArgumentsAndAritiesApart() {
    CallMemo m = new CallMemo();
    m.reset(new Value[0]);
    m.put(0, key(Values.integer(1)), steps(1));
    m.put(1, key(Values.integer(1)), steps(2));
    m.put(0, key(Values.integer(2)), steps(3));
    m.put(2, key(), steps(4));
    assertEquals(Values.integer(1), m.get(0, key(Values.integer(1)), 1).get(0)[0]);
    assertEquals(Values.integer(2), m.get(1, key(Values.integer(1)), 1).get(0)[0]);
    assertEquals(Values.integer(3), m.get(0, key(Values.integer(2)), 1).get(0)[0]);
    assertEquals(Values.integer(4), m.get(2, key(), 0).get(0)[0]);
    assertNull(m.get(0, key(Values.integer(3)), 1));
    assertNull(m.get(1, key(Values.integer(2)), 1));
    assertNull(m.get(0, key(Values.integer(1), Values.integer(1)), 2));
    assertNull(m.get(5, key(Values.integer(1)), 1));
    assertNull(m.get(40, key(Values.integer(1)), 1), "an operator numbered beyond the table");
  }

  @Test
  void comparesOnlyTheArgumentsOfTheLookUp() {
    CallMemo m = new CallMemo();
    m.reset(new Value[0]);
    m.put(0, key(Values.integer(1)), steps(1));
    // a reused look-up array longer than the operator's arity
    Value[] scratch = m.scratch(3);
    scratch[0] = Values.integer(1);
    scratch[1] = Values.integer(9);
    scratch[2] = Values.integer(9);
    assertEquals(Values.integer(1), m.get(0, scratch, 1).get(0)[0]);
    assertTrue(m.scratch(2).length >= 2);
  }

  @Test
  void keepsManyEntriesOfOneOperator() {
    CallMemo m = new CallMemo();
    m.reset(new Value[0]);
    for (int i = 0; i < 100; i++) {
      m.put(i % 3, key(Values.integer(i), Values.integer(-i)), steps(i));
    }
    for (int i = 0; i < 100; i++) {
      assertEquals(Values.integer(i),
          m.get(i % 3, key(Values.integer(i), Values.integer(-i)), 2).get(0)[0]);
      assertNull(m.get((i + 1) % 3, key(Values.integer(i), Values.integer(-i)), 2));
    }
  }

  @Test
  void aNewStateForgetsTheStepsButNotWhatIsWanted() {
    CallMemo m = new CallMemo();
    Value[] s = new Value[0];
    m.reset(s);
    m.want(2);
    m.want(70);
    m.put(2, key(Values.integer(1)), steps(1));
    m.recording = true;
    m.forAtoms = true;
    Value[] t = new Value[0];
    m.reset(t);
    assertSame(t, m.state);
    assertFalse(m.recording);
    assertFalse(m.forAtoms);
    assertNull(m.get(2, key(Values.integer(1)), 1));
    assertTrue(m.wanted(2));
    assertTrue(m.wanted(70));
    assertFalse(m.wanted(3));
    assertFalse(m.wanted(1000));
    m.put(2, key(Values.integer(1)), steps(5));
    assertEquals(Values.integer(5), m.get(2, key(Values.integer(1)), 1).get(0)[0]);
  }
}
