package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;

/** The verdict for a person at a terminal. */
public final class TextReport {
  private final boolean witness;

  /** @param witness print the linearization found for valid histories */
  public TextReport(boolean witness) {
    this.witness = witness;
  }

  /** One line: file, verdict, model, sizes, time. */
  public String summaryLine(LinResult r) {
    String what = switch (r.verdict()) {
      case VALID -> r.consistency() == Consistency.LINEARIZABLE ? "linearizable" : "sequentially consistent";
      case INVALID -> r.consistency() == Consistency.LINEARIZABLE ? "NOT linearizable" : "NOT sequentially consistent";
      case UNKNOWN -> "UNKNOWN";
    };
    String line = r.source() + ": " + what + " (" + r.model() + ", " + r.operations() + " ops"
        + (r.partitionCount() > 1 ? ", " + r.partitionCount() + " keys" : "") + ", "
        + r.configs() + " configurations, " + r.millis() + " ms)";
    if (r.verdict() == Verdict.UNKNOWN) {
      line += ": " + unknownReason(r);
    }
    return line;
  }

  private static String unknownReason(LinResult r) {
    for (PartitionResult p : r.partitions()) {
      if (p.verdict() == Verdict.UNKNOWN) {
        return (p.key() != null ? "key " + EdnValues.print(p.key()) + " " : "") + p.unknownReason();
      }
    }
    return "";
  }

  /** The summary line and, for an invalid history, the explanation; for a valid one the witness if asked. */
  public String full(LinResult r) {
    StringBuilder sb = new StringBuilder(summaryLine(r)).append('\n');
    PartitionResult bad = r.invalid();
    if (bad != null) {
      explain(bad, sb);
    } else if (witness && r.verdict() == Verdict.VALID) {
      for (PartitionResult p : r.partitions()) {
        sb.append("  linearization").append(p.key() != null ? " of key " + EdnValues.print(p.key()) : "")
            .append(" (").append(p.witness().size()).append(" ops):\n");
        for (Operation op : p.witness()) {
          sb.append("    ").append(op.toEdn()).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** The indented "cannot linearize" line used in multi-history listings. */
  public String briefFailure(LinResult r) {
    PartitionResult bad = r.invalid();
    if (bad == null) {
      return "";
    }
    Failure f = bad.failure();
    return "  " + keyPrefix(bad) + "cannot linearize " + f.op().toEdn() + " (line " + f.op().location() + ")"
        + (f.paths().isEmpty() ? "" : ": " + f.paths().get(0).reason()) + "\n";
  }

  private static String keyPrefix(PartitionResult p) {
    return p.key() != null ? "key " + EdnValues.print(p.key()) + ": " : "";
  }

  private void explain(PartitionResult bad, StringBuilder sb) {
    Failure f = bad.failure();
    sb.append("  ").append(keyPrefix(bad)).append("cannot linearize ").append(f.op().toEdn())
        .append(" (line ").append(f.op().location()).append(")\n");
    if (f.previousOk() != null) {
      sb.append("  last operation that could be linearized before it: ")
          .append(f.previousOk().toEdn()).append(" (line ").append(f.previousOk().location()).append(")\n");
    }
    if (f.paths().isEmpty()) {
      return;
    }
    sb.append("  longest partial linearizations (").append(f.paths().size()).append("):\n");
    int i = 1;
    for (Failure.Path p : f.paths()) {
      sb.append("    #").append(i++).append(": ").append(p.length())
          .append(p.length() == 1 ? " op linearized" : " ops linearized");
      if (p.tail().size() < p.length()) {
        sb.append(", last ").append(p.tail().size()).append(" shown");
      }
      sb.append('\n');
      for (Failure.Step s : p.tail()) {
        sb.append("      ").append(s.op().toEdn()).append("  -> ").append(s.state()).append('\n');
      }
      sb.append("      ").append(p.stuck().toEdn()).append("  ✗ ").append(p.reason()).append('\n');
    }
  }
}
