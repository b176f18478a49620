package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code f \in [S -> T]} compares f's domain with an explicit S element by element; it must
 * agree with comparing {@code DOMAIN f} as a set, for every representation of f and S.
 */
class FcnSetMembershipTest {
  private final StringTable strings = new StringTable();
  private final ModelValue a = strings.modelValue("a");
  private final ModelValue b = strings.modelValue("b");
  private final ModelValue c = strings.modelValue("c");
  private final SetValue bits = Values.set(IntValue.ZERO, IntValue.ONE);

  private static IntValue i(long v) {
    return IntValue.of(v);
  }

  private void agrees(boolean expected, SetValue dom, FcnValue f) {
    FcnSetValue fs = Values.fcnSet(dom, bits);
    assertEquals(expected, fs.contains(f), f + " \\in [" + dom + " -> {0, 1}]");
    // the general definition: same domain, values in the range
    boolean general = f.domain().equals(dom);
    for (int k = 0; k < f.size(); k++) {
      general &= bits.contains(f.valueAt(k));
    }
    assertEquals(general, fs.contains(f));
  }

  /**
   * As TLC (its TSnapShotTest's invariant, whose evaluation fails so), a value that is not a
   * function is not simply outside a set of functions: looking for it there is an error. A model
   * value is outside.
   */
  @Test
  void aNonFunctionCannotBeLookedForAmongFunctions() {
    FcnSetValue fs = Values.fcnSet(Values.set(a), bits);
    EvalError e = org.junit.jupiter.api.Assertions.assertThrows(EvalError.class, () -> fs.contains(i(0)));
    assertEquals("Attempted to check if \n0\nwhich is not a TLC function value, is in the set of"
        + " functions:\n{(a :> 0), (a :> 1)}", e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(EvalError.class, () -> fs.contains(Values.set(i(0))));
    assertFalse(fs.contains(b));
  }

  @Test
  void modelValueDomains() {
    SetValue abc = Values.set(c, a, b);
    agrees(true, abc, Values.fcn(new Value[] {b, a, c}, new Value[] {i(1), i(0), i(1)}));
    agrees(false, abc, Values.fcn(new Value[] {a, b}, new Value[] {i(1), i(0)}));
    agrees(false, Values.set(a, b), Values.fcn(new Value[] {b, a, c}, new Value[] {i(1), i(0), i(1)}));
    agrees(false, abc, Values.fcn(new Value[] {b, a, c}, new Value[] {i(1), i(2), i(1)}));
    agrees(false, abc, Values.fcn(new Value[] {a, b, strings.modelValue("d")}, new Value[] {i(1), i(0), i(1)}));
  }

  @Test
  void sequenceAndRecordDomains() {
    agrees(true, Values.set(i(1), i(2)), Values.tuple(i(0), i(1)));
    agrees(true, Values.interval(1, 2), Values.tuple(i(0), i(1)));
    agrees(false, Values.set(i(0), i(1)), Values.tuple(i(0), i(1)));
    agrees(false, Values.set(i(1), i(2), i(3)), Values.tuple(i(0), i(1)));
    StringValue x = strings.string("x");
    StringValue y = strings.string("y");
    FcnValue r = Values.record(new StringValue[] {y, x}, new Value[] {i(1), i(0)});
    agrees(true, Values.set(x, y), r);
    agrees(false, Values.set(x), r);
    agrees(false, Values.set(x, strings.string("z")), r);
  }

  @Test
  void emptyFunctionAndEmptyDomain() {
    agrees(true, SetEnumValue.EMPTY, Values.tuple());
    assertTrue(Values.fcnSet(SetEnumValue.EMPTY, bits).contains(Values.tuple()));
    assertFalse(Values.fcnSet(Values.set(a), bits).contains(Values.tuple()));
    assertFalse(Values.fcnSet(Values.set(a), bits).contains(a));
  }
}
