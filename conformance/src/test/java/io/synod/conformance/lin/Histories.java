package io.synod.conformance.lin;

import io.synod.conformance.history.History;
import io.synod.conformance.history.HistoryReaders;

/** Small histories written inline for tests. */
final class Histories {
  private Histories() {}

  /**
   * Parses compact lines "P TYPE F VALUE", e.g. "0 invoke write 1", "0 ok read 1", into an
   * EDN history; VALUE is EDN and may be left out (nil).
   */
  static History of(String... lines) {
    StringBuilder sb = new StringBuilder("[");
    for (String l : lines) {
      String[] p = l.trim().split(" ", 4);
      sb.append("{:process ").append(p[0]).append(", :type :").append(p[1]).append(", :f :").append(p[2])
          .append(", :value ").append(p.length > 3 ? p[3] : "nil").append("}\n");
    }
    return HistoryReaders.parse("test.edn", sb.append("]").toString(), false);
  }

  /**
   * n writers write 1..n all at once, then a read sees n+1, which nobody wrote: invalid, and
   * a search must try every subset of the writes to know it.
   */
  static History adversarial(int n) {
    String[] lines = new String[2 * n + 2];
    for (int i = 0; i < n; i++) {
      lines[i] = i + " invoke write " + (i + 1);
      lines[n + i] = i + " ok write " + (i + 1);
    }
    lines[2 * n] = n + " invoke read";
    lines[2 * n + 1] = n + " ok read " + (n + 1);
    // Interleave so that everything overlaps with the read as well.
    String[] out = new String[lines.length];
    out[0] = lines[2 * n];
    System.arraycopy(lines, 0, out, 1, n);
    out[n + 1] = lines[2 * n + 1];
    System.arraycopy(lines, n, out, n + 2, n);
    return of(out);
  }

  static LinResult check(History h, String model, Object init, LinOptions o) {
    return new LinChecker(o).check(h, Models.create(model, init, init != null, false));
  }

  static Verdict verdict(String model, String... lines) {
    return check(of(lines), model, null, LinOptions.defaults()).verdict();
  }
}
