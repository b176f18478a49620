package io.synod.checker.report;

import io.synod.checker.engine.ActionLabel;
import io.synod.checker.engine.StateGraphListener;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the explored state graph in GraphViz DOT ({@code -dump dot FILE}), as TLC does: one node
 * per distinct state labelled with its variables (initial states filled), one edge per step
 * labelled with the action name. Nodes are named by fingerprint.
 */
public final class DotGraphWriter implements StateGraphListener, AutoCloseable {
  private final Writer w;
  private final List<String> variables;

  public DotGraphWriter(Writer w, List<String> variables) {
    this.w = w;
    this.variables = variables;
    write("strict digraph DiskGraph {\nnodesep=0.35\nsubgraph cluster_graph {\ncolor=\"white\"\n");
  }

  private synchronized void write(String s) {
    try {
      w.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String label(Value[] s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length; i++) {
      if (i > 0) {
        sb.append("\\n");
      }
      sb.append("/\\\\ ").append(variables.get(i)).append(" = ").append(escape(Pretty.ppr(s[i])));
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public void initialState(long fp, Value[] state) {
    write(fp + " [label=\"" + label(state) + "\",style = filled]\n");
  }

  @Override
  public void step(long fromFp, long toFp, Value[] to, ActionLabel action, boolean isNew) {
    StringBuilder sb = new StringBuilder();
    if (isNew) {
      sb.append(toFp).append(" [label=\"").append(label(to)).append("\"]\n");
    }
    sb.append(fromFp).append(" -> ").append(toFp).append(" [label=\"")
        .append(escape(action.nameWithArgs())).append("\"];\n");
    write(sb.toString());
  }

  @Override
  public void close() throws IOException {
    write("}\n}\n");
    w.close();
  }
}
