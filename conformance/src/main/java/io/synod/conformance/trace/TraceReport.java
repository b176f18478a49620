package io.synod.conformance.trace;

import java.util.Locale;

/** The verdict as text for people (the CLI's output and the JUnit helper's failure message). */
public final class TraceReport {
  private TraceReport() {}

  public static String text(TraceResult r) {
    StringBuilder sb = new StringBuilder();
    double secs = r.nanos() / 1e9;
    if (r.accepted()) {
      sb.append("trace accepted: ").append(r.events()).append(" events");
    } else if (r.unknown() != null) {
      sb.append("trace validation unknown: ").append(r.unknown());
    } else {
      TraceResult.Rejection x = r.rejection();
      TraceEvent e = x.event();
      sb.append("trace rejected at event ").append(e.index() + 1).append(" (").append(e.where()).append("): ")
          .append(e.action()).append(e.node().isEmpty() ? "" : " of " + e.node())
          .append(x.partition().isEmpty() ? "" : ", part " + x.partition()).append('\n');
      sb.append("  mapped to ").append(x.step()).append('\n');
      sb.append("  ").append(x.candidates()).append(x.candidates() == 1 ? " spec state was" : " spec states were")
          .append(" possible just before it");
      if (x.nearest().size() < x.candidates()) {
        sb.append("; the ").append(x.nearest().size()).append(" nearest:");
      } else {
        sb.append(':');
      }
      sb.append('\n');
      int i = 1;
      for (TraceResult.Candidate c : x.nearest()) {
        sb.append("  candidate ").append(i++).append(":\n");
        for (String line : c.state().split("\n")) {
          sb.append("      ").append(line).append('\n');
        }
        for (TraceResult.Mismatch m : c.mismatches()) {
          sb.append("    mismatch: ").append(m.text()).append('\n');
        }
      }
      sb.append("  matched prefix: ").append(x.prefixStates()).append(" spec states");
    }
    if (r.note() != null) {
      sb.append("\nnote: ").append(r.note());
    }
    sb.append('\n').append(String.format(Locale.ROOT,
        "%d events in %d part(s), %.2f s (%.0f events/s), largest candidate set %d",
        r.events(), r.partitions(), secs, secs > 0 ? r.events() / secs : 0.0, r.maxCandidates()));
    return sb.toString();
  }
}
