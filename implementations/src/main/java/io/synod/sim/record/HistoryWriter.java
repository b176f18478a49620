package io.synod.sim.record;

import io.synod.sim.HistoryEvent;
import io.synod.sim.KvStore;
import io.synod.sim.Op;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a client history as Jepsen EDN, one map per line, e.g.
 * {@code {:process 0, :type :invoke, :f :write, :value [:k1 3], :time 123}}. Keys use Jepsen's
 * independent form {@code [k v]}; a cas value is {@code [k [old new]]}; a transaction is
 * {@code [id outcome]} with outcome {@code :commit}, {@code :abort} or nil while unknown.
 */
public final class HistoryWriter {
  private HistoryWriter() {}

  public static void write(List<HistoryEvent> history, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder(96);
    for (HistoryEvent e : history) {
      sb.setLength(0);
      line(e, sb);
      out.append(sb).append('\n');
    }
    out.flush();
  }

  /** One event as an EDN map, without newline. */
  public static void line(HistoryEvent e, StringBuilder sb) {
    Op op = e.op();
    sb.append("{:process ").append(e.process()).append(", :type ").append(e.type().edn())
        .append(", :f :").append(op.f().edn()).append(", :value ");
    switch (op.f()) {
      case READ -> {
        sb.append("[:").append(KvStore.keyName(op.key())).append(' ');
        sb.append(e.type() == HistoryEvent.Type.OK && e.value() != null ? e.value().toString() : "nil");
        sb.append(']');
      }
      case WRITE -> sb.append("[:").append(KvStore.keyName(op.key())).append(' ').append(op.value()).append(']');
      case CAS -> sb.append("[:").append(KvStore.keyName(op.key())).append(" [").append(op.expect())
          .append(' ').append(op.value()).append("]]");
      case TXN -> {
        String outcome = switch (e.type()) {
          case OK -> ":commit";
          case FAIL -> ":abort";
          default -> "nil";
        };
        sb.append('[').append(op.value()).append(' ').append(outcome).append(']');
      }
      default -> throw new IllegalStateException();
    }
    sb.append(", :time ").append(e.time()).append('}');
  }
}
