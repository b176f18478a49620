package io.synod.checker.syntax.ast;

/**
 * The text a module was parsed from, kept so later phases can quote the offending line in
 * messages.
 *
 * @param file the path as given to the parser
 */
public record SourceText(String file, String text) {

  /** The 1-based line {@code n} without its line terminator, or "" when out of range. */
  public String line(int n) {
    int start = 0;
    for (int i = 1; i < n; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return "";
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    String line = end < 0 ? text.substring(start) : text.substring(start, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  @Override
  public String toString() {
    return "SourceText[" + file + ", " + text.length() + " chars]";
  }
}
