package io.synod.cluster;

import io.synod.checker.engine.Verdict;
import io.synod.checker.syntax.ast.Span;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An error a member found, as it travels to the coordinator: the trace is rebuilt there from
 * {@code parent} (a cluster-wide state id, walked back owner by owner) and, when the error is
 * about a state that was not admitted or not expanded, that state's portable encoding.
 */
record Found(Verdict verdict, String name, String message, long parent, byte[] last,
    List<Pos> stack) implements Serializable {

  /** A {@link Span} that can travel. */
  record Pos(String module, String file, int beginLine, int beginCol, int endLine, int endCol)
      implements Serializable {}

  static List<Pos> of(List<Span> stack) {
    List<Pos> out = new ArrayList<>();
    for (Span s : stack) {
      out.add(new Pos(s.module(), s.file(), s.beginLine(), s.beginCol(), s.endLine(), s.endCol()));
    }
    return out;
  }

  List<Span> spans() {
    List<Span> out = new ArrayList<>();
    for (Pos p : stack) {
      out.add(new Span(p.module(), p.file(), p.beginLine(), p.beginCol(), p.endLine(), p.endCol()));
    }
    return out;
  }
}
