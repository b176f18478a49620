package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synod check} with temporal properties: a counter that may stop at 2 (without fairness
 * it may stop anywhere: {@code <>(x = 3)} fails by stuttering) and that with weak fairness on
 * its step reaches 3.
 */
class CheckLivenessTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void writeSpec() throws IOException {
    spec = dir.resolve("Count.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Count ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "Init == x = 0",
        "Step == x < 3 /\\ x' = x + 1",
        "Spec == Init /\\ [][Step]_x",
        "FairSpec == Spec /\\ WF_x(Step)",
        "Reaches == <>(x = 3)",
        "Up == x = 0 ~> x = 3",
        "===="));
    Files.writeString(dir.resolve("Unfair.cfg"), "SPECIFICATION Spec\nPROPERTY Reaches\n"
        + "CHECK_DEADLOCK FALSE\n");
    Files.writeString(dir.resolve("Fair.cfg"), "SPECIFICATION FairSpec\nPROPERTIES Reaches Up\n"
        + "CHECK_DEADLOCK FALSE\n");
  }

  @Test
  void aViolationIsALassoWithExitCode13AndAnItfLoop() throws IOException {
    Path itf = dir.resolve("cex.itf.json");
    CliTestSupport.Result r = CliTestSupport.run("check", "-config",
        dir.resolve("Unfair.cfg").toString(), "--itf", itf.toString(), spec.toString());
    assertEquals(13, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Implied-temporal checking--satisfiability problem has 1 branches."),
        r.out());
    assertTrue(r.out().contains("Error: Temporal property Reaches was violated."), r.out());
    assertTrue(r.out().contains("Error: The following behavior constitutes a counter-example:"),
        r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("State \\d+: Stuttering")), r.out());
    assertTrue(r.out().contains("Finished checking temporal properties in "), r.out());
    JsonNode doc = new ObjectMapper().readTree(itf.toFile());
    int states = doc.get("states").size();
    assertTrue(states >= 1);
    // stuttering forever in the last state: the loop is that state
    assertEquals(states - 1, doc.get("loop").asInt(), doc.toString());
  }

  @Test
  void weakFairnessMakesBothPropertiesHold() {
    CliTestSupport.Result r = CliTestSupport.run("check", "-config",
        dir.resolve("Fair.cfg").toString(), "-lncheck", "final", spec.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Checking 2 branches of temporal properties for the complete state"
        + " space with 8 total distinct states"), r.out());
    assertTrue(r.out().contains("Model checking completed. No error has been found."), r.out());
  }

  @Test
  void simulationChecksTemporalPropertiesOnEachBehaviour() {
    // as TLC's simulator: a behaviour may stutter in any state but its last, so without fairness
    // <>(x = 3) fails on the first behaviour
    CliTestSupport.Result r = CliTestSupport.run("check", "-simulate", "-depth", "5", "-seed", "3",
        "-config", dir.resolve("Unfair.cfg").toString(), spec.toString());
    assertEquals(13, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Temporal property Reaches was violated."), r.out());
    assertTrue(r.out().contains("Error: The following behavior constitutes a counter-example:"),
        r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("State \\d+: Stuttering")), r.out());
    assertTrue(r.out().contains("Simulation using seed 3 and aril 0"), r.out());
  }

  @Test
  void simulationFindsNoViolationWhereFairnessHoldsTheProperties() {
    // with weak fairness the counter reaches 3 and then stutters in a state without successors,
    // the last one of its behaviours: no counterexample, as in TLC
    CliTestSupport.Result r = CliTestSupport.run("check", "-simulate", "num=20", "-depth", "10",
        "-config", dir.resolve("Fair.cfg").toString(), spec.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Progress: 61 states checked, 20 traces generated (trace length:"
        + " mean=4, var(x)=0, sd=0)"), r.out());
  }

  @Test
  void anUnknownLivenessModeIsAUsageError() {
    CliTestSupport.Result r = CliTestSupport.run("check", "-lncheck", "sometimes", spec.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("-lncheck"), r.err());
  }
}
