package io.synod.conformance.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a history file in whichever format it is in and pairs its operations. */
public final class HistoryReaders {
  private HistoryReaders() {}

  /** Reads and pairs; the format comes from the extension or, failing that, the content. */
  public static History read(Path file) throws IOException {
    String text = io.synod.checker.syntax.TextFiles.read(file);
    return parse(file.toString(), text, isJson(file.getFileName().toString(), text));
  }

  /** Parses history text; {@code json} selects JSON lines instead of EDN. */
  public static History parse(String source, String text, boolean json) {
    List<Event> events =
        json ? new JsonHistoryReader().read(source, text) : new EdnHistoryReader().read(source, text);
    return new OperationPairer().pair(source, events);
  }

  /** Reads standard input, in EDN unless it looks like JSON lines; named {@code source} in messages. */
  public static History read(java.io.InputStream in, String source) throws IOException {
    String text = io.synod.checker.syntax.TextFiles.read(in, source);
    return parse(source, text, isJson(source, text));
  }

  static boolean isJson(String name, String text) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return true;
    }
    if (n.endsWith(".edn")) {
      return false;
    }
    // Unknown extension: a JSON object starts with {" while an EDN map starts with {:
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '{') {
      return false;
    }
    i++;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '"';
  }
}
