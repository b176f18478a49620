package io.synod.checker.engine;

import io.synod.checker.value.Fingerprints;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.List;

/**
 * The fingerprint a state is admitted to the seen-set under: of the state, of its VIEW, or of
 * its representative under the SYMMETRY. One definition for every search (one process or a
 * cluster's members, which must agree on it to partition the states among themselves).
 */
public final class StateFingerprinter {
  private final SpecModel model;
  private final Fingerprints fps;
  private final boolean hasView;
  private final boolean hasSymmetry;

  public StateFingerprinter(SpecModel model, int fpIndex) {
    this.model = model;
    this.fps = Fingerprints.family(fpIndex);
    this.hasView = model.hasView();
    this.hasSymmetry = model.hasSymmetry();
  }

  /**
   * The family in which {@link #of} is the fingerprint of the state itself ({@code
   * Fingerprints.ofState}), or -1 when it is that of a VIEW or a symmetry representative.
   */
  public int stateFamily() {
    return hasView || hasSymmetry ? -1 : fps.index();
  }

  /** The fingerprint of {@code s}; a {@link SpecError} when TLC could not compute it either. */
  public long of(Value[] s, EvalContext ctx) {
    if (model.mayHoldUnsortableSets()) {
      refuseUnsortable(s);
    }
    try {
      if (hasView) {
        // TLC reduces the view's value under the symmetry, not the state the view is taken of.
        Value v = model.view(s, ctx);
        return fps.of(hasSymmetry ? model.symmetryCanonical(new Value[] {v}, ctx)[0] : v);
      }
      return fps.ofState(hasSymmetry ? model.symmetryCanonical(s, ctx) : s);
    } catch (io.synod.checker.value.EvalError e) {
      // a value TLC cannot fingerprint (too large to normalise): its error, exit 75
      throw new SpecError(SpecError.Kind.EVALUATION, "TLC was unable to fingerprint.\n\nReason:\n"
          + e.getMessage(), List.of());
    }
  }

  /**
   * TLC sorts a set to fingerprint it, which fails for a literal of values it does not compare
   * ({@code {1, "a"}}, {@code {Nat, {-1}}}): such a state is never admitted.
   */
  private static void refuseUnsortable(Value[] s) {
    Values.Unsortable u = Values.firstUnsortable(s);
    if (u != null) {
      throw new UnfingerprintableState(u.reason(), u.source() == null ? null : u.source().toString());
    }
  }
}
