package io.synod.cli.gate;

import java.io.PrintWriter;
import java.util.List;

/** The terminal table: model, expected, got, states, time, verdict, then the deviations. */
public final class TableReport {
  private static final String[] HEADER = {"model", "expected", "got", "states", "time", ""};

  private TableReport() {}

  public static void print(List<GateResult> results, PrintWriter out) {
    String[][] rows = new String[results.size() + 1][];
    rows[0] = HEADER;
    for (int i = 0; i < results.size(); i++) {
      rows[i + 1] = row(results.get(i));
    }
    int[] width = new int[HEADER.length];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        boolean right = c == 3 || c == 4;
        String pad = " ".repeat(width[c] - r[c].length());
        sb.append(right ? pad + r[c] : r[c] + (c == r.length - 1 ? "" : pad));
        if (c < r.length - 1) {
          sb.append("  ");
        }
      }
      out.println(sb.toString().stripTrailing());
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    long skipped = results.stream().filter(GateResult::skipped).count();
    for (GateResult r : results) {
      for (String d : r.deviations()) {
        out.println(r.entry().name() + ": " + d);
      }
    }
    out.println(results.size() - skipped + " models run, " + failed + " deviating, " + skipped
        + " waiting");
    out.flush();
  }

  private static String[] row(GateResult r) {
    if (r.skipped()) {
      return new String[] {
        r.entry().name(), r.entry().expect().toString(), "-", "-", "-", "waiting: " + r.entry().waiting()
      };
    }
    RunResult run = r.run();
    return new String[] {
      r.entry().name(),
      r.entry().expect().toString(),
      run.outcome(),
      run.distinctStates() < 0 ? "-" : Long.toString(run.distinctStates()),
      Durations.format(run.elapsed()),
      r.passed() ? "ok" : "DEVIATION"
    };
  }
}
