package io.synod.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
      out.append('\n').append("  ").append(src).append('\n').append("  ");
      out.append(" ".repeat(Math.max(0, Math.min(col - 1, src.length())))).append('^');
    }
    return out.toString();
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
