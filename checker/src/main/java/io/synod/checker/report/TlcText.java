package io.synod.checker.report;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** TLC's formats for times, durations and counts. */
public final class TlcText {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyy.MM.dd.HHmmss");

  private TlcText() {}

  /** {@code 2026-11-25 17:49:38}. */
  public static String timestamp(LocalDateTime t) {
    return STAMP.format(t);
  }

  /** The version stamp of the first line, derived from the clock as TLC's build does. */
  public static String versionStamp(LocalDateTime t) {
    return VERSION.format(t);
  }

  /** TLC's human-readable duration: {@code 05s}, {@code 01min 05s}, {@code 01h 05min}, {@code 1d 02h}. */
  public static String duration(long millis) {
    long s = millis / 1000;
    if (s < 60) {
      return String.format("%02ds", s);
    }
    if (s < 3600) {
      return String.format("%02dmin %02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format("%02dh %02dmin", s / 3600, (s % 3600) / 60);
    }
    return String.format("%dd %02dh", s / 86400, (s % 86400) / 3600);
  }

  /** {@code 1} state / {@code 2} states. */
  public static String states(long n) {
    return n == 1 ? "1 distinct state" : n + " distinct states";
  }

  /** A count with thousands separators, as in progress lines: {@code 1,234}. */
  public static String grouped(long n) {
    return String.format("%,d", n);
  }
}
