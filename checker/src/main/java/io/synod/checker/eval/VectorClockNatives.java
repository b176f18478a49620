package io.synod.checker.eval;

final class VectorClockNatives {
  private VectorClockNatives() {}

  static void register(Natives n) {
  }
}
