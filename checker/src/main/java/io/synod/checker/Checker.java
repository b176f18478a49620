package io.synod.checker;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SpecFrontend;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.eval.EvalFrontend;
import java.nio.file.Path;
import java.util.List;

/**
 * The checker as a library: files in, a {@link SpecModel} or a {@link CheckResult} out. The one
 * path from a spec and its configuration to a check, used by {@code synod check}, the gate and
 * tests. It keeps no state between calls, so several checks may run at once in one JVM.
 *
 * <p>Callers that must act between the phases (print a line after parsing, cancel a running
 * search, watch the state graph) use {@link #parse}, {@link SpecFrontend.ParsedSpec#bind} and
 * {@link ModelChecker} themselves; the others use {@link #prepare} or {@link #check}.
 */
public final class Checker {
  private Checker() {}

  /**
   * Parses and analyses {@code spec} and the modules it uses, printing TLC's progress lines and
   * any errors to {@code out}.
   *
   * @param libraryPath extra directories searched for modules ({@code -lib})
   * @throws FrontendException with exit code 150 when parsing or analysis failed
   */
  public static SpecFrontend.ParsedSpec parse(Path spec, List<Path> libraryPath, Output out)
      throws FrontendException {
    return new EvalFrontend().parse(spec, libraryPath, out);
  }

  /**
   * Parses {@code spec} and binds it to the configuration {@code config}: the model a {@link
   * ModelChecker} searches.
   *
   * @throws FrontendException with TLC's exit code: 150 parse error, 151 configuration error,
   *     75 or 14 when evaluating the constants failed
   */
  public static SpecModel prepare(Path spec, Path config, List<Path> libraryPath, Output out)
      throws FrontendException {
    return parse(spec, libraryPath, out).bind(config, out);
  }

  /**
   * Prepares the model and searches it to the end.
   *
   * @param listener told of the search's progress and result ({@code new SearchListener() {}}
   *     for none)
   * @throws FrontendException when the spec or configuration cannot be turned into a model; a
   *     model that can is always searched, its verdict in the result
   */
  public static CheckResult check(Path spec, Path config, CheckOptions options,
      SearchListener listener, Output out) throws FrontendException {
    SpecModel model = prepare(spec, config, List.of(), out);
    return new ModelChecker(model, options, listener, out).run();
  }
}
