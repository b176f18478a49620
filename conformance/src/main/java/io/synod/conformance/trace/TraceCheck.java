package io.synod.conformance.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 helper: validates the traces a test run writes against a spec, and fails the test
 * with the diagnosis (the first event no spec step explains, the candidate states, what did not
 * match).
 *
 * <pre>{@code
 * @RegisterExtension
 * static TraceCheck traces = TraceCheck.of(Path.of("specs/raft/trace.yaml"));
 *
 * @Test
 * void failover(@TempDir Path dir) {
 *   Path trace = dir.resolve("trace.ndjson");
 *   traces.validateAfterTest(trace);   // checked when the test ends (also if it then fails)
 *   runMyClusterWritingTraceTo(trace);
 * }
 * }</pre>
 *
 * Or at once: {@code traces.validateNow(trace)}, or without the extension
 * {@code TraceCheck.assertAccepted(mapping, trace)}. The mapping and its spec are
 * loaded once per extension; tests may run in parallel (traces are registered per test).
 */
public final class TraceCheck implements AfterEachCallback {
  private final Path mapping;
  private final TraceValidator.Options options;
  private volatile TraceValidator validator;
  /** The traces registered by the test running on each thread (JUnit runs a test on one thread). */
  private final ThreadLocal<List<Path>> current = ThreadLocal.withInitial(ArrayList::new);

  private TraceCheck(Path mapping, TraceValidator.Options options) {
    this.mapping = mapping;
    this.options = options;
  }

  public static TraceCheck of(Path mapping) {
    return new TraceCheck(mapping, TraceValidator.Options.DEFAULT);
  }

  public static TraceCheck of(Path mapping, TraceValidator.Options options) {
    return new TraceCheck(mapping, options);
  }

  /** Registers trace file(s) (several: one per node, merged by clock) to validate when the test ends. */
  public void validateAfterTest(Path... traces) {
    current.get().addAll(List.of(traces));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    List<Path> traces = new ArrayList<>(current.get());
    current.remove();
    if (!traces.isEmpty()) {
      check(validator(), traces);
    }
  }

  /** Validates now; throws {@link AssertionError} with the diagnosis if the trace is rejected. */
  public void validateNow(Path... traces) throws TraceInputException {
    check(validator(), List.of(traces));
  }

  /** Validates {@code traces} against the spec of {@code mapping}, failing with the diagnosis. */
  public static void assertAccepted(Path mapping, Path... traces) throws TraceInputException {
    check(TraceValidator.of(mapping), List.of(traces));
  }

  private TraceValidator validator() throws TraceInputException {
    TraceValidator v = validator;
    if (v == null) {
      synchronized (this) {
        v = validator;
        if (v == null) {
          v = TraceValidator.of(mapping, options);
          validator = v;
        }
      }
    }
    return v;
  }

  private static void check(TraceValidator v, List<Path> traces) throws TraceInputException {
    TraceResult r = v.validate(traces);
    if (!r.accepted()) {
      throw new AssertionError("the trace " + traces
          + (r.rejected() ? " is not a behaviour of " : " could not be decided against ") + v.mapping().spec()
          + ":\n" + TraceReport.text(r));
    }
  }
}
