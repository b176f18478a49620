package io.synod.testkit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes TLC-style output comparable across runs and machines, by the rules of the reference
 * fixtures ({@code tlc-fixtures/tools/normalize.py}): timestamps, durations and the version stamp
 * become {@code <TIME>}, banner figures {@code <FP> <SEED> <CORES> <HEAP> <PID> <ENV>}, the
 * directory part of absolute paths {@code <PATH>/}, and timer-driven progress lines are dropped.
 * Used to compare Synod's output with TLC's recorded output.
 */
public final class TlcOutputNormalizer {
  private static final Pattern BANNER = Pattern.compile(
      "^(Running .*? with fp )(\\d+)( and seed )(-?\\d+)( with \\d+ workers? on )(\\d+)( cores with )"
          + "(\\d+)(MB heap and )(\\d+)(MB offheap memory \\[pid: )(\\d+)(\\] \\()(.*?)"
          + "(, [A-Za-z]*FPSet, [A-Za-z]*Queue\\)\\.)$");
  private static final List<String[]> BANNER_LOOSE = List.of(
      new String[] {"fp \\d+ and seed -?\\d+", "fp <FP> and seed <SEED>"},
      new String[] {"on \\d+ cores", "on <CORES> cores"},
      new String[] {"\\d+MB heap and \\d+MB offheap", "<HEAP>MB heap and <HEAP>MB offheap"},
      new String[] {"\\[pid: \\d+\\]", "[pid: <PID>]"});
  private static final Pattern VERSION = Pattern.compile("^(TLC2 Version )\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{6}( )");
  private static final Pattern TS = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern DUR = Pattern.compile(
      "\\bin (?:\\d+d \\d+h|\\d+h \\d+min|\\d+min \\d+s|\\d+s) at (?=\\(<TIME>\\)|<TIME>)");
  private static final Pattern RATE = Pattern.compile("\\(([\\d,]+) (s/min|ds/min)\\)");
  private static final Pattern ACTUALFP = Pattern.compile("(based on the actual fingerprints:\\s+val = )\\S+");
  private static final Pattern PATH = Pattern.compile("(?<![\\w.!<>/])/(?:[\\w.+-]+/)+");
  private static final Pattern TIMER_PROGRESS = Pattern.compile("^Progress\\(\\d+\\) at .*\\(([\\d,]+|<RATE>) s/min\\)");
  private static final Pattern PERIODIC_LIVE = Pattern.compile(
      "^Checking (?:\\d+ branches of )?temporal properties for the current state space");
  private static final Pattern FINISHED_LIVE = Pattern.compile("^Finished checking temporal properties in ");

  private TlcOutputNormalizer() {}

  /** Normalises a whole output (lines separated by '\n'). */
  public static String normalize(String text) {
    StringBuilder out = new StringBuilder();
    boolean skipFinished = false;
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      String line = text.substring(start, end);
      start = end;
      String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
      if (body.endsWith("\r")) {
        body = body.substring(0, body.length() - 1);
      }
      String eol = line.substring(body.length());
      if (TIMER_PROGRESS.matcher(body).find()) {
        continue;
      }
      if (PERIODIC_LIVE.matcher(body).find()) {
        skipFinished = true;
        continue;
      }
      if (skipFinished && FINISHED_LIVE.matcher(body).find()) {
        skipFinished = false;
        continue;
      }
      out.append(normalizeLine(body)).append(eol);
    }
    return out.toString();
  }

  /** Normalises one line without its terminator. */
  public static String normalizeLine(String line) {
    line = VERSION.matcher(line).replaceFirst("$1<TIME>$2");
    Matcher m = BANNER.matcher(line);
    if (m.matches()) {
      StringBuilder sb = new StringBuilder();
      for (int g = 1; g <= m.groupCount(); g++) {
        String rep = switch (g) {
          case 2 -> "<FP>";
          case 4 -> "<SEED>";
          case 6 -> "<CORES>";
          case 8, 10 -> "<HEAP>";
          case 12 -> "<PID>";
          case 14 -> "<ENV>";
          default -> m.group(g);
        };
        sb.append(rep);
      }
      line = sb.toString();
    } else if (line.startsWith("Running ")) {
      for (String[] r : BANNER_LOOSE) {
        line = line.replaceAll(r[0], Matcher.quoteReplacement(r[1]));
      }
    }
    line = TS.matcher(line).replaceAll("<TIME>");
    line = DUR.matcher(line).replaceAll("in <TIME> at ");
    line = RATE.matcher(line).replaceAll(r -> Matcher.quoteReplacement("(<RATE> " + r.group(2) + ")"));
    line = ACTUALFP.matcher(line).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "<FP>"));
    line = PATH.matcher(line).replaceAll("<PATH>/");
    return line;
  }
}
