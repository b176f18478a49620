package io.synod.checker.eval;

import io.synod.checker.Checker;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a spec written to files, as {@code synod check -workers 1 -deadlock} would. */
final class SpecRun {
  private SpecRun() {
  }

  static CheckResult check(Path dir, String module, String text, String cfg) throws Exception {
    Path spec = dir.resolve(module + ".tla");
    Files.writeString(spec, text);
    Path c = dir.resolve(module + ".cfg");
    Files.writeString(c, cfg);
    return Checker.check(spec, c, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true),
        new SearchListener() {}, Output.NONE);
  }
}
