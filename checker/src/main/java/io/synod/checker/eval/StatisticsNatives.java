package io.synod.checker.eval;

import io.synod.checker.value.BoolValue;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.Value;

/**
 * {@code ChiSquare(expected, actual, alpha)} of the community module {@code Statistics}: Pearson's
 * chi-square goodness-of-fit test, as TLC's community jar decides it. The counts are the ranges
 * of the two functions in the order of their (shared) domain; the expected frequencies are scaled
 * to the observed total; the hypothesis that the counts follow the expected frequencies is
 * rejected (FALSE) when the p-value of the statistic, with one degree of freedom fewer than
 * there are counts, is below alpha, a number in (0, 0.5] written as a string ("0.05").
 */
final class StatisticsNatives {
  private StatisticsNatives() {}

  static void register(Natives n) {
    n.put("Statistics", "ChiSquare", new Natives.Impl(3, null,
        (c, a) -> BoolValue.of(!rejects(counts(a[0], "first"), counts(a[1], "second"), alpha(a[2]))),
        null, false, false));
  }

  private static double[] counts(Value v, String which) {
    if (!(v instanceof FcnValue f)) {
      throw argument(which, "function", v);
    }
    double[] out = new double[f.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(f.valueAt(i) instanceof IntValue k) || k.value() < 0) {
        throw argument(which, "function to natural numbers", v);
      }
      out[i] = k.value();
    }
    return out;
  }

  private static double alpha(Value v) {
    double a;
    try {
      a = v instanceof StringValue s ? Double.parseDouble(s.text()) : Double.NaN;
    } catch (NumberFormatException e) {
      a = Double.NaN;
    }
    if (!(a > 0 && a <= 0.5)) {
      throw argument("third", "StringValue representing a double in (0, .5]", v);
    }
    return a;
  }

  private static EvalException argument(String which, String what, Value v) {
    return EvalException.eval("The " + which + " argument of ChiSquare should be a " + what
        + ", but instead it is:\n" + Pretty.ppr(v));
  }

  /** Whether the test rejects, at level alpha, that {@code observed} follows {@code expected}. */
  static boolean rejects(double[] expected, double[] observed, double alpha) {
    if (expected.length != observed.length || expected.length < 2) {
      throw EvalException.eval("ChiSquare needs two functions with the same domain of at least two elements, "
          + "not " + expected.length + " and " + observed.length + " counts.");
    }
    double sumExpected = 0;
    double sumObserved = 0;
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] <= 0) {
        throw EvalException.eval("ChiSquare: every expected count must be positive, not " + (long) expected[i] + ".");
      }
      sumExpected += expected[i];
      sumObserved += observed[i];
    }
    double scale = sumObserved / sumExpected;
    double statistic = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i] * scale;
      double d = observed[i] - e;
      statistic += d * d / e;
    }
    return upperGamma((expected.length - 1) / 2.0, statistic / 2) < alpha;
  }

  /**
   * The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x): the probability that
   * a chi-square variable with 2a degrees of freedom exceeds 2x. A power series where it
   * converges fast (x < a + 1), Lentz's continued fraction elsewhere.
   */
  static double upperGamma(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    double logPrefix = a * Math.log(x) - x - logGamma(a);
    if (x < a + 1) {
      double term = 1 / a;
      double sum = term;
      for (int k = 1; k < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; k++) {
        term *= x / (a + k);
        sum += term;
      }
      return 1 - sum * Math.exp(logPrefix);
    }
    double tiny = 1e-300;
    double b = x + 1 - a;
    double cc = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 10_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < tiny ? tiny : d;
      cc = b + an / cc;
      cc = Math.abs(cc) < tiny ? tiny : cc;
      d = 1 / d;
      double delta = d * cc;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(logPrefix) * h;
  }

  /** ln Γ(a) for a > 0 (Lanczos approximation, g = 7, nine coefficients). */
  static double logGamma(double a) {
    if (a < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
    }
    double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    double z = a - 1;
    double s = g[0];
    for (int i = 1; i < g.length; i++) {
      s += g[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
  }
}
