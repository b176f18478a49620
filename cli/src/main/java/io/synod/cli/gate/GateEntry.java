package io.synod.cli.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One model of the manifest.
 *
 * @param name unique name, used in the table and as the JUnit test case name
 * @param spec the root module, resolved against the manifest's root
 * @param config the configuration file, resolved likewise
 * @param expect the expected outcome
 * @param states the expected number of distinct states, if given
 * @param workers checker worker threads for this model
 * @param budget the longest the run may take; the run is stopped when it is exceeded
 * @param waiting when non-null, why the model is not run yet (it is reported as skipped)
 */
public record GateEntry(
    String name,
    Path spec,
    Path config,
    Expectation expect,
    OptionalLong states,
    int workers,
    Duration budget,
    String waiting) {}
