package io.synod.sim;

import java.util.EnumSet;
import java.util.Locale;

/** Kinds of faults the simulator can inject, named as on the command line. */
public enum Fault {
  /** Split the nodes into two sides that cannot talk; heal later. */
  PARTITION,
  /** Crash a node (volatile state lost, disk kept) and restart it after a while. */
  CRASH,
  /** Lose messages. */
  DROP,
  /** Deliver some messages twice. */
  DUP,
  /** Give up per-link FIFO delivery and delay some messages a lot. */
  REORDER;

  /** Command-line name, e.g. {@code partition}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a comma-separated list such as {@code partition,crash}; {@code all} and
   * {@code none} are accepted too.
   *
   * @throws IllegalArgumentException naming the unknown fault and the accepted ones
   */
  public static EnumSet<Fault> parseList(String spec) {
    EnumSet<Fault> out = EnumSet.noneOf(Fault.class);
    for (String part : spec.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty() || p.equals("none")) {
        continue;
      }
      if (p.equals("all")) {
        out.addAll(EnumSet.allOf(Fault.class));
        continue;
      }
      Fault found = null;
      for (Fault f : values()) {
        if (f.cliName().equals(p)) {
          found = f;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown fault '" + part.trim() + "' (expected partition, crash, drop, dup, reorder, all or none)");
      }
      out.add(found);
    }
    return out;
  }
}
