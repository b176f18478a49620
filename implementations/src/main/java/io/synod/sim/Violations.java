package io.synod.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a monitor found broken. A broken invariant usually stays broken, so each distinct
 * violation is kept once, and only the first few.
 */
public final class Violations {
  private static final int MAX = 20;

  private final List<String> list = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  /** Records {@code what} at virtual time {@code time} (nanoseconds) unless already known. */
  public void add(long time, String what) {
    if (list.size() < MAX && seen.add(what)) {
      list.add("at " + time / 1_000_000 + " ms: " + what);
    }
  }

  /** The violations, oldest first. */
  public List<String> list() {
    return list;
  }
}
