package io.synod.checker.engine;

import java.lang.management.ManagementFactory;

/**
 * Start-up work a check will need, done ahead on a daemon thread. A check reads the JVM's
 * management beans (heap pools and collectors for the spill decisions, JIT and GC times per
 * level); their first use costs 20-30 ms of class loading and initialisation, which a command
 * line run can overlap with parsing the spec, on a core that is otherwise idle then.
 */
public final class Warmup {
  private Warmup() {}

  /** Starts loading the management beans in the background; returns at once. */
  public static void startInBackground() {
    Thread t = new Thread(() -> {
      ManagementFactory.getCompilationMXBean();
      ManagementFactory.getGarbageCollectorMXBeans();
      ManagementFactory.getMemoryPoolMXBeans();
    }, "synod-warmup");
    t.setDaemon(true);
    t.start();
  }
}
