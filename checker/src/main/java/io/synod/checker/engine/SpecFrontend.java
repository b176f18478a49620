package io.synod.checker.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns files into a {@link SpecModel}: parsing and semantic analysis of the root module and the
 * modules it uses, then binding to a configuration. The engine sees a spec only through this and
 * {@link SpecModel}, not through a particular evaluator; {@link io.synod.checker.Checker} supplies
 * the implementation.
 */
public interface SpecFrontend {

  /**
   * Parses and analyses {@code spec}, printing TLC's {@code Parsing file ...}, {@code Semantic
   * processing of module ...} lines and any parse or semantic errors to {@code out}.
   *
   * @param libraryPath extra directories searched for modules ({@code -lib})
   * @throws FrontendException with exit code 150 when parsing or analysis failed (the details
   *     already printed; the message is TLC's "Parsing or semantic analysis failed.")
   */
  ParsedSpec parse(Path spec, List<Path> libraryPath, Output out) throws FrontendException;

  /** A spec that parsed and passed semantic checks. */
  interface ParsedSpec {
    /** The root module's name. */
    String moduleName();

    /**
     * Binds the spec to the configuration in {@code config}.
     *
     * @throws FrontendException with exit code 151 for a configuration error (message in TLC's
     *     words, e.g. "The constant parameter Quota is not assigned a value by the configuration
     *     file.") or 75/14 when evaluating constant definitions failed
     */
    SpecModel bind(Path config, Output out) throws FrontendException;

    /**
     * A digest (hex) of the text of every module the spec was parsed from: what a checkpoint
     * records so that it is not resumed with another spec. Empty when unknown.
     */
    default String sourceDigest() {
      return "";
    }
  }
}
