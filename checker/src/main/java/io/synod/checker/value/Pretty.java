package io.synod.checker.value;

import java.util.ArrayList;
import java.util.List;

/**
 * TLC's pretty printer for values in traces, error messages and {@code Print} output.
 *
 * <p>A value whose one-line form fits the width (80, as in TLC) prints on one line. Otherwise a
 * set, tuple, function or record is broken one element per line: the opening delimiter gets a
 * trailing space ({@code "{ "}, {@code "<< "}, {@code "( "}, {@code "[ "}), later lines are indented
 * to align with the first element, a {@code SUBSET} is broken after the keyword, and a pair whose
 * argument and value do not fit together puts the value on the next line, indented 4 more. The
 * width shrinks by the enclosing delimiters and the separator or closing text that must follow
 * on the same line, recursively.
 *
 * <p>TLC wraps by re-parsing the one-line text with a small grammar that knows only quoted
 * strings without inner quotes, integers, {@code i..j} and names made of letters and digits;
 * when that parse fails (a string containing {@code "}, a model value or field name with
 * {@code _}, most lazy set forms) it prints the value on one line however long. Synod decides
 * the same from the value's atoms.
 */
public final class Pretty {
  /** TLC's line width for values. */
  public static final int WIDTH = 80;

  private Pretty() {}

  /** The value as TLC prints it at width 80. */
  public static String ppr(Value v) {
    return format(v, WIDTH);
  }

  /**
   * The value as TLC's {@code Print}, {@code PrintT} and {@code ToString} show it: like
   * {@link #ppr}, but records built by a constructor keep their fields in the written order,
   * because TLC has not normalised them yet (states are always shown normalised).
   */
  public static String pprAsWritten(Value v) {
    return format(v, WIDTH, true);
  }

  /** The value on one line, records as written (see {@link #pprAsWritten}). */
  public static String flatAsWritten(Value v) {
    return Node.of(v, true).flat;
  }

  /** The value pretty-printed for the given width. */
  public static String format(Value v, int width) {
    return format(v, width, false);
  }

  private static String format(Value v, int width, boolean asWritten) {
    Node n = Node.of(v, asWritten);
    if (n.flat.length() <= width || !n.parseable) {
      return n.flat;
    }
    StringBuilder sb = new StringBuilder();
    n.format(sb, width, 0, "");
    return sb.toString();
  }

  private enum Type { ATOM, SET, SEQ, FCN, RCD, SUBSET }

  private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("[0-9]+\\.\\.[0-9]+|-[0-9]+");

  private static final class Node {
    final Type type;
    final String flat;
    final List<Node> kids;
    final boolean parseable;

    Node(Type type, String flat, List<Node> kids) {
      this(type, flat, kids, type != Type.ATOM || tlcConstant(flat));
    }

    Node(Type type, String flat, List<Node> kids, boolean selfParseable) {
      this.type = type;
      this.flat = flat;
      this.kids = kids;
      boolean p = selfParseable;
      for (Node k : kids) {
        p &= k.parseable;
      }
      this.parseable = p;
    }

