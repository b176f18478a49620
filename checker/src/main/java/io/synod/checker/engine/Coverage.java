package io.synod.checker.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TLC's {@code -coverage} report at the level of actions: for the initial predicate and each
 * next-state action, how many distinct states it found and how many states it generated, as
 * TLC prints them ({@code <Name line .. of module M>: distinct:generated}, actions in the order
 * of their formulas' locations, the actions of one formula on one line). Each worker counts into
 * its own {@link Counter}; a report adds them up, so one taken during the search is approximate,
 * as TLC's is. A check without -coverage has no Coverage and counts nothing.
 */
public final class Coverage {
  /** What TLC's first line of a report says after the time. */
  static final String EXPLAIN = " (see https://explain.tlapl.us/module-coverage-statistics for how to"
      + " interpret the following statistics).";

  private final String initName;
  /** The line each action (by index) counts into. */
  private final int[] lineOf;
  /** The lines in the order TLC prints them: name between the angle brackets. */
  private final List<String> lines;
  private final Map<ActionLabel, Integer> index = new IdentityHashMap<>();
  private final List<long[]> counters = new CopyOnWriteArrayList<>();

  /**
   * @param initName TLC's name of the initial predicate, or null when it has none (no line)
   * @param labels the label each action's steps carry, by action index
   * @param names TLC's name of each action and the key its line is sorted and grouped by
   */
  public Coverage(String initName, List<ActionLabel> labels, List<String[]> names) {
    this.initName = initName;
    TreeMap<String, String> byKey = new TreeMap<>();
    for (String[] n : names) {
      byKey.putIfAbsent(n[1], n[0]);
    }
    Map<String, Integer> lineOfKey = new LinkedHashMap<>();
    lines = new ArrayList<>();
    for (Map.Entry<String, String> e : byKey.entrySet()) {
      lineOfKey.put(e.getKey(), lines.size());
      lines.add(e.getValue());
    }
    lineOf = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      lineOf[i] = lineOfKey.get(names.get(i)[1]);
      if (i < labels.size() && labels.get(i) != null) {
        index.put(labels.get(i), i);
      }
    }
  }

  /** A worker's counts: not thread-safe, one per worker. */
  public final class Counter {
    private final long[] counts = new long[2 * lines.size()];

    Counter() {
      counters.add(counts);
    }

    /** One generated successor of the step {@code action}; {@code distinct} if it was a new state. */
    public void count(ActionLabel action, boolean distinct) {
      Integer i = index.get(action);
      if (i == null) {
        return;
      }
      int line = lineOf[i];
      counts[2 * line + 1]++;
      if (distinct) {
        counts[2 * line]++;
      }
    }
  }

  /** A new worker's counter. */
  public Counter counter() {
    return new Counter();
  }

  /**
   * The report as TLC prints it.
   *
   * @param timestamp the time in TLC's format ({@code 2026-12-04 14:01:40})
   * @param initGenerated the initial states generated (-1 if not known yet)
   * @param initDistinct the distinct ones among them
   */
  public List<String> report(String timestamp, long initGenerated, long initDistinct) {
    List<String> out = new ArrayList<>();
    out.add("The coverage statistics at " + timestamp + EXPLAIN);
    if (initName != null) {
      out.add("<" + initName + ">: " + Math.max(initDistinct, 0) + ":" + Math.max(initGenerated, 0));
    }
    long[] sum = new long[2 * lines.size()];
    for (long[] c : counters) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += c[i];
      }
    }
    for (int l = 0; l < lines.size(); l++) {
      out.add("<" + lines.get(l) + ">: " + sum[2 * l] + ":" + sum[2 * l + 1]);
    }
    out.add("End of statistics.");
    return out;
  }
}
