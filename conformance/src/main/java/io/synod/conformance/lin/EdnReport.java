package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;

/**
 * The verdict as an EDN map shaped like Knossos's analysis, so tools written for Knossos can
 * read it: {@code :valid?}, {@code :op}, {@code :previous-ok}, {@code :final-paths} (each a
 * vector of {@code {:op .., :model ..}} ending in the impossible op with {@code :model
 * {:inconsistent "why"}}), {@code :configs}. A split history nests one such map per key under
 * {@code :results}, as Jepsen's independent checker does.
 */
public final class EdnReport {

  public String write(LinResult r) {
    StringBuilder sb = new StringBuilder("{:valid? ").append(r.verdict().ednValue());
    sb.append(",\n :analyzer :synod-wgl, :model ").append(EdnValues.print(r.model()));
    sb.append(", :configs-explored ").append(r.configs());
    if (r.partitionCount() > 1) {
      sb.append(",\n :results {");
      boolean first = true;
      for (PartitionResult p : r.partitions()) {
        if (!first) {
          sb.append(",\n  ");
        }
        first = false;
        sb.append(EdnValues.print(p.key())).append(' ');
        partition(p, new StringBuilder("{:valid? " + p.verdict().ednValue()), sb);
      }
      sb.append('}');
    } else if (!r.partitions().isEmpty()) {
      body(r.partitions().get(0), sb);
    }
    return sb.append("}\n").toString();
  }

  private void partition(PartitionResult p, StringBuilder head, StringBuilder sb) {
    body(p, head);
    sb.append(head).append('}');
  }

  private void body(PartitionResult p, StringBuilder sb) {
    if (p.unknownReason() != null) {
      sb.append(",\n :cause ").append(EdnValues.print(p.unknownReason()));
    }
    if (!p.finalStates().isEmpty()) {
      sb.append(",\n :final-states [").append(String.join(" ", p.finalStates())).append(']');
    }
    Failure f = p.failure();
    if (f == null) {
      return;
    }
    sb.append(",\n :op ").append(f.op().toEdn());
    sb.append(",\n :previous-ok ").append(f.previousOk() == null ? "nil" : f.previousOk().toEdn());
    sb.append(",\n :final-paths [");
    for (Failure.Path path : f.paths()) {
      sb.append("\n  [");
      for (Failure.Step s : path.tail()) {
        sb.append("{:op ").append(s.op().toEdn()).append(", :model ").append(s.state()).append("}\n   ");
      }
      sb.append("{:op ").append(path.stuck().toEdn()).append(", :model {:inconsistent ")
          .append(EdnValues.print(path.reason())).append("}}]");
    }
    sb.append("]");
    sb.append(",\n :configs [");
    for (Failure.Path path : f.paths()) {
      Operation last = path.tail().isEmpty() ? null : path.tail().get(path.tail().size() - 1).op();
      sb.append("\n  {:model ").append(path.state()).append(", :last-op ")
          .append(last == null ? "nil" : last.toEdn()).append(", :pending [")
          .append(path.stuck().toEdn()).append("]}");
    }
    sb.append("]");
  }
}
