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
    message = clipWords(message);
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

  /**
   * The message with every name or token longer than {@link #WIDTH} shortened to its ends: a
   * message quoting a megabyte-long identifier says no more than one quoting its first words.
   */
  static String clipWords(String message) {
    if (message.length() <= WIDTH) {
      return message;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S{" + (WIDTH + 1) + ",}").matcher(message);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String w = m.group();
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(
          w.substring(0, WIDTH / 2) + "...(" + w.length() + " characters)..." + w.substring(w.length() - WIDTH / 4)));
    }
    return m.appendTail(sb).toString();
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
