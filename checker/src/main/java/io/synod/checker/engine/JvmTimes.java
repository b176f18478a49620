package io.synod.checker.engine;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM's accumulated JIT-compilation and garbage-collection times, read at the start and end
 * of each BFS level. On a machine with as many cores as workers, the JIT compilers take their
 * time from the workers, which is why a short search scales worse than its later levels; these
 * figures make that visible per level. They are process-wide: a check that runs beside another
 * one in the same JVM also sees the other's compilations and collections.
 */
final class JvmTimes {
  private final CompilationMXBean jit;
  private final List<GarbageCollectorMXBean> collectors;

  JvmTimes() {
    CompilationMXBean c = ManagementFactory.getCompilationMXBean();
    this.jit = c != null && c.isCompilationTimeMonitoringSupported() ? c : null;
    this.collectors = ManagementFactory.getGarbageCollectorMXBeans();
  }

  /** Milliseconds the JIT compilers have spent compiling so far (0 if the JVM does not say). */
  long compileMillis() {
    return jit == null ? 0 : jit.getTotalCompilationTime();
  }

  /** Milliseconds of garbage collection so far, all collectors (pauses and concurrent work). */
  long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean b : collectors) {
      ms += Math.max(0, b.getCollectionTime());
    }
    return ms;
  }
}