    /** Whether TLC's value re-parser reads {@code text} as one constant. */
    static boolean tlcConstant(String text) {
      if (text.isEmpty()) {
        return false;
      }
      if (text.charAt(0) == '"') {
        return text.indexOf('"', 1) == text.length() - 1;
      }
      if (NUMERIC.matcher(text).matches()) {
        return true;
      }
      for (int i = 0; i < text.length(); i++) {
        if (!Character.isLetterOrDigit(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    static Node of(Value v, boolean asWritten) {
      if (v instanceof TupleValue t) {
        List<Node> kids = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
          kids.add(of(t.valueAt(i), asWritten));
        }
        return new Node(Type.SEQ, join("<<", kids, ", ", ">>"), kids);
      }
      if (v instanceof FcnValue f) {
        boolean rcd = f instanceof RecordValue r && r.printsAsRecord();
        List<Node> kids = new ArrayList<>(2 * f.size());
        for (int k = 0; k < f.size(); k++) {
          int i = asWritten && f instanceof RecordValue r ? r.writtenAt(k) : k;
          Value d = f.domainAt(i);
          kids.add(rcd ? new Node(Type.ATOM, ((StringValue) d).text(), List.of()) : of(d, asWritten));
          kids.add(of(f.valueAt(i), asWritten));
        }
        String div = rcd ? " |-> " : " :> ";
        StringBuilder sb = new StringBuilder(rcd ? "[" : "(");
        for (int i = 0; i < kids.size(); i += 2) {
          if (i > 0) {
            sb.append(rcd ? ", " : " @@ ");
          }
          sb.append(kids.get(i).flat).append(div).append(kids.get(i + 1).flat);
        }
        sb.append(rcd ? "]" : ")");
        return new Node(rcd ? Type.RCD : Type.FCN, sb.toString(), kids);
      }
      if (v instanceof SetValue s) {
        String flat = s.toString();
        if (flat.startsWith("{")) {
          List<Node> kids = new ArrayList<>();
          if (s instanceof UnsortedSetValue u) {
            // as written: it has no order to be enumerated in, and printing must not fail
            for (Value e : u.elems()) {
              kids.add(of(e, asWritten));
            }
            return new Node(Type.SET, join("{", kids, ", ", "}"), kids);
          }
          if (s.isEnumerable()) {
            for (var it = s.iterator(); it.hasNext(); ) {
              kids.add(of(it.next(), asWritten));
            }
            return new Node(Type.SET, join("{", kids, ", ", "}"), kids);
          }
        }
        if (s instanceof SubsetValue sub && flat.startsWith("SUBSET ")) {
          Node base = of(sub.base(), asWritten);
          return new Node(Type.SUBSET, flat, List.of(base), !(sub.base() instanceof IntervalValue));
        }
        return new Node(Type.ATOM, flat, List.of());
      }
      return new Node(Type.ATOM, v.toString(), List.of());
    }

    private static String join(String open, List<Node> kids, String sep, String close) {
      StringBuilder sb = new StringBuilder(open);
      for (int i = 0; i < kids.size(); i++) {
        if (i > 0) {
          sb.append(sep);
        }
        sb.append(kids.get(i).flat);
      }
      return sb.append(close).toString();
    }

    void format(StringBuilder sb, int width, int trailer, String pad) {
      if (flat.length() <= width - trailer) {
        sb.append(flat);
        return;
      }
      switch (type) {
        case ATOM -> sb.append(flat);
        case SET -> list(sb, width, trailer, pad, "{ ", " }", "  ");
        case SEQ -> list(sb, width, trailer, pad, "<< ", " >>", "   ");
        case SUBSET -> list(sb, width, trailer, pad, "SUBSET ", " ", " ");
        case FCN -> pairs(sb, width, trailer, pad, "( ", " )", "  ", " @@", " :>");
        case RCD -> pairs(sb, width, trailer, pad, "[ ", " ]", "  ", ",", " |->");
      }
    }

    private void list(StringBuilder sb, int width, int trailer, String pad,
        String open, String close, String indent) {
      int w = width - Math.max(open.length(), indent.length());
      int t = trailer + close.length();
      String p = pad + indent;
      sb.append(open);
      for (int i = 0; i < kids.size(); i++) {
        if (i < kids.size() - 1) {
          kids.get(i).format(sb, w, 1, p);
          sb.append(",\n").append(p);
        } else {
          kids.get(i).format(sb, w, t, p);
        }
      }
      sb.append(close);
    }

    private void pairs(StringBuilder sb, int width, int trailer, String pad,
        String open, String close, String indent, String sep, String div) {
      final String divPad = "    ";
      int w = width - Math.max(open.length(), indent.length());
      int t = trailer + close.length();
      String p = pad + indent;
      sb.append(open);
      for (int i = 0; i < kids.size(); i += 2) {
        Node arg = kids.get(i);
        Node val = kids.get(i + 1);
        boolean last = i + 2 >= kids.size();
        int room = last ? w - t : w - sep.length();
        int valTrailer = last ? t : sep.length();
        int argLen = arg.flat.length() + div.length();
        if (argLen + 1 + val.flat.length() <= room) {
          sb.append(arg.flat).append(div).append(' ').append(val.flat);
        } else {
          if (argLen <= w) {
            sb.append(arg.flat);
          } else {
            arg.format(sb, w, t + div.length(), p);
          }
          sb.append(div).append('\n').append(p).append(divPad);
          val.format(sb, w - divPad.length(), valTrailer, p + divPad);
        }
        if (!last) {
          sb.append(sep).append('\n').append(p);
        }
      }
      sb.append(close);
    }
  }
}
