package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * TLC numbers model values as it creates them, reading the config: a model value sorts by that
 * number, even when its name appeared earlier in the spec as an identifier (NoVal = NoVal).
 */
class ModelValueOrderTest {

  @Test
  void modelValuesSortByCreationNotByFirstAppearanceOfTheName() {
    StringTable t = new StringTable();
    t.token("NoVal");      // the spec's definition NoVal == CHOOSE v : v \notin Val
    t.token("Val");
    ModelValue z = t.modelValue("z");        // Val = {z, v1}
    ModelValue v1 = t.modelValue("v1");
    ModelValue none = t.modelValue("NoVal"); // NoVal = NoVal, assigned last
    assertTrue(z.compareTo(v1) < 0);
    assertTrue(v1.compareTo(none) < 0);
    assertEquals("{z, v1, NoVal}", Values.set(none, v1, z).toString());
    assertTrue(t.modelValue("z") == z);
  }

  @Test
  void stringsKeepTheirInterningOrder() {
    StringTable t = new StringTable();
    t.token("b");
    t.modelValue("m");
    assertEquals("{\"b\", \"a\"}", Values.set(t.string("a"), t.string("b")).toString());
  }
}
