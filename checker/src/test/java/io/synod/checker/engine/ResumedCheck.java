package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A check stopped right after each checkpoint it writes (as a kill would stop it) and resumed
 * from that checkpoint, again and again until a run ends on its own: what the checkpoint tests
 * compare with an uninterrupted check.
 *
 * @param result the run that ended on its own (the last run when none did)
 * @param interruptions how many runs were stopped after a checkpoint
 * @param failure why a checkpoint could not be written (the first such reason), or null
 */
record ResumedCheck(CheckResult result, int interruptions, String failure) {
  /** The identity of the spec in these tests' checkpoints (the files are not hashed). */
  static final Map<String, String> IDENTITY = Map.of("modules", "m", "config", "c");

  interface Model {
    SpecModel make() throws Exception;
  }

  /**
   * Runs {@code model} with a checkpoint after every {@code every} states into {@code ckpt},
   * each run but the first resuming from it, at most {@code maxRuns} runs; asserts that every
   * interrupted run leaves its checkpoint behind.
   */
  static ResumedCheck run(Model model, CheckOptions options, LivenessSchedule schedule, Path ckpt,
      long every, int maxRuns) throws Exception {
    CheckResult r = null;
    int interruptions = 0;
    String[] failed = {null};
    for (int run = 0; run < maxRuns; run++) {
      AtomicReference<ModelChecker> checker = new AtomicReference<>();
      ModelChecker c = new ModelChecker(model.make(), options, new SearchListener() {
        @Override
        public void checkpointDone(Path d, SearchStats at, long bytes, long millis) {
          checker.get().cancel(); // as a kill right after the checkpoint
        }

        @Override
        public void checkpointFailed(Path d, String reason) {
          if (failed[0] == null) {
            failed[0] = reason;
          }
        }
      }, Output.NONE).withLiveness(schedule).withCheckpoints(new CheckpointSettings(ckpt, 0, every,
          run == 0 ? null : ckpt, IDENTITY));
      checker.set(c);
      r = c.run();
      if (r.verdict() != Verdict.CANCELLED) {
        break;
      }
      interruptions++;
      assertTrue(CheckpointFile.exists(ckpt), "the checkpoint outlives the interrupted search");
    }
    return new ResumedCheck(r, interruptions, failed[0]);
  }
}
