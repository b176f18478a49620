package io.synod.conformance.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads a Jepsen history in EDN: either one vector (or list) of op maps, or op maps one after another
 * (one per line). {@code ;} comments and commas count as whitespace.
 *
 * <p>Plain op maps are read by {@link EdnOpMaps}, the rest by edn-java. edn-java reports no
 * positions, so the text is fed to it through a {@link Parseable} that counts characters; the
 * reader steps over the outer vector itself, which gives the start position of every op map and
 * the spot where a syntax error was noticed.
 */
public final class EdnHistoryReader {
  /** edn-java, for the maps {@link EdnOpMaps} leaves to it; made when first needed. */
  private Parser parser;

  /** Reads all client events; nemesis and other non-integer processes are skipped. */
  public List<Event> read(String source, String text) {
    Scanner in = new Scanner(text);
    TextPositions pos = new TextPositions(text);
    EventDecoder decoder = new EventDecoder(source);
    EdnOpMaps simple = new EdnOpMaps(text);
    List<Event> events = new ArrayList<>();
    int maps = 0;
    in.skipSpace();
    // Knossos's own files use a vector or a list for the whole history.
    boolean vector = in.peek() == '[' || in.peek() == '(';
    char close = in.peek() == '(' ? ')' : ']';
    int open = in.offset;
    if (vector) {
      in.offset++;
    }
    while (true) {
      in.skipSpace();
      int c = in.peek();
      if (c == -1) {
        if (vector) {
          throw new HistoryFormatException(
              source,
              pos.line(text.length()),
              pos.column(text.length()),
              "unexpected end of input: the vector opened at line "
                  + pos.line(open)
                  + ":"
                  + pos.column(open)
                  + " has no closing "
                  + close);
        }
        break;
      }
      if (vector && c == close) {
        in.offset++;
        in.skipSpace();
        if (in.peek() != -1) {
          throw new HistoryFormatException(
              source,
              pos.line(in.offset),
              pos.column(in.offset),
              "unexpected text after the closing " + close + " of the history");
        }
        break;
      }
      int start = in.offset;
      int line = pos.line(start);
      int col = pos.column(start);
      Map<String, Object> fields = simple.read(start);
      if (fields != null) {
        in.offset = simple.end();
      } else {
        fields = readMap(in, pos, source, text, start, line, col);
      }
      maps++;
      Event ev = decoder.decode(fields, events.size(), line, col);
      if (ev != null) {
        events.add(ev);
      }
    }
    if (maps == 0) {
      throw HistoryFormatException.empty(source);
    }
    return events;
  }

  /** The fields of the op map at {@code start}, read by edn-java. */
  private Map<String, Object> readMap(Scanner in, TextPositions pos, String source, String text,
      int start, int line, int col) {
    if (parser == null) {
      parser = Parsers.newParser(Parsers.defaultConfiguration());
    }
    Object value;
    try {
      value = parser.nextValue(in);
    } catch (EdnException e) {
      int at = Math.max(start, Math.min(in.offset, text.length()) - 1);
      throw new HistoryFormatException(
          source, pos.line(at), pos.column(at), "malformed EDN: " + readable(e.getMessage()));
    } catch (StackOverflowError e) {
      // edn-java descends once per bracket; the caller's thread stack decides how deep
      throw new HistoryFormatException(source, pos.line(start), pos.column(start),
          "value nested too deeply to read (brackets inside brackets beyond what the stack holds)");
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new HistoryFormatException(
          source,
          line,
          col,
          "expected an operation map such as {:process 0, :type :invoke, :f :read, :value nil}, found "
              + EdnValues.print(value));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = e.getKey() instanceof us.bpsm.edn.Keyword ? EdnValues.name(e.getKey()) : null;
      if (k != null) {
        fields.put(k, e.getValue());
      }
    }
    return fields;
  }

  private static String readable(String msg) {
    if (msg == null) {
      return "syntax error";
    }
    return msg.replace("END_OF_INPUT", "end of input")
        .replace("END_MAP_OR_SET", "}")
        .replace("END_VECTOR", "]")
        .replace("END_LIST", ")")
        .replace("BEGIN_MAP", "{")
        .replace("BEGIN_VECTOR", "[")
        .replace("BEGIN_LIST", "(")
        .replace("BEGIN_SET", "#{");
  }

  /** A Parseable over a string that knows how far edn-java has read. */
  private static final class Scanner implements Parseable {
    private final String text;
    int offset;

    Scanner(String text) {
      this.text = text;
    }

    @Override
    public int read() {
      int c = offset < text.length() ? text.charAt(offset) : END_OF_INPUT;
      offset++;
      return c;
    }

    @Override
    public void unread(int ch) {
      offset--;
    }

    @Override
    public void close() {}

    int peek() {
      return offset < text.length() ? text.charAt(offset) : -1;
    }

    /** Skips whitespace, commas and ; comments between op maps. */
    void skipSpace() {
      while (offset < text.length()) {
        char c = text.charAt(offset);
        if (c == ';') {
          while (offset < text.length() && text.charAt(offset) != '\n') {
            offset++;
          }
        } else if (Character.isWhitespace(c) || c == ',') {
          offset++;
        } else {
          return;
        }
      }
    }
  }
}
