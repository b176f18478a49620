package io.synod.cli.gate;

import java.time.Duration;
import java.util.Locale;

/** Durations as the reports print them: {@code 0.42s}, {@code 12.3s}, {@code 3m05s}. */
final class Durations {
  private Durations() {}

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.2fs", ms / 1000.0);
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  /** Seconds with millisecond precision, as JUnit XML wants them. */
  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
