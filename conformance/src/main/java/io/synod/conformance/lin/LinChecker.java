package io.synod.conformance.lin;

import io.synod.conformance.history.Event;
import io.synod.conformance.history.History;
import io.synod.conformance.history.HistoryFormatException;
import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks a history against a model: validates the operations, splits independent keys,
 * searches the partitions in parallel and combines their verdicts.
 *
 * <p>The result does not depend on thread timing (time budgets aside): partitions are
 * numbered in order of their keys' first appearance, an invalid partition cancels only
 * partitions numbered after it, and the reported failure is the lowest-numbered invalid
 * partition, which is never cancelled.
 */
public final class LinChecker {
  private final LinOptions options;

  public LinChecker(LinOptions options) {
    this.options = options;
  }

  /**
   * @throws HistoryFormatException if an operation does not fit the model (located)
   */
  public LinResult check(History history, Model<?> model) {
    long start = System.nanoTime();
    List<Operation> ops = history.operations();
    boolean split = model.keyed()
        || (options.independent() != null
            ? options.independent()
            : Partitioner.looksIndependent(history.source(), ops, model));
    List<Object> keys = new ArrayList<>();
    List<List<Operation>> parts = new ArrayList<>();
    if (split) {
      for (Map.Entry<Object, List<Operation>> e : Partitioner.split(history.source(), ops).entrySet()) {
        keys.add(e.getKey());
        parts.add(e.getValue());
      }
    } else {
      keys.add(null);
      parts.add(ops);
    }
    for (List<Operation> part : parts) {
      for (Operation op : part) {
        String problem = model.validate(op);
        if (problem != null) {
          Event at = op.invoke();
          throw new HistoryFormatException(history.source(), at.line(), at.column(), problem);
        }
      }
    }
    long deadline = options.timeout() == null
        ? Long.MAX_VALUE
        : start + options.timeout().toNanos();
    int threads = Math.max(1, Math.min(options.threads(), parts.size()));
    long maxConfigs = options.maxConfigs() > 0
        ? options.maxConfigs()
        // ~100 bytes per remembered configuration, half the heap shared by the running searches
        : Math.max(100_000L, Runtime.getRuntime().maxMemory() / 2 / 100 / threads);
    AtomicInteger lowestInvalid = new AtomicInteger(Integer.MAX_VALUE);
    List<PartitionResult> results = new ArrayList<>();
    if (threads == 1) {
      for (int i = 0; i < parts.size(); i++) {
        results.add(checkPartition(model, keys.get(i), parts.get(i), i, deadline, maxConfigs, lowestInvalid));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        // values are compared and hashed recursively: as deep a stack as the command's thread
        Thread t = new Thread(null, r, "synod-lin", 1L << 30);
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<PartitionResult>> futures = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          int index = i;
          futures.add(pool.submit(() -> checkPartition(
              model, keys.get(index), parts.get(index), index, deadline, maxConfigs, lowestInvalid)));
        }
        for (Future<PartitionResult> f : futures) {
          results.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while checking", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    long configs = results.stream().mapToLong(r -> r == null ? 0 : r.configs()).sum();
    int firstInvalid = lowestInvalid.get();
    Verdict verdict;
    List<PartitionResult> shown;
    if (firstInvalid != Integer.MAX_VALUE) {
      verdict = Verdict.INVALID;
      shown = List.of(results.get(firstInvalid));
    } else {
      verdict = results.stream().anyMatch(r -> r.verdict() == Verdict.UNKNOWN)
          ? Verdict.UNKNOWN
          : Verdict.VALID;
      shown = List.copyOf(results);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new LinResult(history.source(), model.name(), options.consistency(), verdict,
        ops.size(), shown, parts.size(), configs, millis);
  }

  private <S> PartitionResult checkPartition(
      Model<S> model, Object key, List<Operation> ops, int index, long deadline, long maxConfigs,
      AtomicInteger lowestInvalid) {
    if (lowestInvalid.get() < index) {
      return new PartitionResult(key, ops.size(), Verdict.UNKNOWN, 0, List.of(), null,
          "cancelled: another partition was found invalid", List.of());
    }
    Budget budget = new Budget(deadline, maxConfigs, () -> lowestInvalid.get() < index);
    PartitionResult r;
    try {
      r = new LinearizationSearch<>(model, ops, options.consistency(), budget,
          options.finalStates(), options.maxPaths()).run(key);
    } catch (OutOfMemoryError oom) {
      // The search's tables are garbage now; the answer is "don't know", not a crash.
      r = new PartitionResult(key, ops.size(), Verdict.UNKNOWN, 0, List.of(), null,
          "ran out of memory (raise -Xmx or lower --max-configs)", List.of());
    }
    if (r.verdict() == Verdict.INVALID) {
      lowestInvalid.accumulateAndGet(index, Math::min);
    }
    return r;
  }
}
