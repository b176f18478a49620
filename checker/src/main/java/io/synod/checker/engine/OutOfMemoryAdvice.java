package io.synod.checker.engine;

/**
 * The one wording of what to do when the Java heap is full, used by a check (which knows how
 * far it got) and by the command line (for anything else, such as parsing a huge module).
 */
public final class OutOfMemoryAdvice {
  private OutOfMemoryAdvice() {}

  /**
   * "Java ran out of memory (maximum heap N MB){@code when}. Give the JVM a larger heap (...)"
   * followed by " or {@code alternative}" when there is one.
   *
   * @param when what was being done, e.g. " after 5 distinct states" (may be empty)
   * @param alternative another remedy, or null
   */
  public static String text(String when, String alternative) {
    long mb = Runtime.getRuntime().maxMemory() >> 20;
    return "Java ran out of memory (maximum heap " + mb + " MB)" + when
        + ". Give the JVM a larger heap (e.g. SYNOD_JAVA_OPTS=-Xmx8g with bin/synod)"
        + (alternative == null ? "" : " or " + alternative) + ".";
  }
}
