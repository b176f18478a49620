package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.checker.value.EvalError;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.ModelValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymmetryTest {
  private final StringTable t = new StringTable();
  private final ModelValue a1 = t.modelValue("a1");
  private final ModelValue a2 = t.modelValue("a2");
  private final ModelValue a3 = t.modelValue("a3");
  private final ModelValue x1 = t.modelValue("x1");
  private final ModelValue x2 = t.modelValue("x2");

  /** All permutations of {@code elems} as TLA+ functions (what {@code Permutations} yields). */
  private static List<Value> permutations(List<ModelValue> elems) {
    List<Value> out = new ArrayList<>();
    permute(elems, new ArrayList<>(), out);
    return out;
  }

  private static void permute(List<ModelValue> elems, List<ModelValue> img, List<Value> out) {
    if (img.size() == elems.size()) {
      out.add(Values.fcn(elems.toArray(new Value[0]), img.toArray(new Value[0])));
      return;
    }
    for (ModelValue m : elems) {
      if (!img.contains(m)) {
        img.add(m);
        permute(elems, img, out);
        img.remove(img.size() - 1);
      }
    }
  }

  private Symmetry unionOfTwo() {
    List<Value> perms = permutations(List.of(a1, a2, a3));
    perms.addAll(permutations(List.of(x1, x2)));
    return Symmetry.generatedBy(Values.set(perms));
  }

  @Test
  void aUnionOfPermutationSetsGeneratesTheProductGroup() {
    // 3! * 2! elements, the identity not counted.
    assertEquals(11, unionOfTwo().size());
  }

  @Test
  void identitiesAndRepeatsAreDropped() {
    Value id = Values.fcn(new Value[] {a1, a2}, new Value[] {a1, a2});
    Value swap = Values.fcn(new Value[] {a1, a2}, new Value[] {a2, a1});
    assertEquals(1, Symmetry.generatedBy(Values.set(id, swap)).size());
    assertEquals(0, Symmetry.generatedBy(Values.set(id)).size());
  }

  @Test
  void aSingleCycleGeneratesItsPowers() {
    Value cycle = Values.fcn(new Value[] {a1, a2, a3}, new Value[] {a2, a3, a1});
    assertEquals(2, Symmetry.generatedBy(Values.set(cycle)).size());
  }

  @Test
  void everyImageOfAStateHasTheSameRepresentativeTheSmallest() {
    Symmetry g = unionOfTwo();
    // vote = (a1 :> x2 @@ a2 :> x1 @@ a3 :> x2), owner = a3
    Value[] state = {
        Values.fcn(new Value[] {a1, a2, a3}, new Value[] {x2, x1, x2}), a3, IntValue.of(4)};
    Value[] rep = g.canonical(state);
    List<Map<ModelValue, ModelValue>> all = new ArrayList<>();
    for (Value p : permutations(List.of(a1, a2, a3))) {
      for (Value q : permutations(List.of(x1, x2))) {
        Map<ModelValue, ModelValue> m = new HashMap<>();
        io.synod.checker.value.FcnValue f = (io.synod.checker.value.FcnValue) p;
        io.synod.checker.value.FcnValue h = (io.synod.checker.value.FcnValue) q;
        for (int i = 0; i < f.size(); i++) {
          m.put((ModelValue) f.domainAt(i), (ModelValue) f.valueAt(i));
        }
        for (int i = 0; i < h.size(); i++) {
          m.put((ModelValue) h.domainAt(i), (ModelValue) h.valueAt(i));
        }
        all.add(m);
      }
    }
    for (Map<ModelValue, ModelValue> m : all) {
      Value[] image = new Value[state.length];
      for (int i = 0; i < image.length; i++) {
        image[i] = Values.permute(state[i], m);
      }
      Value[] r = g.canonical(image);
      for (int i = 0; i < r.length; i++) {
        assertEquals(rep[i], r[i]);
      }
      // No image is smaller than the representative, slot by slot in TLC's order.
      assertEquals(true, compare(rep, image) <= 0);
    }
    // The smallest function puts the value held twice first and the lone one last; the owner
    // held the value held twice, so among its two possible images the smaller one is kept.
    assertEquals("(a1 :> x1 @@ a2 :> x1 @@ a3 :> x2)", rep[0].toString());
    assertEquals(a1, rep[1]);
  }

  @Test
  void imagesRememberedBetweenStatesGiveTheSameRepresentatives() {
    Symmetry g = unionOfTwo();
    Value f1 = Values.fcn(new Value[] {a1, a2, a3}, new Value[] {x2, x1, x2});
    Value f2 = Values.fcn(new Value[] {a1, a2, a3}, new Value[] {x1, x1, x2});
    // successors share values with the state before them (same objects), some slots change
    Value[][] states = {
        {f1, a3, IntValue.of(4)}, {f1, a2, IntValue.of(4)}, {f2, a2, IntValue.of(4)},
        {f2, a2, IntValue.of(5)}, {f1, a1, IntValue.of(5)}, {f1, a3, IntValue.of(4)}};
    Symmetry.Images cache = new Symmetry.Images();
    for (Value[] state : states) {
      Value[] cached = g.canonical(state, cache);
      Value[] fresh = g.canonical(state);
      for (int i = 0; i < state.length; i++) {
        assertEquals(fresh[i], cached[i]);
      }
    }
    // a state of another length starts the cache afresh
    Value[] one = {f2};
    assertEquals(g.canonical(one)[0], g.canonical(one, cache)[0]);
  }

  /** Every element of {@link #unionOfTwo()}, the identity included, as maps. */
  private List<Map<ModelValue, ModelValue>> unionOfTwoElements() {
    List<Map<ModelValue, ModelValue>> all = new ArrayList<>();
    for (Value p : permutations(List.of(a1, a2, a3))) {
      for (Value q : permutations(List.of(x1, x2))) {
        Map<ModelValue, ModelValue> m = new HashMap<>();
        for (Value f : List.of(p, q)) {
          io.synod.checker.value.FcnValue h = (io.synod.checker.value.FcnValue) f;
          for (int i = 0; i < h.size(); i++) {
            m.put((ModelValue) h.domainAt(i), (ModelValue) h.valueAt(i));
          }
        }
        all.add(m);
      }
    }
    return all;
  }

  /**
   * A state drawn from small pools, so that states of one run share values, equal ones as
   * separate objects too: a function of the a's, a set of pairs, an a, a record and a number.
   */
  private Value[] randomState(java.util.Random r) {
    ModelValue[] as = {a1, a2, a3};
    Value[] xs = {x1, x2, IntValue.of(0)};
    Value[] f = new Value[3];
    for (int i = 0; i < 3; i++) {
      f[i] = xs[r.nextInt(2 + (r.nextInt(4) == 0 ? 1 : 0))];
    }
    List<Value> pairs = new ArrayList<>();
    for (ModelValue a : as) {
      for (int k = 0; k < 2; k++) {
        if (r.nextInt(3) == 0) {
          pairs.add(Values.tuple(a, xs[k]));
        }
      }
    }
    Value rec = Values.record(
        new io.synod.checker.value.StringValue[] {t.string("owner"), t.string("n")},
        new Value[] {as[r.nextInt(3)], IntValue.of(r.nextInt(2))});
    return new Value[] {
        Values.fcn(as.clone(), f), Values.set(pairs), as[r.nextInt(3)], rec, IntValue.of(r.nextInt(2))};
  }

  @net.jqwik.api.Property(tries = 200)
  void theRepresentativeIsTheSmallestImageOfTheWholeState(@net.jqwik.api.ForAll long seed) {
    Symmetry g = unionOfTwo();
    List<Map<ModelValue, ModelValue>> elements = unionOfTwoElements();
    java.util.Random r = new java.util.Random(seed);
    Symmetry.Images cache = new Symmetry.Images();
    for (int n = 0; n < 30; n++) {
      Value[] state = randomState(r);
      // by the definition: the whole images compared slot by slot, the smallest kept
      Value[] smallest = null;
      for (Map<ModelValue, ModelValue> m : elements) {
        Value[] image = new Value[state.length];
        for (int i = 0; i < image.length; i++) {
          image[i] = Values.permute(state[i], m);
        }
        if (smallest == null || compare(image, smallest) < 0) {
          smallest = image;
        }
      }
      Value[] rep = g.canonical(state, cache);
      for (int i = 0; i < state.length; i++) {
        assertEquals(smallest[i], rep[i], "slot " + i);
      }
    }
  }

  @Test
  void aStateThatIsAlreadySmallestIsReturnedAsItIs() {
    Symmetry g = unionOfTwo();
    Value[] state = {IntValue.of(1), Values.set(a1, a2, a3)};
    assertSame(state, g.canonical(state));
  }

  @Test
  void theSetMustHoldFunctionsOfModelValues() {
    EvalError e = assertThrows(EvalError.class, () -> Symmetry.generatedBy(Values.set(IntValue.of(1))));
    assertEquals("The symmetry operator must specify a set of functions.", e.getMessage());
    Value ints = Values.fcn(new Value[] {IntValue.of(1), IntValue.of(2)}, new Value[] {IntValue.of(2), IntValue.of(1)});
    e = assertThrows(EvalError.class, () -> Symmetry.generatedBy(Values.set(ints)));
    assertEquals("Symmetry function must have model values as domain and range.", e.getMessage());
  }

  private static int compare(Value[] x, Value[] y) {
    for (int i = 0; i < x.length; i++) {
      int c = x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
