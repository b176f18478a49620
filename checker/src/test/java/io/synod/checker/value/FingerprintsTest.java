package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  private final StringTable t = new StringTable();

  @Test
  void equalStatesHaveEqualFingerprintsWhateverTheRepresentation() {
    Fingerprints fp = Fingerprints.family(0);
    Value[] s1 = {Values.tuple(IntValue.of(1), IntValue.of(2)),
        Values.record(new StringValue[] {t.string("a")}, new Value[] {IntValue.ONE}), Values.interval(1, 3)};
    Value[] s2 = {Values.fcn(new Value[] {IntValue.of(2), IntValue.of(1)}, new Value[] {IntValue.of(2), IntValue.of(1)}),
        Values.fcn(new Value[] {t.string("a")}, new Value[] {IntValue.ONE}),
        Values.set(IntValue.of(3), IntValue.of(2), IntValue.of(1))};
    assertEquals(fp.ofState(s1), fp.ofState(s2));
    assertEquals(fp.of(s1[2]), fp.of(s2[2]));
    Value[] s3 = {s1[1], s1[0], s1[2]};
    assertNotEquals(fp.ofState(s1), fp.ofState(s3), "slot order matters");
    assertNotEquals(fp.ofState(s1), Fingerprints.family(1).ofState(s1), "families differ");
  }

  @Test
  void familiesAreDistinctAndBounded() {
    Value[] s = {IntValue.of(7)};
    Set<Long> prints = new HashSet<>();
    for (int k = 0; k < Fingerprints.FAMILIES; k++) {
      prints.add(Fingerprints.family(k).ofState(s));
    }
    assertEquals(Fingerprints.FAMILIES, prints.size());
    assertThrows(IllegalArgumentException.class, () -> Fingerprints.family(131));
    assertThrows(IllegalArgumentException.class, () -> Fingerprints.family(-1));
  }

  @Test
  void smallIntegerStatesDoNotCollide() {
    Fingerprints fp = Fingerprints.family(3);
    Set<Long> prints = new HashSet<>();
    for (int a = 0; a < 300; a++) {
      for (int b = 0; b < 300; b++) {
        prints.add(fp.ofState(new Value[] {IntValue.of(a), IntValue.of(b)}));
      }
    }
    assertEquals(90_000, prints.size());
  }

  @Test
  void collisionEstimateAsTlcPrintsIt() {
    // distinct/generated and TLC's printed estimate, from the fixtures' .tlc.out files
    assertEquals("3.9E-18", p(12, 18));
    assertEquals("5.0E-16", p(104, 193));
    assertEquals("3.0E-9", p(181_440, 483_841));
    assertEquals("1.6E-14", p(305, 1288));
    assertEquals("0.0", p(609, 609));
  }

  @Test
  void actualEstimateOnlyWhenNotNegligible() {
    assertTrue(Fingerprints.reportsActualEstimate(Fingerprints.optimisticCollisionProbability(181_440, 483_841)));
    assertFalse(Fingerprints.reportsActualEstimate(3.8e-11));
    assertEquals(0.5, Fingerprints.actualCollisionProbability(2));
    assertEquals(0x1p-64, Fingerprints.actualCollisionProbability(-1), 1e-30);
  }

  private static String p(long distinct, long generated) {
    return Fingerprints.formatProbability(Fingerprints.optimisticCollisionProbability(distinct, generated));
  }
}
