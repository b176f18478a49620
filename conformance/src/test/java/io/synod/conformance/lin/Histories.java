package io.synod.conformance.lin;

import io.synod.conformance.history.History;
import io.synod.conformance.history.HistoryReaders;
import java.util.ArrayList;
import java.util.List;

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
   * n writers write 1..n all at once while n readers read 1..n, then a read sees n+1, which
   * nobody wrote: invalid, and a search must try every subset of the writes to know it (each
   * write is read by someone, so none can be set aside as unobservable).
   */
  static History adversarial(int n) {
    List<String> out = new ArrayList<>();
    out.add(2 * n + " invoke read");
    for (int i = 0; i < n; i++) {
      out.add(i + " invoke write " + (i + 1));
      out.add((n + i) + " invoke read");
    }
    out.add(2 * n + " ok read " + (n + 1));
    for (int i = 0; i < n; i++) {
      out.add(i + " ok write " + (i + 1));
      out.add((n + i) + " ok read " + (i + 1));
    }
    return of(out.toArray(new String[0]));
  }

  static LinResult check(History h, String model, Object init, LinOptions o) {
    return new LinChecker(o).check(h, Models.create(model, init, init != null, false));
  }

  static Verdict verdict(String model, String... lines) {
    return check(of(lines), model, null, LinOptions.defaults()).verdict();
  }
}
