package io.synod.cli;

import io.synod.checker.syntax.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code file:line:col: message} followed by the offending source line and a caret
 * under the column, the way compilers do, so a user sees the mistake without opening the file.
 * Files are read once per excerpt instance; an unreadable file just omits the excerpt.
 */
final class SourceExcerpt {
  private final Map<String, List<String>> lines = new HashMap<>();

  String render(String file, int line, int col, String message) {
    StringBuilder out = new StringBuilder();
    if (line <= 0) {
      return out.append(file.isEmpty() ? "" : file + ": ").append(message).toString();
    }
    out.append(file).append(':').append(line).append(':').append(col).append(": ").append(message);
    List<String> text = lines.computeIfAbsent(file, SourceExcerpt::read);
    if (text != null && line <= text.size()) {
      String src = text.get(line - 1).replace('\t', ' ');
      int caret = Math.max(0, Math.min(col - 1, src.length()));
      if (src.length() > WIDTH) {
        // a long line (generated specs, minified files) is shown around the column only
        int from = Math.max(0, Math.min(caret - WIDTH / 2, src.length() - WIDTH));
        int to = Math.min(src.length(), from + WIDTH);
        String head = from > 0 ? "..." : "";
        src = head + src.substring(from, to) + (to < src.length() ? "..." : "");
        caret = caret - from + head.length();
      }
      out.append('\n').append("  ").append(src).append('\n').append("  ");
      out.append(" ".repeat(caret)).append('^');
    }
    return out.toString();
  }

  /** Longest excerpt of a source line, in characters. */
  static final int WIDTH = 120;

  private static List<String> read(String file) {
    try {
      return TextFiles.read(Path.of(file)).lines().toList();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
